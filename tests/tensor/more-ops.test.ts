// The round-two ops' values and PyTorch's conventions at ties, NaN and zeros; their gradients
// are checked against central differences in op-cases.ts.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  eye,
  fullLike,
  onesLike,
  randint,
  randLike,
  randnLike,
  rng,
  tensor,
  zeros,
  zerosLike,
} from "../../src/index.ts";
import { assertClose, gradOf, message } from "./helpers.ts";

describe("max(dim) and min(dim) give values and indices, as PyTorch", () => {
  it("const { values, indices } = x.max(1); the first of tied entries, the first NaN", () => {
    const x = tensor([
      [1, 5, 5],
      [Number.NaN, 2, Number.NaN],
      [-1, -3, -2],
    ]);
    const { values, indices } = x.max(1);
    assert.deepEqual(Array.from(values.data), [5, Number.NaN, -1]);
    assert.deepEqual(Array.from(indices.data), [1, 0, 0]);
    assert.deepEqual(indices.shape, [3]);
    const r = x.max(0, true);
    assert.deepEqual(r.indices.shape, [1, 3]);
    assert.deepEqual(Array.from(r.indices.data), [1, 0, 1]);
    const m = x.min(1);
    assert.deepEqual(Array.from(m.indices.data), [0, 0, 1]);
    assert.deepEqual(Array.from(m.data), [1, Number.NaN, -3]);
    assert.equal(m.values, m);
    assert.equal(x.max().shape.length, 0); // all elements: a plain tensor
  });
});

describe("prod, cumsum, norm, var, std, logsumexp", () => {
  it("prod's gradient at zeros is the product of the other entries (no 0/0)", () => {
    const x = tensor([2, 0, 3, 0.5], { requiresGrad: true });
    const y = x.prod();
    assert.equal(y.item(), 0);
    y.backward();
    assert.deepEqual(Array.from(gradOf(x).data), [0, 3, 0, 0]);
    assert.deepEqual(
      tensor([
        [1, 2],
        [3, 4],
      ])
        .prod(0)
        .toArray(),
      [3, 8],
    );
  });

  it("cumsum runs along the axis", () => {
    assert.deepEqual(
      tensor([
        [1, 2, 3],
        [4, 5, 6],
      ])
        .cumsum(1)
        .toArray(),
      [
        [1, 3, 6],
        [4, 9, 15],
      ],
    );
    assert.deepEqual(
      tensor([
        [1, 2, 3],
        [4, 5, 6],
      ])
        .cumsum(-2)
        .toArray(),
      [
        [1, 2, 3],
        [5, 7, 9],
      ],
    );
  });

  it("norm of a zero vector has gradient 0, as PyTorch (not NaN)", () => {
    const x = tensor([0, 0, 0], { requiresGrad: true });
    const n = x.norm();
    assert.equal(n.item(), 0);
    n.backward();
    assert.deepEqual(Array.from(gradOf(x).data), [0, 0, 0]);
    assert.equal(tensor([3, -4]).norm().item(), 5);
    assert.equal(tensor([3, -4]).norm(1).item(), 7);
    assert.equal(tensor([3, -4]).norm(Infinity).item(), 4);
    assert.equal(
      message(() => tensor([1]).norm(0)),
      "norm: p must be a positive number or Infinity, found the number 0",
    );
  });

  it("var divides by n − 1 unless { correction: 0 }; std is its root", () => {
    const x = tensor([1, 2, 3, 4]);
    assert.ok(Math.abs(x.var().item() - 5 / 3) < 1e-15);
    assert.equal(x.var(undefined, { correction: 0 }).item(), 1.25);
    assert.ok(Math.abs(x.std().item() - Math.sqrt(5 / 3)) < 1e-15);
    assertClose(
      tensor([
        [1, 3],
        [2, 6],
      ]).var(1).data,
      [2, 8],
    );
    assert.deepEqual(
      tensor([
        [1, 3],
        [2, 6],
      ]).var(0, { keepdim: true }).shape,
      [1, 2],
    );
    assert.equal(
      message(() => x.var(0, true as never)),
      "var: expected options such as { correction: 0, keepdim: true } after the axis, found the boolean true",
    );
  });

  it("logsumexp does not overflow, handles −∞, and its gradient is softmax", () => {
    assert.ok(Math.abs(tensor([1000, 1000]).logsumexp().item() - (1000 + Math.LN2)) < 1e-9);
    assert.equal(tensor([-Infinity, -Infinity]).logsumexp().item(), -Infinity);
    assert.ok(Math.abs(tensor([0, -Infinity]).logsumexp().item()) < 1e-15);
    const x = tensor([[1, 2, 3]], { requiresGrad: true });
    const y = x.logsumexp(1);
    assert.deepEqual(y.shape, [1]);
    y.sum().backward();
    assertClose(gradOf(x).data, x.detach().softmax(1).data, 1e-12);
  });
});

