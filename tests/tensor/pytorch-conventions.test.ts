// Edges where PyTorch has a settled answer (masked logits, 0⁰, NaN and ties, clamped logs,
// batched products, 0-D softmax): each pinned to PyTorch's value and gradient.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { F, tensor } from "../../src/index.ts";
import { assertClose, gradOf } from "./helpers.ts";

describe("PyTorch's conventions", () => {
  it("crossEntropy with a masked (−∞) logit is finite, as PyTorch's 1.3133", () => {
    const z = tensor([[0, -Infinity, 1]], { requiresGrad: true });
    const loss = F.crossEntropy(z, [0]);
    assert.ok(Math.abs(loss.item() - 1.3132616875182228) < 1e-12, `loss ${loss.item()}`);
    loss.backward();
    // softmax − onehot, with 0 at the masked entry
    const e = Math.E;
    assertClose(gradOf(z).data, [1 / (1 + e) - 1, 0, e / (1 + e)], 1e-12);
    const none = F.crossEntropy(
      tensor([
        [0, -Infinity, 1],
        [-Infinity, 2, 2],
      ]),
      [2, 1],
      "none",
    );
    assertClose(none.data, [Math.log(1 + e) - 1, Math.log(2)], 1e-12);
  });

  it("pow at 0⁰ has gradients 0 and 0 (PyTorch's masks), with a tensor exponent", () => {
    const a = tensor([0, 0, 2], { requiresGrad: true });
    const b = tensor([0, 2, 0], { requiresGrad: true });
    const y = a.pow(b);
    assert.deepEqual(Array.from(y.data), [1, 0, 1]);
    y.sum().backward();
    assert.deepEqual(Array.from(gradOf(a).data), [0, 0, 0]);
    assert.deepEqual(Array.from(gradOf(b).data), [0, 0, Math.log(2)]);
    const x = tensor(0, { requiresGrad: true });
    x.pow(0).backward();
    assert.equal(gradOf(x).item(), 0);
  });

  it("pow of 0 to a negative exponent keeps PyTorch's infinities: ∂/∂b at 0^−1 is −∞·… not masked", () => {
    const a = tensor([0], { requiresGrad: true });
    const b = tensor([-1], { requiresGrad: true });
    a.pow(b).sum().backward();
    assert.equal(gradOf(a).data[0], -Infinity);
    assert.equal(gradOf(b).data[0], -Infinity); // ∞ · ln 0
  });

  it("max() of all elements shares the gradient among every NaN, as among ties", () => {
    const x = tensor([1, Number.NaN, 3, Number.NaN], { requiresGrad: true });
    const m = x.max();
    assert.ok(Number.isNaN(m.item()));
    m.backward();
    assert.deepEqual(Array.from(gradOf(x).data), [0, 0.5, 0, 0.5]);
    const t = tensor([3, 1, 3], { requiresGrad: true });
    t.max().backward();
    assert.deepEqual(Array.from(gradOf(t).data), [0.5, 0, 0.5]);
    // along an axis the first NaN (or the first tie) takes it all
    const r = tensor(
      [
        [Number.NaN, Number.NaN],
        [2, 2],
      ],
      { requiresGrad: true },
    );
    r.max(1).sum().backward();
    assert.deepEqual(Array.from(gradOf(r).data), [1, 0, 1, 0]);
  });

  it("bceLoss: the target's gradient is −logit(p), unclamped, below p = e⁻¹⁰⁰", () => {
    const p = tensor([Math.exp(-200), 0.5], { requiresGrad: true });
    const y = tensor([1, 0], { requiresGrad: true });
    const loss = F.bceLoss(p, y, "sum");
    assert.ok(Math.abs(loss.item() - (100 + Math.log(2))) < 1e-9);
    loss.backward();
    assertClose(gradOf(y).data, [200 + Math.log1p(-Math.exp(-200)), 0], 1e-12);
  });

  it("matmul broadcasts batch axes: [2,3,4] @ [2,4,5] and [2,3,4] @ [4,5]; bmm", () => {
    const A = tensor(
      Array.from({ length: 24 }, (_, k) => k / 10),
      { shape: [2, 3, 4] },
    );
    const B = tensor(
      Array.from({ length: 40 }, (_, k) => (k % 7) - 3),
      { shape: [2, 4, 5] },
    );
    const C = A.matmul(B);
    assert.deepEqual(C.shape, [2, 3, 5]);
    for (let q = 0; q < 2; q++) {
      const expected = A.select(0, q).matmul(B.select(0, q));
      assertClose(C.select(0, q).data, expected.data, 1e-12);
    }
    assert.deepEqual(A.bmm(B).toArray(), C.toArray());
    const W = B.select(0, 1);
    const D = A.matmul(W);
    assert.deepEqual(D.shape, [2, 3, 5]);
    assertClose(D.select(0, 0).data, A.select(0, 0).matmul(W).data, 1e-12);
    assert.deepEqual(A.matmul(tensor([1, 0, 0, 0])).shape, [2, 3]);
    assert.deepEqual(tensor([1, 0, 0, 0]).matmul(B).shape, [2, 5]);
  });

  it("a 0-D tensor has a softmax of 1 and a logSoftmax of 0 (axis 0 or −1)", () => {
    assert.equal(tensor(2).softmax().item(), 1);
    assert.equal(tensor(2).softmax(0).item(), 1);
    assert.equal(tensor(2).logSoftmax().item(), 0);
    const x = tensor(2, { requiresGrad: true });
    x.softmax().backward();
    assert.equal(gradOf(x).item(), 0);
    assert.throws(() => tensor(2).softmax(1), /softmax: axis 1 is out of range/);
  });
});
