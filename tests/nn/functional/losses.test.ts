import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { F, gradcheck, jvp, rand, randn, rng, type Tensor, tensor } from "../../../src/index.ts";
import { gradOf } from "../helpers.ts";

const close = (a: number, b: number, tol = 1e-12) =>
  assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

describe("F.mseLoss(input, target, reduction)", () => {
  test("is the mean of squared differences; 'sum' and 'none' as in PyTorch", () => {
    const yHat = tensor([[1], [2], [4]]);
    const y = tensor([[0], [2], [2]]);
    close(F.mseLoss(yHat, y).item(), 5 / 3);
    close(F.mseLoss(yHat, y, "sum").item(), 5);
    assert.deepEqual(F.mseLoss(yHat, y, "none").toArray(), [[1], [0], [4]]);
  });

  test("the least-squares gradient: ∂ℓ/∂ŷ = −2r with r = y − ŷ", () => {
    const yHat = tensor([0.3], { requiresGrad: true });
    F.mseLoss(yHat, tensor([1])).backward();
    close(gradOf(yHat).item(), -2 * (1 - 0.3));
  });

  test("gradients for input and target match central differences", () => {
    const r = rng(7);
    const report = gradcheck((a, b) => F.mseLoss(a, b), [randn([4, 3], r), randn([4, 3], r)]);
    assert.ok(report.ok, report.toString());
  });

  test("forward mode agrees with reverse mode", () => {
    const r = rng(8);
    const [a, b, ta, tb] = [randn([5], r), randn([5], r), randn([5], r), randn([5], r)];
    const { tangent } = jvp((a, b) => F.mseLoss(a, b), [a, b], [ta, tb]);
    let expected = 0;
    for (let k = 0; k < 5; k++)
      expected += ((2 * (a.data[k] - b.data[k])) / 5) * (ta.data[k] - tb.data[k]);
    close(tangent.item(), expected, 1e-12);
  });

  test("refuses shapes that would broadcast into a silent mistake", () => {
    assert.throws(
      () => F.mseLoss(tensor([[1], [2]]), tensor([1, 2])),
      /mseLoss: input \[2,1\] and target \[2\] differ in shape/,
    );
  });
});

describe("F.crossEntropy(logits, labels)", () => {
  test("is −log softmax(z)[y], averaged over the batch", () => {
    const z = tensor([
      [2, 1, 0],
      [0, 0, 0],
    ]);
    const lse = Math.log(Math.exp(2) + Math.exp(1) + 1);
    close(F.crossEntropy(z, [0, 2]).item(), (lse - 2 + Math.log(3)) / 2, 1e-12);
    close(F.crossEntropy(z, tensor([0, 2])).item(), (lse - 2 + Math.log(3)) / 2, 1e-12);
  });

  test("takes one score vector with one label", () => {
    close(F.crossEntropy(tensor([0, 0]), 1).item(), Math.log(2), 1e-12);
  });

  test("its gradient is softmax(z) − onehot(y), over N", () => {
    const z = tensor([[1, 2, 3]], { requiresGrad: true });
    F.crossEntropy(z, [1]).backward();
    const e = [1, 2, 3].map(Math.exp);
    const s = e[0] + e[1] + e[2];
    const expected = [e[0] / s, e[1] / s - 1, e[2] / s];
    for (const [k, g] of (z.grad?.data ?? []).entries()) close(g, expected[k], 1e-12);
  });

  test("reads a tensor shaped like the logits as class probabilities", () => {
    const z = tensor([[0.5, -1, 2]]);
    close(F.crossEntropy(z, tensor([[0, 1, 0]])).item(), F.crossEntropy(z, [1]).item(), 1e-12);
  });

  test("gradients match central differences", () => {
    const r = rng(9);
    const report = gradcheck((z) => F.crossEntropy(z, [2, 0, 1, 2]), [randn([4, 3], r)]);
    assert.ok(report.ok, report.toString());
  });

  test("explains labels out of range and a wrong count", () => {
    const z = tensor([[1, 2, 3]]);
    assert.throws(() => F.crossEntropy(z, [3]), /label 0 is 3, expected an integer class in 0…2/);
    assert.throws(
      () => F.crossEntropy(z, [0, 1]),
      /logits \[1,3\] need labels of shape \[1\] \(one class index per row\) or class probabilities of shape \[1,3\], found labels of shape \[2\]/,
    );
  });
});

