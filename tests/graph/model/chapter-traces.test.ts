// The stepper on the chapters' own examples, with the chapters' numbers: chapter 5's least
// squares and ridge regression (the seeds' ∂ℓ/∂b = −2r, ∂ℓ/∂wⱼ = −2r·xⱼ, ridge + 2λwⱼ) and
// chapter 6's 2-2-1 iteration, every forward and backward step's equation checked.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { expandNeurons } from "../../../src/graph/model/expand-neurons.ts";
import { texNumber } from "../../../src/graph/model/format.ts";
import { trace } from "../../../src/graph/model/trace.ts";
import type { Trace } from "../../../src/graph/model/types.ts";
import { F, nn, tensor } from "../../../src/index.ts";
import { defined } from "../defined.ts";
import { CHAPTER5, chapter5LeastSquares, chapter5Ridge, chapter6Network } from "../examples.ts";
import { ambiguousNegatives, assertTypesets, equationsOf } from "../tex-checks.ts";

const step = (t: Trace, label: string) => {
  const node = t.nodes.find((n) => n.label === label);
  assert.ok(node, `no node ${label}: ${t.nodes.map((n) => n.label).join(" ")}`);
  const forward = t.forward.find((s) => s.node === node.id);
  const backward = t.backward.find((s) => s.node === node.id);
  return { node, forward, backward };
};

/** The usual nn.MLP with a linear output layer, on chapter 6's example. */
function mlpLoss() {
  const model = new nn.MLP([2, 3, 1], { activation: "tanh", seed: 0 });
  return F.mseLoss(
    model.forward(tensor([[1.0, 0.1]], { name: "x" })),
    tensor([[0.5]], { name: "y" }),
  );
}

const d = (of: string, by: string): string => `\\frac{\\partial ${of}}{\\partial ${by}}`;

describe("chapter 5: least squares, x₁ = 1, x₂ = −0.5, y = 1.5, w₁ = 0.5, w₂ = −1, b = 0.2", () => {
  const ex = chapter5LeastSquares();
  const t = trace(ex.loss, { names: ex.names });
  const r = ex.r.item();

  test("the forward steps define each node, then substitute the numbers", () => {
    assert.deepEqual(
      t.forward.map((s) => [s.texSymbolic, s.texNumeric]),
      [
        ["w_{1} \\cdot x_{1}", "w_{1} x_{1} = 0.5 \\cdot 1 = 0.5"],
        ["w_{2} \\cdot x_{2}", "w_{2} x_{2} = (-1) \\cdot (-0.5) = 0.5"],
        ["w^\\top x = w_{1} x_{1} + w_{2} x_{2}", "w^\\top x = 0.5 + 0.5 = 1"],
        ["\\hat{y} = w^\\top x + b", "\\hat{y} = 1 + 0.2 = 1.2"],
        ["r = y - \\hat{y}", "r = 1.5 - 1.2 = 0.3"],
        ["\\ell = r^{2}", "\\ell = 0.3^{2} = 0.09"],
      ],
    );
  });

  test("∂ℓ/∂r = 2r, ∂ℓ/∂ŷ = (2r)(−1) = −2r, ∂ℓ/∂b = −2r, ∂ℓ/∂wⱼ = −2r·xⱼ, as the backward() values", () => {
    assert.deepEqual(step(t, "r").backward?.grad.data, [2 * r]);
    assert.deepEqual(step(t, "ŷ").backward?.grad.data, [-2 * r]);
    assert.deepEqual(step(t, "b").backward?.grad.data, [-2 * r]);
    assert.deepEqual(step(t, "w₁").backward?.grad.data, [-2 * r * CHAPTER5.x1]);
    assert.deepEqual(step(t, "w₂").backward?.grad.data, [-2 * r * CHAPTER5.x2]);
    ex.loss.backward();
    assert.equal(step(t, "w₂").backward?.grad.data[0], ex.w2.grad?.item());
    assert.equal(step(t, "b").backward?.grad.data[0], ex.b.grad?.item());
  });

  test("every backward step writes upstream × local with the numbers", () => {
    const numeric = (label: string) => step(t, label).backward?.texNumeric;
    assert.equal(numeric("r"), `${d("\\ell", "r")} = 1 \\cdot 0.6 = 0.6`);
    assert.equal(numeric("ŷ"), `${d("\\ell", "\\hat{y}")} = 0.6 \\cdot (-1) = -0.6`);
    assert.equal(numeric("b"), `${d("\\ell", "b")} = (-0.6) \\cdot 1 = -0.6`);
    assert.equal(numeric("wᵀx"), `${d("\\ell", "(w^\\top x)")} = (-0.6) \\cdot 1 = -0.6`);
    assert.equal(numeric("w₂x₂"), `${d("\\ell", "(w_{2} x_{2})")} = (-0.6) \\cdot 1 = -0.6`);
    assert.equal(numeric("w₂"), `${d("\\ell", "w_{2}")} = (-0.6) \\cdot (-0.5) = 0.3`);
    assert.equal(numeric("w₁"), `${d("\\ell", "w_{1}")} = (-0.6) \\cdot 1 = -0.6`);
    assert.equal(
      step(t, "w₂").backward?.texSymbolic,
      `\\begin{aligned} ${d("\\ell", "w_{2}")} &= ${d("\\ell", "(w_{2} x_{2})")}${d("(w_{2} x_{2})", "w_{2}")} \\\\ &= ${d("\\ell", "(w_{2} x_{2})")}\\,(x_{2}) \\end{aligned}`,
    );
  });

  test("the results in the equations are the formulas' numbers", () => {
    assert.ok(step(t, "b").backward?.texNumeric.endsWith(`= ${texNumber(-2 * r)}`));
    assert.ok(step(t, "w₂").backward?.texNumeric.endsWith(`= ${texNumber(-2 * r * CHAPTER5.x2)}`));
  });
});

