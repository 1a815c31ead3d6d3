import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { expandNeurons } from "../../../src/graph/model/expand-neurons.ts";
import { texValues, transposeValues } from "../../../src/graph/model/format.ts";
import { finiteDifferences } from "../../../src/graph/model/grad-check.ts";
import { indexSteps, stepAt } from "../../../src/graph/model/step-index.ts";
import { trace, traceComputation } from "../../../src/graph/model/trace.ts";
import { equationHtml } from "../../../src/graph/render/equation-panel.ts";
import { loadKatex } from "../../../src/graph/tex/katex-loader.ts";
import { F, nn, tensor } from "../../../src/index.ts";
import { defined } from "../defined.ts";

// The panel typesets with KaTeX once it has loaded (in the browser, when a view comes near).
await loadKatex();

// Graphs built with the nn module: nn.Linear records one "linear" op (y = x Wᵀ + b) and
// F.mseLoss one "mseLoss" op; the graph view must write, check and expand both.
describe("graphs of nn.MLP and F.mseLoss", () => {
  const model = new nn.MLP([2, 3, 1], { activation: "tanh", seed: 0 });
  const x = tensor([[1.0, 0.1]], { name: "x" });
  const y = tensor([[0.5]], { name: "y" });
  const loss = F.mseLoss(model.forward(x), y);

  test("layer names come from the module (W1, b1, …), the linear output layer is z₂, and the equations typeset", () => {
    const t = trace(loss);
    for (const label of ["W₁", "b₁", "W₂", "b₂", "z₁", "a₁", "z₂", "x", "y", "ℓ"]) {
      assert.ok(
        t.nodes.some((n) => n.label === label),
        `${label} missing: ${t.nodes.map((n) => n.label).join(" ")}`,
      );
    }
    assert.ok(!t.nodes.some((n) => /^v/.test(n.label)), t.nodes.map((n) => n.label).join(" "));
    const index = indexSteps(t);
    for (let p = 1; p < index.count; p++)
      assert.doesNotMatch(equationHtml(stepAt(index, p), ""), /katex-error/);
    const forward = t.forward.find((s) => t.nodes.find((n) => n.id === s.node)?.op === "mseLoss");
    assert.equal(forward?.texSymbolic, "\\ell = (z_{2} - y)^{2}");
  });

  test("the layered form is the lecture's, in columns: δ₁ = f′(z₁) ∘ W₂ᵀδ₂, ∂ℓ/∂W₁ = δ₁xᵀ, ∂ℓ/∂b₁ = δ₁", () => {
    const t = trace(loss);
    const at = (label: string) =>
      t.backward
        .find((s) => t.nodes.find((n) => n.id === s.node)?.label === label)
        ?.texLayer?.split(" = ")
        .slice(0, 2)
        .join(" = ");
    assert.equal(at("W₁"), "\\frac{\\partial \\ell}{\\partial W_{1}} = \\delta_{1} x^{\\top}");
    assert.equal(at("b₁"), "\\frac{\\partial \\ell}{\\partial b_{1}} = \\delta_{1}");
    assert.equal(at("z₁"), "\\delta_{1} = (1 - a_{1}^{2}) \\circ W_{2}^{\\top} \\delta_{2}");
    assert.equal(at("a₁"), "\\frac{\\partial \\ell}{\\partial a_{1}} = W_{2}^{\\top} \\delta_{2}");
    assert.equal(at("z₂"), "\\delta_{2} = \\frac{\\partial \\ell}{\\partial z_{2}}");
    assert.equal(at("W₂"), "\\frac{\\partial \\ell}{\\partial W_{2}} = \\delta_{2} a_{1}^{\\top}");
    assert.equal(at("b₂"), "\\frac{\\partial \\ell}{\\partial b_{2}} = \\delta_{2}");
  });

  test("the numbers of the layered form are the gradients, turned from nn.Linear's rows into columns", () => {
    const t = trace(loss);
    const grad = (label: string) => defined(t.nodes.find((n) => n.label === label)?.grad, label);
    const layer = (label: string): string =>
      defined(
        t.backward.find((s) => t.nodes.find((n) => n.id === s.node)?.label === label)?.texLayer,
        `${label}'s layered form`,
      );
    // δ₁ is ∂ℓ/∂z₁ [1, 3] as a column [3, 1]; ∂ℓ/∂W₁ keeps W₁'s own [3, 2].
    assert.ok(layer("z₁").endsWith(`= ${texValues(transposeValues(grad("z₁")))}`));
    assert.ok(layer("W₁").endsWith(`= ${texValues(grad("W₁"))}`));
    assert.ok(layer("b₁").endsWith(`= ${texValues(transposeValues(grad("b₁")))}`));
    assert.match(layer("z₂"), /linear output layer/);
  });
});

