import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { expandNeurons } from "../../src/graph/expand-neurons.ts";
import { trace } from "../../src/graph/trace.ts";
import { tensor } from "../../src/tensor/index.ts";
import { mlp221 } from "./examples.ts";

describe("expandNeurons(result)", () => {
  const ex = mlp221();
  const scalar = expandNeurons(ex.loss);
  const t = trace(scalar);
  const byLabel = (label: string) => t.nodes.find((n) => n.label === label);

  test("computes the same loss with one scalar node per entry", () => {
    assert.ok(Math.abs(scalar.item() - ex.loss.item()) < 1e-15);
    assert.ok(t.nodes.every((n) => n.shape.length === 0));
  });

  test("names every weight and neuron the way the lecture writes them", () => {
    for (const label of ["W⁽¹⁾₁₁", "W⁽¹⁾₂₂", "x₁", "x₂", "z⁽¹⁾₁", "a⁽¹⁾₂", "W⁽²⁾₂", "ŷ", "ℓ"]) {
      assert.ok(byLabel(label), `no node ${label}: ${t.nodes.map((n) => n.label).join(" ")}`);
    }
  });

  test("gradients of the scalar graph equal the layer graph's, entry by entry", () => {
    const layers = trace(ex.loss);
    const W1 = layers.nodes.find((n) => n.label === "W₁")!.grad!.data;
    const scalarW1 = ["W⁽¹⁾₁₁", "W⁽¹⁾₁₂", "W⁽¹⁾₂₁", "W⁽¹⁾₂₂"].map(
      (l) => byLabel(l)!.grad!.data[0]!,
    );
    for (const [k, g] of scalarW1.entries())
      assert.ok(Math.abs(g - W1[k]!) < 1e-15, `${g} vs ${W1[k]}`);
  });

  test("an input feeding both hidden neurons sums two terms in its backward step", () => {
    const all = trace(scalar, { allGradients: true });
    const x1 = all.nodes.find((n) => n.label === "x₁")!;
    const step = all.backward.find((s) => s.node === x1.id)!;
    assert.equal(step.terms.length, 2); // through W⁽¹⁾₁₁x₁ and W⁽¹⁾₂₁x₁
    const sum = step.terms[0]!.product.data[0]! + step.terms[1]!.product.data[0]!;
    assert.equal(step.grad.data[0], sum);
  });

  test("refuses networks wider than 8 units per layer, saying why", () => {
    const W = tensor(
      Array.from({ length: 16 }, () => [0.1, 0.2]),
      { requiresGrad: true, name: "W1" },
    );
    const x = tensor([[1], [2]]);
    assert.throws(
      () => expandNeurons(W.matmul(x).tanh().sum()),
      /W₁ has shape \[16, 2\].*at most 8 units per layer/,
    );
  });
});