describe("chapter 5: ridge regression, λ = 0.5", () => {
  const ex = chapter5Ridge();
  const t = trace(ex.J, { names: ex.names });
  const r = ex.r.item();
  const { lambda } = CHAPTER5;

  test("∂J/∂b = −2r and ∂J/∂wⱼ = −2r·xⱼ + 2λwⱼ", () => {
    assert.deepEqual(step(t, "b").backward?.grad.data, [-2 * r]);
    assert.deepEqual(step(t, "w₁").backward?.grad.data, [
      2 * lambda * CHAPTER5.w1 + -2 * r * CHAPTER5.x1,
    ]);
    assert.deepEqual(step(t, "w₂").backward?.grad.data, [
      2 * lambda * CHAPTER5.w2 + -2 * r * CHAPTER5.x2,
    ]);
  });

  test("the penalty's forward steps: wᵀw = w₁² + w₂², R = wᵀw·λ, J = ℓ + R", () => {
    const numeric = (label: string) => step(t, label).forward?.texNumeric;
    assert.equal(numeric("wᵀw"), "w^\\top w = 0.25 + 1 = 1.25");
    assert.equal(numeric("R"), "R = 1.25 \\cdot 0.5 = 0.625");
    assert.equal(numeric("J"), "J = 0.09 + 0.625 = 0.715");
    assert.equal(step(t, "v₂").forward?.texNumeric, "v_{2} = (-1)^{2} = 1");
  });

  test("w₂ has two children: its step adds both terms, term by term, then the total", () => {
    const w2 = step(t, "w₂").backward;
    assert.equal(w2?.terms.length, 2);
    assert.equal(
      w2?.texNumeric,
      `${d("J", "w_{2}")} = 0.5 \\cdot (-2) + (-0.6) \\cdot (-0.5) = -1 + 0.3 = -0.7`,
    );
    assert.equal(
      step(t, "w₁").backward?.texNumeric,
      `${d("J", "w_{1}")} = 0.5 \\cdot 1 + (-0.6) \\cdot 1 = 0.5 + (-0.6) = -0.1`,
    );
  });

  test("∂J/∂ℓ = ∂J/∂R = 1", () => {
    assert.equal(step(t, "ℓ").backward?.texNumeric, `${d("J", "\\ell")} = 1 \\cdot 1 = 1`);
    assert.equal(step(t, "R").backward?.texNumeric, `${d("J", "R")} = 1 \\cdot 1 = 1`);
  });
});

