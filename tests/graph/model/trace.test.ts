import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { texValues } from "../../../src/graph/model/format.ts";
import { trace } from "../../../src/graph/model/trace.ts";
import type { BackwardStep, Trace, TraceNode } from "../../../src/graph/model/types.ts";
import { tensor } from "../../../src/tensor/index.ts";
import { defined } from "../defined.ts";
import { leastSquares, mlp221, ridge } from "../examples.ts";

function byLabel(t: Trace, label: string): TraceNode {
  const node = t.nodes.find((n) => n.label === label);
  assert.ok(node, `no node labelled ${label}; labels: ${t.nodes.map((n) => n.label).join(" ")}`);
  return node;
}

function backwardStepOf(t: Trace, label: string): BackwardStep {
  const id = byLabel(t, label).id;
  const step = t.backward.find((s) => s.node === id);
  assert.ok(step, `no backward step for ${label}`);
  return step;
}

describe("graph.trace(result) on the least-squares example", () => {
  const ex = leastSquares();
  const t = trace(ex.loss);
  const r = ex.r.item();

  test("labels come from tensor names, ŷ and ℓ included", () => {
    for (const label of ["w₁", "w₂", "b", "x₁", "x₂", "y", "ŷ", "r", "ℓ", "w₁x₁"])
      byLabel(t, label);
    assert.equal(byLabel(t, "ŷ").tex, "\\hat{y}");
  });

  test("kinds tell parameters, inputs and the output apart", () => {
    assert.equal(byLabel(t, "w₁").kind, "parameter");
    assert.equal(byLabel(t, "x₁").kind, "input");
    assert.equal(byLabel(t, "r").kind, "intermediate");
    assert.equal(byLabel(t, "ℓ").kind, "output");
  });

  test("the forward step for r is written in symbols and with numbers", () => {
    const step = t.forward.find((s) => s.node === byLabel(t, "r").id);
    assert.ok(step);
    assert.equal(step.texSymbolic, "r = y - \\hat{y}");
    assert.equal(step.texNumeric, "r = 1.5 - 0.125 = 1.375");
  });

  test("backward steps give ∂ℓ/∂r = 2r, ∂ℓ/∂ŷ = −2r, ∂ℓ/∂b = −2r, ∂ℓ/∂wⱼ = −2r·xⱼ", () => {
    assert.deepEqual(backwardStepOf(t, "r").grad.data, [2 * r]);
    assert.deepEqual(backwardStepOf(t, "ŷ").grad.data, [-2 * r]);
    assert.deepEqual(backwardStepOf(t, "b").grad.data, [-2 * r]);
    assert.deepEqual(backwardStepOf(t, "w₁").grad.data, [-2 * r * ex.x1.item()]);
    assert.deepEqual(backwardStepOf(t, "w₂").grad.data, [-2 * r * ex.x2.item()]);
  });

  test("each backward step shows upstream × local = product", () => {
    const step = backwardStepOf(t, "ŷ");
    assert.equal(step.terms.length, 1);
    const [term] = step.terms;
    assert.deepEqual(term?.upstream.data, [2 * r]);
    assert.deepEqual(term?.local?.data, [-1]);
    assert.equal(term?.localTex, "-1");
    assert.deepEqual(term?.product.data, [-2 * r]);
    assert.match(
      step.texSymbolic,
      /\\frac\{\\partial \\ell\}\{\\partial r\}\\frac\{\\partial r\}\{\\partial \\hat\{y\}\}/,
    );
    assert.equal(
      step.texNumeric,
      "\\frac{\\partial \\ell}{\\partial \\hat{y}} = 2.75 \\cdot (-1) = -2.75",
    );
  });

  test("the first backward step is the seed ∂ℓ/∂ℓ = 1 at the output", () => {
    const seed = defined(t.backward[0], "the seed");
    assert.equal(seed.node, t.output);
    assert.equal(seed.terms.length, 0);
    assert.deepEqual(seed.grad.data, [1]);
  });

  test("data without requiresGrad gets no gradient, as with backward()", () => {
    assert.equal(byLabel(t, "x₁").grad, null);
    assert.equal(byLabel(t, "y").grad, null);
  });

  test("allGradients also sends gradients to the data: ∂ℓ/∂x₁ = −2r·w₁", () => {
    const all = trace(ex.loss, { allGradients: true });
    assert.deepEqual(byLabel(all, "x₁").grad?.data, [-2 * r * ex.w1.item()]);
  });
});