describe("permute, gather, maskedFill, ne, sin, cos, log1p", () => {
  it("permute reorders axes and refuses a wrong order, naming it", () => {
    const x = tensor(
      Array.from({ length: 24 }, (_, k) => k),
      { shape: [2, 3, 4] },
    );
    const y = x.permute(2, 0, 1);
    assert.deepEqual(y.shape, [4, 2, 3]);
    // y[c][a][b] = x[a][b][c]
    assert.equal((y.toArray() as number[][][])[3][1][2], (x.toArray() as number[][][])[1][2][3]);
    assert.deepEqual(x.permute([-1, 0, 1]).shape, [4, 2, 3]);
    assert.equal(
      message(() => x.permute(0, 0, 1)),
      "permute: dims [0, 0, 1] for a tensor of shape [2,3,4] — each axis 0…2 must appear exactly once",
    );
    assert.equal(
      message(() => x.permute(1, 0)),
      "permute: dims [1, 0] for a tensor of shape [2,3,4] — expected an order of all 3 axes, e.g. [2, 1, 0]",
    );
  });

  it("gather picks each row's entry and adds the gradient where an entry is picked twice", () => {
    const x = tensor(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { requiresGrad: true },
    );
    const y = x.gather(
      1,
      tensor([
        [2, 2],
        [0, -1],
      ]),
    );
    assert.deepEqual(y.toArray(), [
      [3, 3],
      [4, 6],
    ]);
    y.sum().backward();
    assert.deepEqual(gradOf(x).toArray(), [
      [0, 0, 2],
      [1, 0, 1],
    ]);
    assert.equal(
      message(() => x.gather(1, tensor([[3]]))),
      "gather: index 3 at flat position 0 is out of range for axis 1 of size 3 (shape [2,3])",
    );
    assert.equal(
      message(() => x.gather(1, tensor([1]))),
      "gather: the index must have the input's rank — input [2,3], index [1]",
    );
  });

  it("maskedFill puts the value where the mask is set, with no gradient there", () => {
    const x = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { requiresGrad: true },
    );
    const y = x.maskedFill(tensor([1, 0]), -Infinity);
    assert.deepEqual(y.toArray(), [
      [-Infinity, 2],
      [-Infinity, 4],
    ]);
    x.maskedFill(tensor([1, 0]), 0)
      .mul(3)
      .sum()
      .backward();
    assert.deepEqual(gradOf(x).toArray(), [
      [0, 3],
      [0, 3],
    ]);
    assert.equal(
      message(() => x.maskedFill(zeros([3]), 0)),
      "maskedFill: shapes [3] and [2,2] cannot broadcast",
    );
  });

  it("ne is 1 where entries differ, NaN included", () => {
    assert.deepEqual(
      Array.from(tensor([1, Number.NaN, 3]).ne(tensor([1, Number.NaN, 2])).data),
      [0, 1, 1],
    );
  });

  it("sin, cos, log1p", () => {
    assertClose(tensor([0, Math.PI / 2]).sin().data, [0, 1], 1e-15);
    assertClose(tensor([0, Math.PI]).cos().data, [1, -1], 1e-15);
    assert.equal(tensor(1e-20).log1p().item(), 1e-20);
  });
});

describe("eye, randint and the *Like creators", () => {
  it("eye(n) and eye(n, m)", () => {
    assert.deepEqual(eye(2).toArray(), [
      [1, 0],
      [0, 1],
    ]);
    assert.deepEqual(eye(2, 3).toArray(), [
      [1, 0, 0],
      [0, 1, 0],
    ]);
    assert.equal(eye(3, undefined, { requiresGrad: true }).requiresGrad, true);
  });

  it("randint(low, high, shape, generator) draws integers in low … high − 1, reproducibly", () => {
    const a = randint(2, 5, [1000], rng(1));
    assert.ok(a.data.every((v) => Number.isInteger(v) && v >= 2 && v < 5));
    assert.deepEqual(new Set(a.data), new Set([2, 3, 4]));
    assert.deepEqual(randint(2, 5, [10], rng(1)).toArray(), Array.from(a.data.slice(0, 10)));
    assert.deepEqual(randint(10, [3], rng(0)).shape, [3]);
    assert.equal(
      message(() => randint(5, 5, [2])),
      "randint: high must be greater than low, found low 5 and high the number 5",
    );
  });

  it("zerosLike, onesLike, fullLike, randLike, randnLike take the shape of a tensor", () => {
    const x = zeros([2, 3]);
    assert.deepEqual(onesLike(x).toArray(), [
      [1, 1, 1],
      [1, 1, 1],
    ]);
    assert.deepEqual(zerosLike(x).shape, [2, 3]);
    assert.deepEqual(fullLike(x, 7).data[5], 7);
    assert.deepEqual(randLike(x, rng(0)).shape, [2, 3]);
    assert.deepEqual(randnLike(x, rng(0)).shape, [2, 3]);
    assert.equal(
      message(() => zerosLike([2, 3] as never)),
      "zerosLike: expected a Tensor to take the shape of, found an array",
    );
  });
});
