// Forward values of the ops (their gradients are in ops-grad.test.ts).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { arange, jvp, tensor, zeros } from "../../src/index.ts";
import { concat, stack, where } from "../../src/tensor/ops/index.ts";
import { assertClose } from "./helpers.ts";

describe("broadcasting", () => {
  it("follows NumPy: [3,1] + [1,4] → [3,4], [2,3] · [3], scalar and number operands", () => {
    const col = tensor([[0], [10], [20]]);
    const row = tensor([[1, 2, 3, 4]]);
    assert.deepEqual(col.add(row).toArray(), [
      [1, 2, 3, 4],
      [11, 12, 13, 14],
      [21, 22, 23, 24],
    ]);
    assert.deepEqual(
      tensor([
        [1, 2, 3],
        [4, 5, 6],
      ])
        .mul(tensor([1, 0, -1]))
        .toArray(),
      [
        [1, 0, -3],
        [4, 0, -6],
      ],
    );
    assert.deepEqual(tensor([1, 2]).sub(tensor(1)).toArray(), [0, 1]);
    assert.deepEqual(tensor([2, 4]).div(2).toArray(), [1, 2]);
    assert.deepEqual(
      tensor([1, 2])
        .pow(tensor([[2], [3]]))
        .toArray(),
      [
        [1, 4],
        [1, 8],
      ],
    );
  });
});

describe("matmul", () => {
  it("multiplies 2-D @ 2-D, 2-D @ 1-D, 1-D @ 2-D and 1-D @ 1-D", () => {
    const A = tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    assert.deepEqual(
      A.matmul(
        tensor([
          [1, 0],
          [0, 1],
        ]),
      ).toArray(),
      A.toArray(),
    );
    assert.deepEqual(A.matmul(tensor([1, -1])).toArray(), [-1, -1, -1]);
    assert.deepEqual(tensor([1, 0, 1]).matmul(A).toArray(), [6, 8]);
    assert.equal(
      tensor([1, 2])
        .matmul(tensor([3, 4]))
        .item(),
      11,
    );
    assert.deepEqual(A.matmul(A.T).toArray(), [
      [5, 11, 17],
      [11, 25, 39],
      [17, 39, 61],
    ]);
  });
});

describe("reductions", () => {
  const x = tensor([
    [1, 5, 3],
    [4, 2, 6],
  ]);
  it("sum, mean, max over everything or one axis, with keepdim", () => {
    assert.equal(x.sum().item(), 21);
    assert.deepEqual(x.sum(0).toArray(), [5, 7, 9]);
    assert.deepEqual(x.sum(1, true).toArray(), [[9], [12]]);
    assert.deepEqual(x.mean(-1).toArray(), [3, 4]);
    assert.equal(x.max().item(), 6);
    assert.deepEqual(x.max(1).toArray(), [5, 6]);
    assert.deepEqual(x.argmax(1).toArray(), [1, 2]);
    assert.equal(x.argmax().item(), 5);
  });

  it("sum and mean over several axes, as torch.sum(x, dim=(0, 2))", () => {
    const t = arange(24).reshape([2, 3, 4]);
    assert.deepEqual(t.sum([0, 2]).toArray(), [60, 92, 124]);
    assert.deepEqual(t.sum([2, 0], true).shape, [1, 3, 1]);
    assert.deepEqual(t.mean([0, -1]).toArray(), [7.5, 11.5, 15.5]);
    assert.equal(t.sum([]).item(), 276, "[] reduces every axis, as PyTorch");
    assert.equal(t.sum([0, 1, 2]).item(), 276);
    assert.throws(
      () => t.sum([1, -2]),
      /sum: axis 1 appears twice in \[1, -2\] for a tensor of shape \[2,3,4\]/,
    );
  });

  it("argmax and argmin give indices (the first of equal values); max(axis) gives the values", () => {
    const t = tensor([
      [3, 7, 7],
      [1, 0, 0],
    ]);
    assert.deepEqual(t.argmax(1).toArray(), [1, 0]);
    assert.deepEqual(t.argmin(1).toArray(), [0, 1]);
    assert.deepEqual(t.argmin(0, true).toArray(), [[1, 1, 1]]);
    assert.equal(t.argmin().item(), 4);
    assert.deepEqual(
      t.max(1).toArray(),
      [7, 1],
      "values, where PyTorch's max(dim) also returns indices",
    );
  });

  it("the maximum of all elements shares its gradient evenly between ties, as PyTorch", () => {
    const t = tensor([1, 5, 5, 2, 5], { requiresGrad: true });
    t.max().backward();
    assert.deepEqual(t.grad?.toArray(), [0, 1 / 3, 1 / 3, 0, 1 / 3]);
    const u = tensor(
      [
        [5, 5],
        [1, 2],
      ],
      { requiresGrad: true },
    );
    u.max(1).sum().backward(); // along an axis: to the first maximum
    assert.deepEqual(u.grad?.toArray(), [
      [1, 0],
      [0, 1],
    ]);
    const v = tensor([2, -1, -1], { requiresGrad: true });
    v.min().backward();
    assert.deepEqual(
      Array.from(v.grad?.data ?? [], (g) => g + 0),
      [0, 0.5, 0.5],
    ); // −0 → 0
    const { tangent } = jvp((a) => a.max(), [tensor([4, 4, 1])], [tensor([1, 2, 3])]);
    assert.equal(tangent.item(), 1.5, "forward mode averages the tied tangents");
  });

  it("softmax sums to 1 and logSoftmax stays finite for large scores", () => {
    const p = tensor([
      [1, 2, 3],
      [1000, 1000, 1000],
    ]).softmax(1);
    assertClose(p.sum(1).data, [1, 1], 1e-12);
    assertClose(p.index(1).data, [1 / 3, 1 / 3, 1 / 3], 1e-12);
    const lp = tensor([1000, 0]).logSoftmax();
    assertClose(lp.data, [0, -1000], 1e-12);
    assertClose(
      tensor([
        [1, 2],
        [3, 5],
      ]).softmax(0).data,
      [
        1 / (1 + Math.E ** 2),
        1 / (1 + Math.E ** 3),
        1 / (1 + Math.E ** -2),
        1 / (1 + Math.E ** -3),
      ],
      1e-12,
    );
  });
});