describe("F.bceLoss(p, y)", () => {
  test("is −mean[y log p + (1 − y) log(1 − p)]", () => {
    const p = tensor([0.9, 0.2]);
    const y = tensor([1, 0]);
    close(F.bceLoss(p, y).item(), -(Math.log(0.9) + Math.log(0.8)) / 2, 1e-12);
  });

  test("sigmoid followed by bceLoss gives the gradient σ(z) − y (over n)", () => {
    const z = tensor([0.3, -1.2], { requiresGrad: true });
    F.bceLoss(z.sigmoid(), tensor([1, 0])).backward();
    const s = (v: number) => 1 / (1 + Math.exp(-v));
    close(gradOf(z).data[0], (s(0.3) - 1) / 2, 1e-12);
    close(gradOf(z).data[1], s(-1.2) / 2, 1e-12);
  });

  test("a confident wrong answer costs 100, not Infinity, as PyTorch clamps", () => {
    close(F.bceLoss(tensor([0]), tensor([1])).item(), 100);
  });

  test("gradients match central differences (soft labels too)", () => {
    const r = rng(10);
    const p = rand([3, 2], r, { low: 0.1, high: 0.9 });
    const y = rand([3, 2], r);
    const report = gradcheck((p, y) => F.bceLoss(p, y), [p, y]);
    assert.ok(report.ok, report.toString());
  });

  test("asks for a sigmoid when given scores outside [0, 1]", () => {
    assert.throws(
      () => F.bceLoss(tensor([1.5]), tensor([1])),
      /bceLoss: input must hold probabilities in \[0, 1\], found 1.5/,
    );
  });
});

describe("F.hingeLoss(scores, labels)", () => {
  test("is mean(max(0, 1 − y·s))", () => {
    const s = tensor([2, 0.5, -0.5, 0.3]);
    close(F.hingeLoss(s, [1, 1, 1, -1]).item(), (0 + 0.5 + 1.5 + 1.3) / 4, 1e-12);
  });

  test("gradients match central differences away from the kink", () => {
    const s = tensor([2, 0.5, -0.5, 0.3]);
    const report = gradcheck((s) => F.hingeLoss(s, [1, 1, 1, -1]), [s]);
    assert.ok(report.ok, report.toString());
  });

  test("wants labels −1 or +1", () => {
    assert.throws(() => F.hingeLoss(tensor([1, 2]), [0, 1]), /label 0 is 0, expected −1 or \+1/);
  });
});

describe("forward mode through the losses", () => {
  test("jvp of bceLoss, crossEntropy and hingeLoss equals the gradient dotted with the tangent", () => {
    const r = rng(20);
    const cases: [(x: Tensor) => Tensor, Tensor][] = [
      [(p) => F.bceLoss(p, tensor([1, 0, 1])), rand([3], r, { low: 0.1, high: 0.9 })],
      [(z) => F.crossEntropy(z, [1, 0]), randn([2, 3], r)],
      [(s) => F.hingeLoss(s, [1, -1, 1]), tensor([0.2, 0.4, 2])],
    ];
    for (const [f, x] of cases) {
      const t = randn([...x.shape], r);
      const { tangent } = jvp(f, [x], [t]);
      const leaf = tensor(x, { requiresGrad: true });
      f(leaf).backward();
      let expected = 0;
      for (let k = 0; k < t.data.length; k++) expected += gradOf(leaf).data[k] * t.data[k];
      close(tangent.item(), expected, 1e-12);
    }
  });
});