describe("chapter 6: one iteration of the 2-2-1 network", () => {
  const ex = chapter6Network();
  const t = trace(ex.loss, { names: ex.names });
  const matrix = (rows: string): string => `\\begin{bmatrix}${rows}\\end{bmatrix}`;

  test("Forward 1 reads W⁽¹⁾x = W⁽¹⁾ x with the numbers, without defining W⁽¹⁾x as itself", () => {
    const first = defined(t.forward[0], "forward step 1");
    assert.equal(first.texSymbolic, "W^{(1)} x");
    assert.equal(
      first.texNumeric,
      `W^{(1)} x = ${matrix("0.5 & -0.3 \\\\ 0.2 & 0.8")}\\, ${matrix("1 \\\\ 0.1")} = ${matrix("0.47 \\\\ 0.28")}`,
    );
    for (const s of t.forward) {
      const [lhs, rhs] = s.texSymbolic.split(" = ");
      assert.notEqual(lhs?.replace(/\s|[{}]/g, ""), rhs?.replace(/\s|[{}]/g, ""), s.texSymbolic);
    }
  });

  test("the forward values are the prose's: z⁽¹⁾ = (0.47, 0.28), a⁽¹⁾ = (0.4382, 0.2729), ŷ = 0.195, ℓ = 0.0465", () => {
    assert.ok(step(t, "a⁽¹⁾").forward?.texNumeric.endsWith(matrix("0.4382 \\\\ 0.2729")));
    assert.ok(step(t, "z⁽²⁾").forward?.texNumeric.endsWith("= 0.1976"));
    assert.ok(step(t, "ŷ").forward?.texNumeric.endsWith("= 0.195"));
    assert.ok(step(t, "ℓ").forward?.texNumeric.endsWith("= 0.0465"));
  });

  test("at the output: (0.195 − 0.5)·… = −0.305, then × 0.962 = −0.2934 (the speaker notes' numbers)", () => {
    assert.equal(
      step(t, "ŷ").backward?.texNumeric,
      `${d("\\ell", "\\hat{y}")} = 2(0.195 - 0.5) \\cdot 0.5 = -0.305`,
    );
    assert.equal(
      step(t, "z⁽²⁾").backward?.texNumeric,
      `${d("\\ell", "z^{(2)}")} = (-0.305) \\cdot 0.962 = -0.2934`,
    );
  });

  test("a negative upstream is a factor, never a subtraction: [0.7 −0.4]ᵀ · (−0.2934)", () => {
    assert.equal(
      step(t, "a⁽¹⁾").backward?.texNumeric,
      `${d("\\ell", "a^{(1)}")} = ${matrix("0.7 & -0.4")}^{\\top} \\cdot (-0.2934) = ${matrix("-0.2053 \\\\ 0.1173")}`,
    );
    assert.ok(
      step(t, "W⁽²⁾").backward?.texNumeric.startsWith(`${d("\\ell", "W^{(2)}")} = (-0.2934)\\, `),
    );
  });

  test("every layer has the layered form with its numbers: δ⁽²⁾, δ⁽¹⁾ = f′(z⁽¹⁾) ∘ (W⁽²⁾)ᵀδ⁽²⁾, δ aᵀ, δ", () => {
    const layer = (label: string) => step(t, label).backward?.texLayer;
    assert.equal(
      layer("z⁽²⁾"),
      `\\delta^{(2)} = (1 - \\hat{y}^{2}) \\cdot ${d("\\ell", "\\hat{y}")} = 0.962 \\cdot (-0.305) = -0.2934`,
    );
    assert.equal(layer("b⁽²⁾"), `${d("\\ell", "b^{(2)}")} = \\delta^{(2)} = -0.2934`);
    assert.equal(
      layer("W⁽²⁾"),
      `${d("\\ell", "W^{(2)}")} = \\delta^{(2)} (a^{(1)})^{\\top} = (-0.2934)\\, ${matrix("0.4382 \\\\ 0.2729")}^{\\top} = ${matrix("-0.1285 & -0.08006")}`,
    );
    assert.equal(
      layer("a⁽¹⁾"),
      `${d("\\ell", "a^{(1)}")} = (W^{(2)})^{\\top} \\delta^{(2)} = ${matrix("0.7 & -0.4")}^{\\top} \\cdot (-0.2934) = ${matrix("-0.2053 \\\\ 0.1173")}`,
    );
    assert.equal(
      layer("z⁽¹⁾"),
      `\\delta^{(1)} = (1 - (a^{(1)})^{2}) \\circ (W^{(2)})^{\\top} \\delta^{(2)} = ${matrix("0.808 \\\\ 0.9255")} \\circ ${matrix("0.7 & -0.4")}^{\\top} \\cdot (-0.2934) = ${matrix("-0.1659 \\\\ 0.1086")}`,
    );
    assert.equal(
      layer("b⁽¹⁾"),
      `${d("\\ell", "b^{(1)}")} = \\delta^{(1)} = ${matrix("-0.1659 \\\\ 0.1086")}`,
    );
    assert.equal(
      layer("W⁽¹⁾"),
      `${d("\\ell", "W^{(1)}")} = \\delta^{(1)} x^{\\top} = ${matrix("-0.1659 \\\\ 0.1086")}\\, ${matrix("1 \\\\ 0.1")}^{\\top} = ${matrix("-0.1659 & -0.01659 \\\\ 0.1086 & 0.01086")}`,
    );
    assert.equal(layer("ŷ"), null);
  });

  test("the deltas equal the chapter's recipe: δ⁽²⁾ = (ŷ − y)(1 − ŷ²), δ⁽¹⁾ᵢ = (1 − aᵢ²) W⁽²⁾ᵢ δ⁽²⁾, opposite signs", () => {
    const y = ex.yhat.item();
    const d2 = (y - 0.5) * (1 - y ** 2);
    const a = Array.from(ex.a1.data);
    const W2 = [0.7, -0.4];
    const d1 = a.map((v, i) => (1 - v ** 2) * (W2[i] ?? Number.NaN) * d2);
    const grad = (label: string): readonly number[] =>
      defined(step(t, label).node.grad, label).data;
    assert.ok(Math.abs((grad("b⁽²⁾")[0] ?? Number.NaN) - d2) < 1e-15);
    for (const [i, v] of d1.entries()) {
      assert.ok(Math.abs((grad("b⁽¹⁾")[i] ?? Number.NaN) - v) < 1e-15);
    }
    const [first = 0, second = 0] = d1;
    assert.ok(first < 0 && second > 0);
  });
});

