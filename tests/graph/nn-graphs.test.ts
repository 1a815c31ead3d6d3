import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { equationHtml } from "../../src/graph/equation-panel.ts";
import { expandNeurons } from "../../src/graph/expand-neurons.ts";
import { finiteDifferences } from "../../src/graph/grad-check.ts";
import { indexSteps, stepAt } from "../../src/graph/step-index.ts";
import { trace, traceComputation } from "../../src/graph/trace.ts";
import { F, nn, tensor } from "../../src/index.ts";

// Graphs built with the nn module: nn.Linear records one "linear" op (y = x Wᵀ + b) and
// F.mseLoss one "mseLoss" op; the graph view must write, check and expand both.
describe("graphs of nn.MLP and F.mseLoss", () => {
  const model = new nn.MLP([2, 3, 1], { activation: "tanh", seed: 0 });
  const x = tensor([[1.0, 0.1]], { name: "x" });
  const y = tensor([[0.5]], { name: "y" });
  const loss = F.mseLoss(model.forward(x), y);

  test("layer names come from the module (W1, b1, …) and the equations typeset", () => {
    const t = trace(loss);
    for (const label of ["W₁", "b₁", "W₂", "b₂", "z₁", "a₁", "x", "y", "ℓ"]) {
      assert.ok(
        t.nodes.some((n) => n.label === label),
        `${label} missing: ${t.nodes.map((n) => n.label).join(" ")}`,
      );
    }
    const index = indexSteps(t);
    for (let p = 1; p < index.count; p++)
      assert.doesNotMatch(equationHtml(stepAt(index, p), ""), /katex-error/);
    const forward = t.forward.find((s) => t.nodes.find((n) => n.id === s.node)?.op === "mseLoss");
    assert.equal(forward?.texSymbolic, "\\ell = (v_{1} - y)^{2}");
  });

  test("the layered form uses nn.Linear's convention: δ₁ = f′(z₁) ∘ δ W₂, ∂ℓ/∂W₁ = δ₁ᵀ x", () => {
    const t = trace(loss);
    const at = (label: string) =>
      t.backward.find((s) => t.nodes.find((n) => n.id === s.node)?.label === label)?.texLayer;
    assert.equal(at("W₁"), "\\frac{\\partial \\ell}{\\partial W_{1}} = \\delta_{1}^{\\top} x");
    assert.equal(at("b₁"), "\\frac{\\partial \\ell}{\\partial b_{1}} = \\delta_{1}");
  });

  test("expandNeurons splits linear and mseLoss into scalar ops with the same loss and gradients", () => {
    const scalar = expandNeurons(loss);
    assert.ok(Math.abs(scalar.item() - loss.item()) < 1e-15);
    const t = trace(scalar);
    const layers = trace(loss);
    const W1 = layers.nodes.find((n) => n.label === "W₁")!.grad!.data;
    const W1first = t.nodes.find((n) => n.label === "W⁽¹⁾₁₁")!.grad!.data[0]!;
    assert.ok(Math.abs(W1first - W1[0]!) < 1e-15);
  });

  test("finite differences re-run linear and mseLoss and agree with every gradient", () => {
    const checks = finiteDifferences(traceComputation(loss));
    assert.ok(checks.size > 5);
    for (const [id, check] of checks) assert.ok(check.ok, `${id}: ${check.estimate}`);
  });
});