describe("graph.trace(result) on the ridge example", () => {
  const ex = ridge(0.25);
  const t = trace(ex.J);
  const r = ex.r.item();

  test("∂J/∂b = −2r and ∂J/∂wⱼ = −2r·xⱼ + 2λwⱼ", () => {
    assert.deepEqual(backwardStepOf(t, "b").grad.data, [-2 * r]);
    const w1 = ex.w1.item();
    const w2 = ex.w2.item();
    assert.deepEqual(backwardStepOf(t, "w₁").grad.data, [
      -2 * r * ex.x1.item() + 2 * ex.lambda * w1,
    ]);
    assert.deepEqual(backwardStepOf(t, "w₂").grad.data, [
      -2 * r * ex.x2.item() + 2 * ex.lambda * w2,
    ]);
  });

  test("w₁ has two children, so its step is a two-term sum written term by term", () => {
    const step = backwardStepOf(t, "w₁");
    assert.equal(step.terms.length, 2);
    const [first, second] = step.terms.map((term) => defined(term));
    const sum = defined(first?.product.data[0]) + defined(second?.product.data[0]);
    assert.deepEqual(second?.runningSum.data, [sum]);
    assert.deepEqual(step.grad.data, second?.runningSum.data);
    assert.equal((step.texSymbolic.match(/\\frac\{\\partial J\}/g) ?? []).length, 5); // lhs + 2×2 on the right
    assert.match(step.texNumeric, / \+ /);
    assert.ok(step.texSymbolic.includes("(2 w_{1})"), step.texSymbolic);
    assert.ok(step.texSymbolic.includes("(x_{1})"), step.texSymbolic);
  });

  test("∂J/∂ℓ = ∂J/∂R = 1", () => {
    assert.deepEqual(backwardStepOf(t, "ℓ").grad.data, [1]);
    assert.deepEqual(backwardStepOf(t, "R").grad.data, [1]);
  });

  test("the constant λ is a node of kind constant, labelled by its value", () => {
    const lambda = byLabel(t, "0.25");
    assert.equal(lambda.kind, "constant");
    assert.equal(lambda.grad, null);
  });
});

describe("a tensor used twice by one op", () => {
  test("x.mul(x) draws two edges and its backward step adds both terms", () => {
    const x = tensor(3, { requiresGrad: true, name: "x" });
    const t = trace(x.mul(x));
    const xs = byLabel(t, "x");
    const edges = t.edges.filter((e) => e.from === xs.id);
    assert.deepEqual(
      edges.map((e) => e.argIndex),
      [0, 1],
    );
    const step = backwardStepOf(t, "x");
    assert.equal(step.terms.length, 2);
    assert.deepEqual(
      step.terms.map((s) => s.product.data[0]),
      [3, 3],
    );
    assert.deepEqual(step.grad.data, [6]);
    assert.equal(
      step.texNumeric,
      "\\frac{\\partial \\ell}{\\partial x} = 1 \\cdot 3 + 1 \\cdot 3 = 3 + 3 = 6",
    );
  });

  test("a.add(a) gives ∂/∂a = 1 + 1", () => {
    const a = tensor([1, 2], { requiresGrad: true, name: "a" });
    const t = trace(a.add(a).sum());
    const step = backwardStepOf(t, "a");
    assert.equal(step.terms.length, 2);
    assert.deepEqual(step.grad.data, [2, 2]);
  });
});

