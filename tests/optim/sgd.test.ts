import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { optim, tensor } from "../../src/index.ts";

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);

/** A parameter w with loss L = Σ c·w, so ∂L/∂w = c on every step, whatever w is. */
function constantGradient(w0: number[], c: number[]) {
  const w = tensor(w0, { requiresGrad: true, name: "w" });
  const grad = () => {
    w.grad = null;
    w.mul(tensor(c)).sum().backward();
  };
  return { w, grad };
}

describe("optim.SGD(params, options)", () => {
  test("step() moves w by −lr·∇w", () => {
    const { w, grad } = constantGradient([1, -2], [0.5, 4]);
    const opt = new optim.SGD([w], { lr: 0.1 });
    grad();
    opt.step();
    close(w.data[0], 1 - 0.05);
    close(w.data[1], -2 - 0.4);
  });

  test("weight decay adds λw to the gradient (the ridge term 2λ'w with λ = 2λ')", () => {
    const { w, grad } = constantGradient([2], [1]);
    const opt = new optim.SGD([w], { lr: 0.1, weightDecay: 0.5 });
    grad();
    opt.step();
    close(w.data[0], 2 - 0.1 * (1 + 0.5 * 2));
  });

  test("momentum: v₁ = g, then v ← μv + g, w ← w − lr·v", () => {
    const { w, grad } = constantGradient([0], [1]);
    const opt = new optim.SGD([w], { lr: 0.1, momentum: 0.9 });
    const expected = [-0.1, -0.1 - 0.1 * 1.9, -0.1 - 0.19 - 0.1 * (0.9 * 1.9 + 1)];
    for (const e of expected) {
      grad();
      opt.step();
      close(w.data[0], e);
    }
  });

  test("Nesterov momentum steps by g + μv", () => {
    const { w, grad } = constantGradient([0], [1]);
    const opt = new optim.SGD([w], { lr: 0.1, momentum: 0.5, nesterov: true });
    grad();
    opt.step(); // v = 1, step g + μv = 1.5
    close(w.data[0], -0.15);
    grad();
    opt.step(); // v = 1.5, step 1 + 0.75
    close(w.data[0], -0.15 - 0.175);
  });

  test("zeroGrad() clears the gradients; parameters without one are left alone", () => {
    const { w, grad } = constantGradient([1], [1]);
    const idle = tensor([5], { requiresGrad: true });
    const opt = new optim.SGD([w, idle], { lr: 1 });
    grad();
    opt.step();
    assert.equal(idle.data[0], 5);
    opt.zeroGrad();
    assert.equal(w.grad, null);
  });

  test("explains a parameter that does not require grad, and an empty list", () => {
    assert.throws(
      () => new optim.SGD([tensor([1], { name: "W1" })], { lr: 0.1 }),
      /optim.SGD: parameter "W1" does not require grad/,
    );
    assert.throws(() => new optim.SGD([], { lr: 0.1 }), /optim.SGD: got no parameters/);
  });
});