describe("shape ops", () => {
  const x = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  it("reshape (with -1), transpose, squeeze/unsqueeze", () => {
    assert.deepEqual(x.reshape([3, -1]).toArray(), [
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    assert.deepEqual(x.reshape(6).shape, [6]);
    assert.deepEqual(x.T.toArray(), [
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    assert.deepEqual(x.unsqueeze(0).shape, [1, 2, 3]);
    assert.deepEqual(x.unsqueeze(-1).shape, [2, 3, 1]);
    assert.deepEqual(x.unsqueeze(0).squeeze().shape, [2, 3]);
    const cube = tensor([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ]);
    assert.deepEqual(cube.transpose(0, 2).toArray(), [
      [
        [1, 5],
        [3, 7],
      ],
      [
        [2, 6],
        [4, 8],
      ],
    ]);
  });

  it("rows: index, slice (negative bounds), narrow, select", () => {
    assert.deepEqual(x.index(1).toArray(), [4, 5, 6]);
    assert.deepEqual(x.index(-1).toArray(), [4, 5, 6]);
    assert.deepEqual(x.slice(0, 1).toArray(), [[1, 2, 3]]);
    assert.deepEqual(x.slice(-1).toArray(), [[4, 5, 6]]);
    assert.deepEqual(x.narrow(1, 1, 2).toArray(), [
      [2, 3],
      [5, 6],
    ]);
    assert.deepEqual(x.select(1, 0).toArray(), [1, 4]);
  });

  it("concat and stack follow torch.cat and torch.stack", () => {
    assert.deepEqual(concat([x, tensor([[7, 8, 9]])]).toArray(), [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    assert.deepEqual(concat([x, x], 1).shape, [2, 6]);
    assert.deepEqual(stack([tensor([1, 2]), tensor([3, 4])]).toArray(), [
      [1, 2],
      [3, 4],
    ]);
    assert.deepEqual(stack([tensor([1, 2]), tensor([3, 4])], 1).toArray(), [
      [1, 3],
      [2, 4],
    ]);
    assert.deepEqual(zeros([2]).expand([3, 2]).shape, [3, 2]);
  });

  it("prints readably", () => {
    assert.equal(
      tensor([[1, 2]], { requiresGrad: true, name: "W" }).toString(),
      "tensor([[1,2]], shape [1,2], requiresGrad, name W)",
    );
  });
});

describe("comparisons, where and clamp", () => {
  it("give 0/1 masks without gradient, pick element-wise, limit values", () => {
    const x = tensor([-1, 0, 2], { requiresGrad: true });
    const mask = x.gt(0);
    assert.deepEqual(mask.toArray(), [0, 0, 1]);
    assert.equal(mask.requiresGrad, false);
    assert.deepEqual(x.lt(0).toArray(), [1, 0, 0]);
    assert.deepEqual(x.ge(0).toArray(), [0, 1, 1]);
    assert.deepEqual(x.le(tensor([[0], [5]])).toArray(), [
      [1, 1, 0],
      [1, 1, 1],
    ]);
    assert.deepEqual(x.eq(0).toArray(), [0, 1, 0]);
    assert.deepEqual(where(mask, x, tensor(10)).toArray(), [10, 10, 2]);
    assert.deepEqual(x.clamp(-0.5, 1).toArray(), [-0.5, 0, 1]);
    assert.deepEqual(x.clamp(0).toArray(), [0, 0, 2]);
    assert.equal(x.min().item(), -1);
  });
});

describe("element-wise values", () => {
  it("match Math for the unary ops", () => {
    const v = [-2, -0.5, 0, 0.5, 2];
    const x = tensor(v);
    assertClose(x.tanh().data, v.map(Math.tanh));
    assertClose(
      x.sigmoid().data,
      v.map((a) => 1 / (1 + Math.exp(-a))),
    );
    assertClose(
      x.relu().data,
      v.map((a) => Math.max(0, a)),
    );
    assertClose(
      x.leakyRelu(0.1).data,
      v.map((a) => (a > 0 ? a : 0.1 * a)),
    );
    assertClose(x.abs().data, v.map(Math.abs));
    assertClose(x.exp().data, v.map(Math.exp));
    assertClose(
      x.neg().data,
      v.map((a) => -a),
    );
    assert.equal(tensor(-800).sigmoid().item(), 0);
    assert.equal(tensor(800).sigmoid().item(), 1);
  });
});
