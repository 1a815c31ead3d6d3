import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noGrad, ones, tensor, zeros } from "../../src/index.ts";
import { topologicalOrder } from "../../src/tensor/index.ts";
import { gradOf } from "./helpers.ts";

describe("backward()", () => {
  it("from a scalar gives ∂loss/∂leaf on every leaf that requires grad", () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    x.mul(x).sum().backward(); // d/dx Σx² = 2x
    assert.deepEqual(gradOf(x).toArray(), [2, 4, 6]);
  });

  it("sums the gradients of a tensor used several times (x·x + 3x → 2x + 3)", () => {
    const x = tensor(2, { requiresGrad: true });
    const y = x.mul(x).add(x.mul(3));
    y.backward();
    assert.equal(gradOf(x).item(), 7);
  });

  it("accumulates into .grad across calls until it is zeroed, as PyTorch", () => {
    const w = tensor([1, -1], { requiresGrad: true });
    const loss = () => w.mul(tensor([3, 4])).sum();
    loss().backward();
    loss().backward();
    assert.deepEqual(gradOf(w).toArray(), [6, 8]);
    w.zeroGrad();
    assert.equal(w.grad, null);
    loss().backward();
    assert.deepEqual(gradOf(w).toArray(), [3, 4]);
    w.zeroGrad(false); // zero in place keeps the tensor
    const g = gradOf(w);
    loss().backward();
    assert.equal(w.grad, g);
    assert.deepEqual(g.toArray(), [3, 4]);
  });

  it("keeps .grad on leaves only, unless retainGrad() is called on an intermediate", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const h = x.mul(2);
    const k = x.mul(3).retainGrad();
    h.add(k).pow(2).sum().backward();
    assert.equal(h.grad, null);
    assert.equal(h.isLeaf, false);
    assert.equal(x.isLeaf, true);
    // loss = Σ (5x)², ∂loss/∂k = 2(5x) = [10, 20]
    assert.deepEqual(gradOf(k).toArray(), [10, 20]);
    assert.deepEqual(gradOf(x).toArray(), [50, 100]);
  });

  it("takes an explicit gradient for a non-scalar tensor (a vector–Jacobian product)", () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    x.pow(2).backward(tensor([1, 0, -1]));
    assert.deepEqual(gradOf(x).toArray(), [2, 0, -6]);
  });

  it("refuses a non-scalar without a gradient, naming the shape", () => {
    const x = tensor([[1, 2]], { requiresGrad: true });
    assert.throws(
      () => x.mul(2).backward(),
      /backward: called without a gradient on a tensor of shape \[1,2\]/,
    );
  });

  it("refuses a gradient of the wrong shape and a tensor that does not require grad", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    assert.throws(
      () => x.mul(2).backward(ones([3])),
      /gradient has shape \[3\] but the tensor has shape \[2\]/,
    );
    assert.throws(() => tensor([1]).sum().backward(), /does not require grad/);
  });

  it("does not let the gradients of two inputs share storage (x + y both get ∂L/∂out)", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = tensor([3, 4], { requiresGrad: true });
    x.add(y).sum().backward();
    x.add(y).sum().backward();
    assert.deepEqual(gradOf(x).toArray(), [2, 2]);
    assert.deepEqual(gradOf(y).toArray(), [2, 2]);
    assert.notEqual(gradOf(x).data, gradOf(y).data);
  });

  it("sends no gradient to constants and to tensors that do not require grad", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const c = tensor([5, 6]);
    x.mul(c).add(1).sum().backward();
    assert.equal(c.grad, null);
    assert.deepEqual(gradOf(x).toArray(), [5, 6]);
  });
});

describe("requiresGrad", () => {
  it("can be switched on and off on a leaf", () => {
    const x = tensor([1, 2]);
    x.requiresGrad = true;
    assert.equal(x.mul(2).requiresGrad, true);
    x.requiresGrad_(false);
    assert.equal(x.mul(2).requiresGrad, false);
  });

  it("is read-only on a computed tensor, with PyTorch's message", () => {
    const y = tensor([1, 2], { requiresGrad: true }).mul(2);
    const text =
      "requiresGrad: you can only change requiresGrad flags of leaf variables. If you want to use " +
      "a computed variable in a subgraph that doesn't require differentiation use varNoGrad = var.detach().";
    assert.throws(() => {
      y.requiresGrad = false;
    }, new Error(text));
    assert.throws(() => y.requiresGrad_(false), new Error(text));
    y.requiresGrad = true; // already true: allowed, as in PyTorch
    assert.equal(y.detach().requiresGrad, false);
    assert.throws(() => {
      (y as unknown as { requiresGrad: unknown }).requiresGrad = "yes";
    }, /requiresGrad: expected true or false, found a string/);
  });
});