describe("graphs of a deeper nn.MLP: every layer gets its layered form", () => {
  const model = new nn.MLP([3, 2, 2, 1], { activation: "tanh", seed: 1 });
  const x = tensor([[1.0, -0.5, 0.25]], { name: "x" });
  const t = trace(F.mseLoss(model.forward(x), tensor([[0.5]], { name: "y" })));
  const layered = (label: string) =>
    t.backward.find((s) => t.nodes.find((n) => n.id === s.node)?.label === label)?.texLayer;

  test("z₃ is the output pre-activation; W, b, z and a of all three layers have a layered form", () => {
    for (const label of ["W₁", "b₁", "z₁", "a₁", "W₂", "b₂", "z₂", "a₂", "W₃", "b₃", "z₃"]) {
      assert.ok(layered(label), `${label} has no layered form`);
    }
    assert.ok(
      layered("z₂")?.startsWith(
        "\\delta_{2} = (1 - a_{2}^{2}) \\circ W_{3}^{\\top} \\delta_{3} = ",
      ),
    );
  });

  test("a batch of examples: the bias gradient sums δ over the examples", () => {
    const batch = tensor(
      [
        [1.0, -0.5, 0.25],
        [0.5, 0.5, -1],
      ],
      { name: "x" },
    );
    const tb = trace(F.mseLoss(model.forward(batch), tensor([[0.5], [-0.5]], { name: "y" })));
    const b1 = defined(
      tb.nodes.find((n) => n.label === "b₁"),
      "b₁",
    );
    const layer = defined(tb.backward.find((s) => s.node === b1.id)?.texLayer, "b₁'s layered form");
    assert.ok(
      layer.startsWith(
        "\\frac{\\partial \\ell}{\\partial b_{1}} = \\textstyle\\sum_{\\text{examples}} \\delta_{1} = ",
      ),
    );
    assert.ok(layer.endsWith(`= ${texValues(transposeValues(defined(b1.grad)))}`));
  });
});

describe("graphs of nn.MLP and F.mseLoss: expanding and checking", () => {
  const model = new nn.MLP([2, 3, 1], { activation: "tanh", seed: 0 });
  const x = tensor([[1.0, 0.1]], { name: "x" });
  const y = tensor([[0.5]], { name: "y" });
  const loss = F.mseLoss(model.forward(x), y);

  test("expandNeurons splits linear and mseLoss into scalar ops with the same loss and gradients", () => {
    const scalar = expandNeurons(loss);
    assert.ok(Math.abs(scalar.item() - loss.item()) < 1e-15);
    const t = trace(scalar);
    const layers = trace(loss);
    const W1 = defined(layers.nodes.find((n) => n.label === "W₁")?.grad?.data[0], "∂ℓ/∂W₁");
    const W1first = defined(t.nodes.find((n) => n.label === "W⁽¹⁾₁₁")?.grad?.data[0], "∂ℓ/∂W⁽¹⁾₁₁");
    assert.ok(Math.abs(W1first - W1) < 1e-15);
  });

  test("finite differences re-run linear and mseLoss and agree with every gradient", () => {
    const checks = finiteDifferences(traceComputation(loss));
    assert.ok(checks.size > 5);
    for (const [id, check] of checks) assert.ok(check.ok, `${id}: ${check.estimate}`);
  });
});