describe("layer graphs", () => {
  const ex = mlp221();
  const t = trace(ex.loss);

  test("unnamed layer tensors are labelled z₁, a₁, z₂ by the activations they feed", () => {
    for (const label of ["z₁", "a₁", "z₂", "W₁", "b₁", "W₂", "b₂", "ŷ", "ℓ"]) byLabel(t, label);
    assert.deepEqual(byLabel(t, "z₁").shape, [2, 1]);
  });

  test("small tensors are written as matrices in the equations", () => {
    const step = t.forward.find((s) => s.node === byLabel(t, "W₁x").id);
    assert.ok(
      step?.texNumeric.includes("\\begin{bmatrix}0.5 & -0.3 \\\\ 0.2 & 0.8\\end{bmatrix}"),
      step?.texNumeric,
    );
  });

  test("the matmul backward step writes ∂ℓ/∂W = (∂ℓ/∂z) xᵀ", () => {
    const step = backwardStepOf(t, "W₁");
    assert.equal(step.terms.length, 1);
    assert.equal(step.terms[0]?.local, null);
    assert.ok(step.texSymbolic.includes("x^{\\top}"), step.texSymbolic);
  });

  /** The layered form up to its numbers: `lhs = symbols`. */
  const layerSymbols = (label: string): string | undefined =>
    backwardStepOf(t, label).texLayer?.split(" = ").slice(0, 2).join(" = ");

  test("layer steps also carry the lecture's layered form: δ₁ = f′(z₁) ∘ W₂ᵀδ₂, ∂ℓ/∂W₁ = δ₁xᵀ", () => {
    assert.equal(
      layerSymbols("z₁"),
      "\\delta_{1} = (1 - a_{1}^{2}) \\circ W_{2}^{\\top} \\delta_{2}",
    );
    assert.equal(
      layerSymbols("z₂"),
      "\\delta_{2} = (1 - \\hat{y}^{2}) \\cdot \\frac{\\partial \\ell}{\\partial \\hat{y}}",
    );
    assert.equal(
      layerSymbols("W₁"),
      "\\frac{\\partial \\ell}{\\partial W_{1}} = \\delta_{1} x^{\\top}",
    );
    assert.equal(layerSymbols("b₂"), "\\frac{\\partial \\ell}{\\partial b_{2}} = \\delta_{2}");
    assert.equal(
      layerSymbols("a₁"),
      "\\frac{\\partial \\ell}{\\partial a_{1}} = W_{2}^{\\top} \\delta_{2}",
    );
    assert.equal(backwardStepOf(t, "ŷ").texLayer, null);
  });

  test("the layered form ends in the node's gradient: δ₁ is ∂ℓ/∂z₁", () => {
    const z1 = backwardStepOf(t, "z₁");
    assert.ok(z1.texLayer?.endsWith(`= ${texValues(z1.grad)}`), z1.texLayer ?? "");
  });

  test("with rows as examples (x @ W) the transposes move: ∂ℓ/∂W = aᵀδ", () => {
    const x = tensor(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      { name: "x" },
    );
    const W = tensor(
      [
        [0.1, 0.2],
        [0.3, 0.4],
      ],
      { requiresGrad: true, name: "W" },
    );
    const rows = trace(x.matmul(W).tanh().sum());
    const layer = backwardStepOf(rows, "W").texLayer ?? "";
    assert.ok(
      layer.startsWith("\\frac{\\partial \\ell}{\\partial W} = x^{\\top} \\delta_{1} = "),
      layer,
    );
  });

  test("a product that is not a layer (no learnable weight, no activation) has no layered form", () => {
    const M = tensor([
      [2, -1],
      [0, 3],
    ]);
    const a = tensor([[1], [2]], { requiresGrad: true, name: "a" });
    const plain = trace(M.matmul(a).pow(2).sum());
    assert.ok(plain.backward.every((s) => s.texLayer === null));
  });

  test("tensors larger than 4×4 appear as shapes", () => {
    const W = tensor(
      Array.from({ length: 5 }, () => [1, 2, 3, 4, 5, 6]),
      { requiresGrad: true, name: "W" },
    );
    const big = trace(W.tanh().sum());
    assert.ok(big.forward[0]?.texNumeric.includes("5{\\times}6"), big.forward[0]?.texNumeric);
  });
});

describe("graph.trace(result, { names })", () => {
  test("a Map or an object gives TeX labels to tensors", () => {
    const ex = leastSquares();
    const byMap = trace(ex.loss, { names: new Map([[ex.r, "\\rho"]]) });
    assert.equal(byLabel(byMap, "ρ").tex, "\\rho");
    const byObject = trace(ex.loss, { names: { "\\mathcal{L}": ex.loss } });
    assert.equal(byObject.nodes.find((n) => n.id === byObject.output)?.tex, "\\mathcal{L}");
  });

  test("refuses something that is not a tensor, saying what it found", () => {
    assert.throws(() => trace(3 as never), /expected a Tensor .* found number/);
  });

  test("explains that nothing was recorded when no input requires grad", () => {
    assert.throws(() => trace(tensor(2).mul(3)), /no recorded graph .* requiresGrad: true/);
  });
});

describe("step order", () => {
  for (const [name, result] of [
    ["ridge", ridge().J],
    ["mlp 2-2-1", mlp221().loss],
  ] as const) {
    test(`${name}: forward steps are topological, backward steps reverse topological`, () => {
      const t = trace(result);
      const computed = new Set(t.nodes.filter((n) => n.op === "leaf").map((n) => n.id));
      for (const step of t.forward) {
        for (const input of step.inputs)
          assert.ok(computed.has(input), `${step.node} reads ${input} before it exists`);
        computed.add(step.node);
      }
      assert.equal(computed.size, t.nodes.length);
      const done = new Set<string>();
      for (const step of t.backward) {
        for (const term of step.terms)
          assert.ok(done.has(term.child), `${step.node} before its child ${term.child}`);
        done.add(step.node);
      }
    });
  }
});
