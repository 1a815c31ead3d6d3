// Every place a number is substituted into the equations, op by op, with negative numbers,
// negative exponents and tiny numbers (written with powers of ten): each equation typesets
// and no negative number reads as a subtraction or takes a power meant for the whole number.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { trace } from "../../../src/graph/model/trace.ts";
import * as F from "../../../src/nn/functional/index.ts";
import { type Tensor, tensor } from "../../../src/tensor/index.ts";
import { ambiguousNegatives, assertTypesets, equationsOf } from "../tex-checks.ts";

const p = (v: number | number[] | number[][], name: string): Tensor =>
  tensor(v, { requiresGrad: true, name });

/** Small computations, one or two ops each, whose values and gradients are mostly negative. */
const CASES: Record<string, () => Tensor> = {
  "add and sub of negatives": () => p(-0.5, "a").add(p(-0.25, "b")).sub(p(-2, "c")),
  "mul by a negative constant": () => p(-0.5, "a").mul(-3),
  "div by a negative": () => p(-0.5, "a").div(p(-0.25, "b")),
  neg: () => p(-0.5, "a").neg(),
  "square of a negative": () => p(-0.5, "a").pow(2).mul(-1),
  "cube of a negative": () => p(-0.5, "a").pow(3),
  "negative exponent": () => p(-0.5, "a").pow(-1),
  "power 0.5": () => p(0.25, "a").pow(0.5).mul(-2),
  "tensor exponent": () => p(0.5, "a").pow(p(-2, "k")),
  "exp of a negative": () => p(-0.5, "a").exp().mul(-1),
  log: () => p(0.5, "a").log(),
  sqrt: () => p(0.25, "a").sqrt().mul(-1),
  abs: () => p(-0.5, "a").abs().mul(-1),
  tanh: () => p(-0.5, "a").tanh(),
  sigmoid: () => p(-0.5, "a").sigmoid().mul(-1),
  relu: () => p([-0.5, 0.25], "a").relu().sum().mul(-1),
  leakyRelu: () => p([-0.5, 0.25], "a").leakyRelu(0.1).sum().mul(-1),
  "a tiny gradient (powers of ten)": () => p(-3e-6, "a").mul(p(-2e-5, "b")),
  "matmul of a row and a column": () =>
    p([[0.7, -0.4]], "W")
      .matmul(p([[-0.5], [0.25]], "a"))
      .mul(-1)
      .sum(),
  "matmul of 1×1 matrices": () =>
    p([[-0.5]], "W")
      .matmul(p([[-0.25]], "x"))
      .sum(),
  "matmul, rows as examples": () =>
    tensor([[1, -2]])
      .matmul(p([[0.5], [-0.25]], "W"))
      .tanh()
      .sum(),
  "sum and mean, negative upstream": () =>
    p([-0.5, -0.25, 1], "a")
      .sum()
      .add(p([-1, -2], "b").mean())
      .mul(-1),
  "sum along an axis": () =>
    p(
      [
        [-0.5, 1],
        [2, -3],
      ],
      "a",
    )
      .sum(0)
      .mul(-1)
      .sum(),
  "broadcast add": () =>
    p(
      [
        [-0.5, 1],
        [2, -3],
      ],
      "A",
    )
      .add(p([-1, -2], "c"))
      .mean(),
  transpose: () =>
    p([[-0.5, 1]], "a")
      .transpose()
      .mul(-1)
      .sum(),
  reshape: () => p([-0.5, 1, -2, 3], "a").reshape([2, 2]).mul(-1).sum(),
  max: () => p([-0.5, -2], "a").max().mul(-1),
  "linear, one example": () =>
    F.linear(tensor([[-1, 0.5]]), p([[0.5, -0.25]], "W"), p([-0.125], "b"))
      .mul(-1)
      .sum(),
  "linear, three examples": () =>
    F.linear(
      tensor([
        [-1, 0.5],
        [2, 1],
        [0, -3],
      ]),
      p([[0.5, -0.25]], "W"),
      p([-0.125], "b"),
    ).sum(),
  "mseLoss with negative residuals": () => F.mseLoss(p([-0.5, -1], "a"), tensor([0.5, 1])),
  "mseLoss, sum, negative upstream": () =>
    F.mseLoss(p([-0.5, -1], "a"), tensor([0.5, 1]), "sum").mul(-1),
  // The graph sandbox's examples (notebooks/graph-sandbox.md).
  "sandbox: w·w + tanh(w)": () => {
    const w = p(2, "w");
    return w.mul(w).add(w.tanh());
  },
  "sandbox: one neuron σ(w₁x₁ + w₂x₂ + b)": () =>
    p(0.5, "w1")
      .mul(tensor(1.0, { name: "x1" }))
      .add(p(0.3, "w2").mul(tensor(-2.0, { name: "x2" })))
      .add(p(0.1, "b"))
      .sigmoid(),
  "sandbox: a node used twice": () => {
    const a = p(3, "x").mul(p(-1, "y"));
    return a.add(a.mul(p(3, "x")));
  },
  "sandbox: ridge J = ℓ + λ·wᵀw": () => {
    const x = tensor([[1.0], [2.0]], { name: "x" });
    const w = p([[0.5], [-0.25]], "w");
    const r = w.transpose().matmul(x).sub(1.0);
    return r.pow(2).sum().add(w.pow(2).sum().mul(0.1));
  },
  "larger than 4×4": () =>
    p(
      Array.from({ length: 5 }, (_, i) => [-1, 2, -3, 4, -5].map((v) => v * (i + 1) * 0.1)),
      "W",
    )
      .tanh()
      .sum(),
};

describe("numbers substituted into the equations", () => {
  for (const [name, make] of Object.entries(CASES)) {
    test(`${name}: every equation typesets, no negative number misreads`, () => {
      const t = trace(make());
      const equations = equationsOf(t);
      assert.ok(equations.length > 2);
      for (const { where, tex } of equations) {
        assertTypesets(tex, `${name}, ${where}`);
        assert.deepEqual(ambiguousNegatives(tex), [], `${name}, ${where}: ${tex}`);
      }
    });
  }

  test("a function's argument is not wrapped twice: σ(−0.5), not σ((−0.5))", () => {
    const t = trace(p(-0.5, "a").sigmoid());
    assert.equal(t.forward[0]?.texNumeric, "\\ell = \\sigma(-0.5) = 0.3775");
  });

  test("the first operand of a sum keeps its sign bare: −0.5 + (−0.25)", () => {
    const t = trace(p(-0.5, "a").add(p(-0.25, "b")));
    assert.equal(t.forward[0]?.texNumeric, "\\ell = -0.5 + (-0.25) = -0.75");
  });

  test("a power of a negative number is bracketed: (−0.5)³, and its derivative 3 a²", () => {
    const t = trace(p(-0.5, "a").pow(3));
    assert.equal(t.forward[0]?.texNumeric, "\\ell = (-0.5)^{3} = -0.125");
    assert.equal(t.backward[1]?.terms[0]?.localTex, "3\\, a^{2}");
  });

  test("a mean's backward step says how many entries it averaged: 1/3", () => {
    const t = trace(p([-0.5, -0.25, 1], "a").mean());
    assert.match(t.backward[1]?.texSymbolic, /\\tfrac\{1\}\{3\}/);
  });

  test("a power of a product label is bracketed: (w x)², not w x²", () => {
    const w = p(0.5, "w");
    const t = trace(w.mul(tensor(2, { name: "x" })).pow(2));
    assert.equal(t.forward[1]?.texSymbolic, "\\ell = (w x)^{2}");
  });
});
