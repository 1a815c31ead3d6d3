// The GradNode contract the graph view relies on.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tensor } from "../../src/index.ts";
import { topologicalOrder } from "../../src/tensor/index.ts";
import { gradOf, nodeOf } from "./helpers.ts";

describe("GradNode records", () => {
  it("name the op, keep inputs in argument order (the same tensor twice for x·x) and attrs", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const sq = x.mul(x);
    assert.equal(nodeOf(sq).op, "mul");
    assert.deepEqual(nodeOf(sq).inputs, [x, x]);
    const p = x.pow(2);
    assert.equal(nodeOf(p).op, "pow");
    assert.deepEqual(nodeOf(p).attrs, { exponent: 2 });
    const s = x.sum(0, true);
    assert.deepEqual(nodeOf(s).attrs, { axis: 0, keepdim: true });
  });

  it("wrap plain numbers as constant scalar inputs", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = x.add(3);
    const c = nodeOf(y).inputs[1];
    assert.equal(c.isConstant, true);
    assert.deepEqual(c.shape, []);
    assert.equal(c.item(), 3);
    assert.equal(x.isConstant, false);
  });

  it("vjp sums the broadcast axes away, returning each input's shape", () => {
    const a = tensor(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { requiresGrad: true },
    ); // [2,3]
    const b = tensor([10, 20, 30], { requiresGrad: true }); // [3]
    const c = tensor(2, { requiresGrad: true }); // []
    const y = a.mul(b).add(c);
    const g = tensor([
      [1, 1, 1],
      [1, 1, 1],
    ]);
    const add = nodeOf(y);
    assert.deepEqual(add.vjp(1, g).shape, []);
    assert.equal(add.vjp(1, g).item(), 6);
    const mul = nodeOf(add.inputs[0]);
    assert.deepEqual(mul.vjp(1, g).toArray(), [5, 7, 9]); // Σ over rows of a
    assert.deepEqual(mul.vjp(0, g).toArray(), [
      [10, 20, 30],
      [10, 20, 30],
    ]);
  });

  it("localGrad gives ∂out/∂input shaped like the output for element-wise ops", () => {
    const a = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { requiresGrad: true },
    );
    const b = tensor([10, 100], { requiresGrad: true });
    const m = nodeOf(a.mul(b));
    assert.deepEqual(m.localGrad(0)?.toArray(), [
      [10, 100],
      [10, 100],
    ]);
    assert.deepEqual(m.localGrad(1)?.toArray(), [
      [1, 2],
      [3, 4],
    ]);
    const t = tensor([0, 1], { requiresGrad: true }).tanh();
    const d = nodeOf(t).localGrad(0)?.toArray() as number[];
    assert.equal(d[0], 1);
    assert.ok(Math.abs(d[1] - (1 - Math.tanh(1) ** 2)) < 1e-15);
    assert.deepEqual(a.sub(b).gradFn?.localGrad(1)?.toArray(), [
      [-1, -1],
      [-1, -1],
    ]);
  });

  it("localGrad is null for ops that are not element-wise", () => {
    const a = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { requiresGrad: true },
    );
    assert.equal(a.matmul(a).gradFn?.localGrad(0), null);
    assert.equal(a.sum().gradFn?.localGrad(0), null);
    assert.equal(a.reshape([4]).gradFn?.localGrad(0), null);
  });

  it("let a walk over topologicalOrder reproduce backward's gradients bit for bit", () => {
    const x = tensor([[0.3, -1.2]], { requiresGrad: true });
    const W = tensor(
      [
        [0.5, -0.7],
        [1.1, 0.2],
      ],
      { requiresGrad: true },
    );
    const b = tensor([0.1, -0.3], { requiresGrad: true });
    const loss = x.matmul(W.T).add(b).tanh().mul(x).sum();
    loss.backward();
    const order = topologicalOrder(loss);
    const grads = new Map([[loss, tensor(1)]]);
    for (const t of [...order].reverse()) {
      const g = grads.get(t);
      if (!g || !t.gradFn) continue;
      t.gradFn.inputs.forEach((input, i) => {
        if (!input.requiresGrad) return;
        const v = nodeOf(t).vjp(i, g);
        const prev = grads.get(input);
        grads.set(
          input,
          prev
            ? tensor(
                prev.data.map((p, k) => p + v.data[k]),
                { shape: prev.shape },
              )
            : v,
        );
      });
    }
    for (const leaf of [x, W, b]) assert.deepEqual(grads.get(leaf)?.data, gradOf(leaf).data);
  });
});
