import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { optim, tensor } from "../../src/index.ts";

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);

describe("optim.Adam(params, options)", () => {
  test("the first step moves each weight by about lr, against the sign of its gradient", () => {
    // m̂₁ = g and v̂₁ = g², so the step is lr·g/(|g| + ε) whatever the gradient's size.
    const w = tensor([1, 1, 1], { requiresGrad: true });
    const opt = new optim.Adam([w], { lr: 0.01 });
    w.mul(tensor([1e-3, -5, 200]))
      .sum()
      .backward();
    opt.step();
    close(w.data[0], 1 - (0.01 * 1e-3) / (1e-3 + 1e-8));
    close(w.data[1], 1 + (0.01 * 5) / (5 + 1e-8));
    close(w.data[2], 1 - (0.01 * 200) / (200 + 1e-8));
  });

  test("the second step follows the bias-corrected averages", () => {
    const w = tensor([0], { requiresGrad: true });
    const [b1, b2, lr, eps] = [0.9, 0.999, 0.1, 1e-8];
    const opt = new optim.Adam([w], { lr, betas: [b1, b2], eps });
    const grads = [2, -1];
    let m = 0;
    let v = 0;
    let expected = 0;
    grads.forEach((g, i) => {
      w.grad = null;
      w.mul(g).sum().backward();
      opt.step();
      m = b1 * m + (1 - b1) * g;
      v = b2 * v + (1 - b2) * g * g;
      const t = i + 1;
      expected -= (lr * (m / (1 - b1 ** t))) / (Math.sqrt(v / (1 - b2 ** t)) + eps);
      close(w.data[0], expected);
    });
  });

  test("explains betas outside [0, 1)", () => {
    const w = tensor([0], { requiresGrad: true });
    assert.throws(
      () => new optim.Adam([w], { betas: [1, 0.999] }),
      /optim.Adam: betas\[0\] must be in \[0, 1\), found 1/,
    );
  });
});
