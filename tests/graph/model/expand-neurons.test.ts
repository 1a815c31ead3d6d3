import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { layoutGraph } from "../../../src/graph/layout/layout-graph.ts";
import { expandNeurons, layerSymbol } from "../../../src/graph/model/expand-neurons.ts";
import { trace } from "../../../src/graph/model/trace.ts";
import { F, nn } from "../../../src/index.ts";
import { tensor } from "../../../src/tensor/index.ts";
import { defined } from "../defined.ts";
import { mlp221 } from "../examples.ts";

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

  test("one notation throughout, the chapter's: W⁽ˡ⁾ᵢⱼ, b⁽ˡ⁾ᵢ, z⁽ˡ⁾ᵢ, a⁽ˡ⁾ᵢ, (W⁽ˡ⁾a⁽ˡ⁻¹⁾)ᵢ", () => {
    const labels = t.nodes.map((n) => n.label);
    for (const label of ["(W⁽¹⁾x)₁", "(W⁽¹⁾x)₂", "W⁽²⁾a⁽¹⁾", "W⁽²⁾₁a⁽¹⁾₁", "b⁽¹⁾₂", "z⁽²⁾"]) {
      assert.ok(labels.includes(label), `no node ${label}: ${labels.join(" ")}`);
    }
    // No layer symbol with its layer as a subscript (W₂, a₁, z₁) is left beside W⁽²⁾₁.
    const mixed = labels.filter((l) => /[Wbza][₀-₉]/u.test(l.replace(/[⁽][⁰-⁹]+[⁾][₀-₉]*/gu, "")));
    assert.deepEqual(mixed, []);
  });

  test("lays out in reading order: neuron 1 above neuron 2, W⁽¹⁾₁₁ … W⁽¹⁾₂₂ top to bottom", () => {
    const layout = layoutGraph(t);
    const y = (label: string): number => {
      const node = defined(byLabel(label), label);
      return defined(
        layout.nodes.find((b) => b.id === node.id),
        `${label}'s box`,
      ).y;
    };
    const columns = [
      ["W⁽¹⁾₁₁", "W⁽¹⁾₁₂", "W⁽¹⁾₂₁", "W⁽¹⁾₂₂"],
      ["W⁽¹⁾₁₁x₁", "W⁽¹⁾₁₂x₂", "W⁽¹⁾₂₁x₁", "W⁽¹⁾₂₂x₂"],
      ["(W⁽¹⁾x)₁", "(W⁽¹⁾x)₂"],
      ["z⁽¹⁾₁", "z⁽¹⁾₂"],
      ["a⁽¹⁾₁", "a⁽¹⁾₂"],
      ["W⁽²⁾₁a⁽¹⁾₁", "W⁽²⁾₂a⁽¹⁾₂"],
    ];
    for (const column of columns) {
      const ys = column.map(y);
      assert.deepEqual(
        ys,
        [...ys].sort((a, b) => a - b),
        `${column.join(", ")} at y = ${ys.join(", ")}`,
      );
    }
  });

  test("nn.Linear layers expand into the same notation, products written W x", () => {
    const model = new nn.MLP([2, 3, 1], { activation: "tanh", seed: 0 });
    const x = tensor([[1.0, 0.1]], { name: "x" });
    const loss = F.mseLoss(model.forward(x), tensor([[0.5]], { name: "y" }));
    const labels = trace(expandNeurons(loss)).nodes.map((n) => n.label);
    for (const label of ["W⁽¹⁾₃₂x₂", "(W⁽¹⁾x)₃", "z⁽¹⁾₃", "W⁽²⁾₃a⁽¹⁾₃", "W⁽²⁾a⁽¹⁾", "z⁽²⁾"]) {
      assert.ok(labels.includes(label), `no node ${label}: ${labels.join(" ")}`);
    }
  });

  test("layerSymbol moves a layer index up: W_{1} → W^{(1)}, W_{2} a_{1} → W^{(2)} a^{(1)}", () => {
    assert.equal(layerSymbol("W_{1}"), "W^{(1)}");
    assert.equal(layerSymbol("W_{2} a_{1}"), "W^{(2)} a^{(1)}");
    assert.equal(layerSymbol("W^{(1)} x"), "W^{(1)} x");
    assert.equal(layerSymbol("\\hat{y}"), "\\hat{y}");
  });

  test("gradients of the scalar graph equal the layer graph's, entry by entry", () => {
    const layers = trace(ex.loss);
    const W1 = defined(layers.nodes.find((n) => n.label === "W₁")?.grad, "∂ℓ/∂W₁").data;
    const scalarW1 = ["W⁽¹⁾₁₁", "W⁽¹⁾₁₂", "W⁽¹⁾₂₁", "W⁽¹⁾₂₂"].map((l) =>
      defined(byLabel(l)?.grad?.data[0], `∂ℓ/∂${l}`),
    );
    for (const [k, g] of scalarW1.entries()) {
      assert.ok(Math.abs(g - (W1[k] ?? Number.NaN)) < 1e-15, `${g} vs ${W1[k]}`);
    }
  });

  test("an input feeding both hidden neurons sums two terms in its backward step", () => {
    const all = trace(scalar, { allGradients: true });
    const x1 = defined(
      all.nodes.find((n) => n.label === "x₁"),
      "x₁",
    );
    const step = defined(
      all.backward.find((s) => s.node === x1.id),
      "x₁'s backward step",
    );
    assert.equal(step.terms.length, 2); // through W⁽¹⁾₁₁x₁ and W⁽¹⁾₂₁x₁
    const [a, b] = step.terms.map((term) => defined(term.product.data[0]));
    const sum = defined(a) + defined(b);
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