describe("noGrad(fn)", () => {
  it("records nothing inside and returns fn's value", () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const y = noGrad(() => w.mul(2));
    assert.equal(y.requiresGrad, false);
    assert.equal(y.gradFn, null);
    assert.deepEqual(y.toArray(), [2, 4]);
    assert.equal(w.mul(2).requiresGrad, true, "recording resumes afterwards");
  });

  it("restores recording when fn throws", () => {
    assert.throws(() =>
      noGrad(() => {
        throw new Error("boom");
      }),
    );
    assert.ok(tensor(1, { requiresGrad: true }).mul(2).gradFn);
  });

  it("allows in-place updates of parameters, which are refused outside it", () => {
    const w = tensor([1, 2], { requiresGrad: true, name: "W1" });
    assert.throws(
      () => w.subInPlace(tensor([1, 1])),
      /subInPlace: "W1" requires grad, and changing it in place while the graph is recorded would corrupt the gradients/,
    );
    noGrad(() =>
      w
        .subInPlace(tensor([1, 1]), 0.5)
        .mulInPlace(2)
        .addInPlace(1),
    );
    assert.deepEqual(w.toArray(), [2, 4]);
    const plain = zeros([2]);
    plain.addInPlace(3).copyInPlace(tensor([7, 8]));
    assert.deepEqual(plain.toArray(), [7, 8]);
  });
});

describe("detach() and clone()", () => {
  it("detach shares storage and leaves the graph; clone copies and stays in it", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const d = x.detach();
    assert.equal(d.data, x.data);
    assert.equal(d.requiresGrad, false);
    const c = x.clone();
    assert.notEqual(c.data, x.data);
    c.mul(3).sum().backward();
    assert.deepEqual(gradOf(x).toArray(), [3, 3]);
  });
});

describe("topologicalOrder(root)", () => {
  it("lists every tensor once, inputs before outputs, in argument order", () => {
    const a = tensor(2, { requiresGrad: true, name: "a" });
    const b = tensor(3, { requiresGrad: true, name: "b" });
    const c = a.mul(b); // uses a and b
    const d = c.add(a); // a used twice
    const e = d.mul(c);
    const order = topologicalOrder(e);
    assert.equal(new Set(order).size, order.length, "each tensor once");
    const position = new Map(order.map((t, i) => [t, i]));
    for (const t of order) {
      for (const input of t.gradFn?.inputs ?? []) {
        assert.ok((position.get(input) ?? Infinity) < (position.get(t) ?? -Infinity));
      }
    }
    assert.deepEqual(order, [a, b, c, d, e]);
    assert.equal(order.at(-1), e);
  });

  it("is deterministic and handles deep chains without recursion limits", () => {
    let x = tensor(1, { requiresGrad: true });
    const leaf = x;
    for (let i = 0; i < 20_000; i++) x = x.mul(1.0001);
    assert.equal(topologicalOrder(x).length, 40_001); // the chain, plus one constant per mul
    x.backward();
    assert.ok(Math.abs(gradOf(leaf).item() - 1.0001 ** 20_000) < 1e-6 * 1.0001 ** 20_000);
  });
});

describe("in-place changes after an op used a tensor", () => {
  it("make backward refuse, as PyTorch does, instead of giving a wrong gradient", () => {
    const W = tensor([[1, 2]], { requiresGrad: true });
    const x = tensor([[3], [4]]);
    const loss = W.matmul(x).tanh().sum();
    x.addInPlace(1);
    assert.throws(
      () => loss.backward(),
      /backward: one of the variables needed for gradient computation has been modified by an inplace operation: "matmul" saved a tensor of shape \[2,1\] at version 0 for its gradient, and it is now at version 1/,
    );
  });

  it("are fine before the op runs and after backward", () => {
    const W = tensor([[1, 2]], { requiresGrad: true });
    const x = tensor([[3], [4]]);
    x.mulInPlace(2);
    W.matmul(x).sum().backward();
    noGrad(() => W.subInPlace(gradOf(W), 0.1));
    assert.deepEqual(Array.from(gradOf(W).data), [6, 8]);
    assert.deepEqual(W.toArray(), [[1 - 0.1 * 6, 2 - 0.1 * 8]]);
  });
});