describe("the equations of chapters 5 and 6 (and an nn.MLP) typeset and read right", () => {
  const traces: [string, Trace][] = [
    [
      "chapter 5 least squares",
      trace(chapter5LeastSquares().loss, { names: chapter5LeastSquares().names }),
    ],
    ["chapter 5 ridge", trace(chapter5Ridge().J, { names: chapter5Ridge().names })],
    ["chapter 6 network", trace(chapter6Network().loss, { names: chapter6Network().names })],
    ["chapter 6 network, all gradients", trace(chapter6Network().loss, { allGradients: true })],
    [
      "chapter 6 network, neuron by neuron",
      trace(expandNeurons(chapter6Network().loss, { names: chapter6Network().names })),
    ],
    ["nn.MLP([2, 3, 1])", trace(mlpLoss())],
  ];
  for (const [name, t] of traces) {
    test(`${name}: KaTeX typesets every equation, no error`, () => {
      for (const { where, tex } of equationsOf(t)) assertTypesets(tex, `${name}, ${where}`);
    });

    test(`${name}: no negative number stands after an operator or under a power`, () => {
      for (const { where, tex } of equationsOf(t))
        assert.deepEqual(ambiguousNegatives(tex), [], `${name}, ${where}: ${tex}`);
    });
  }
});

describe("chapter 6: the visiting order it lists for f = tanh(3u) + u²", () => {
  test("graph.trace(f).forward gives v₁ = u·3, a₁ = tanh v₁, v₂ = u², f = a₁ + v₂, as printed", () => {
    const u = tensor(2, { requiresGrad: true, name: "u" });
    const f = u.mul(3).tanh().add(u.pow(2));
    assert.deepEqual(
      trace(f, { names: { f } }).forward.map((s) => s.texSymbolic),
      ["v_{1} = u \\cdot 3", "a_{1} = \\tanh v_{1}", "v_{2} = u^{2}", "f = a_{1} + v_{2}"],
    );
  });
});
