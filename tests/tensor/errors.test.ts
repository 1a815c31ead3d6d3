// Error messages are messages to a student: the op, the shapes, what was expected.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { randn, tensor, zeros } from "../../src/index.ts";
import { concat, stack } from "../../src/tensor/ops/index.ts";
import { gradOf, message } from "./helpers.ts";

describe("error messages", () => {
  it("matmul names both shapes and the inner sizes", () => {
    assert.equal(
      message(() => tensor([[1, 2, 3]]).matmul(tensor([[1, 2, 3]]))),
      "matmul: [1,3] @ [1,3] — inner sizes 3 and 1 differ",
    );
    assert.equal(
      message(() => zeros([3, 2]).matmul(zeros([3, 1]))),
      "matmul: [3,2] @ [3,1] — inner sizes 2 and 3 differ",
    );
    assert.equal(
      message(() => zeros([2, 3, 4]).matmul(zeros([3, 4, 5]))),
      "matmul: [2,3,4] @ [3,4,5] — batch axes [2] and [3] cannot broadcast",
    );
    assert.equal(
      message(() => zeros([2, 3, 4]).matmul(zeros([2, 5, 5]))),
      "matmul: [2,3,4] @ [2,5,5] — inner sizes 4 and 5 differ",
    );
    assert.equal(
      message(() => tensor(2).matmul(zeros([2]))),
      "matmul: [] @ [2] — both operands need at least one axis (found 0-D and 1-D)",
    );
    assert.equal(
      message(() => zeros([2, 3, 4]).bmm(zeros([4, 5]))),
      "bmm: [2,3,4] @ [4,5] — both operands must be 3-D (found 3-D and 2-D); matmul broadcasts other ranks",
    );
    assert.equal(
      message(() => zeros([2, 3, 4]).bmm(zeros([1, 4, 5]))),
      "bmm: [2,3,4] @ [1,4,5] — batch sizes 2 and 1 differ",
    );
  });

  it("broadcasting names the op and both shapes", () => {
    assert.equal(
      message(() => zeros([2, 3]).add(zeros([4]))),
      "add: shapes [2,3] and [4] cannot broadcast",
    );
    assert.equal(
      message(() => zeros([2, 3]).mul(zeros([2]))),
      "mul: shapes [2,3] and [2] cannot broadcast",
    );
    assert.equal(
      message(() => zeros([3, 1]).sub(zeros([2, 2]))),
      "sub: shapes [3,1] and [2,2] cannot broadcast",
    );
  });

  it("reshape, axes and indices say what was found", () => {
    assert.equal(
      message(() => zeros([2, 3]).reshape([4, 2])),
      "reshape: cannot reshape [2,3] (6 elements) to [4,2] (8 elements)",
    );
    assert.equal(
      message(() => zeros([2, 3]).sum(2)),
      "sum: axis 2 is out of range for a tensor of shape [2,3] (rank 2)",
    );
    assert.equal(
      message(() => zeros([2, 3]).index(5)),
      "index: row 5 is out of range for shape [2,3] (2 rows)",
    );
    assert.equal(
      message(() => zeros([2, 3]).item()),
      "item: expected a tensor with one element, found shape [2,3]",
    );
    assert.match(
      message(() => concat([zeros([2, 3]), zeros([2, 4])], 0)),
      /concat: shapes \[2,3\], \[2,4\] differ outside axis 0/,
    );
    assert.match(
      message(() => stack([zeros([2]), zeros([3])])),
      /stack: all tensors must have the same shape/,
    );
  });

  it("creation checks its input", () => {
    assert.match(
      message(() => tensor([[1, 2], [3]])),
      /tensor: the nested arrays are not rectangular — expected 2 entries at \[1\]/,
    );
    assert.match(
      message(() => tensor(new Float64Array(5), { shape: [2, 3] })),
      /tensor: 5 values do not fill shape \[2,3\]/,
    );
    // What plain JavaScript in a notebook cell may do, which the types would reject:
    const untyped = { randn, add: zeros([2]).add.bind(zeros([2])) } as unknown as {
      randn: (shape: number[], generator: unknown) => unknown;
      add: (other: unknown) => unknown;
    };
    assert.match(
      message(() => untyped.randn([2, 2], 7)),
      /^randn: expected a generator made by rng\(seed\) \(or nothing, to draw from the default generator\), found the number 7/,
    );
    assert.equal(
      message(() => untyped.add("1")),
      'add: expected a Tensor, a number or nested arrays of numbers for an argument, found a string ("1")',
    );
  });

  it("non-numeric scalar arguments are refused, naming the op and what was found", () => {
    const x = tensor([1, -2]);
    const untyped = x as unknown as Record<string, (...args: unknown[]) => unknown>;
    assert.equal(
      message(() => untyped.leakyRelu("a")),
      'leakyRelu: the slope must be a number, found a string ("a")',
    );
    assert.equal(
      message(() => untyped.pow("2")),
      'pow: expected a Tensor, a number or nested arrays of numbers for the exponent, found a string ("2")',
    );
    assert.equal(
      message(() => untyped.clamp("0")),
      'clamp: min must be a number, found a string ("0")',
    );
    assert.equal(
      message(() => untyped.sum("a")),
      'sum: an axis must be an integer, found a string ("a")',
    );
    assert.equal(
      message(() => untyped.sum(0, 1)),
      "sum: keepdim must be true or false, found the number 1",
    );
    assert.equal(
      message(() => untyped.softmax(0.5)),
      "softmax: an axis must be an integer, found the number 0.5",
    );
    assert.equal(
      message(() => untyped.mul({})),
      "mul: expected a Tensor, a number or nested arrays of numbers for an argument, found an object",
    );
    assert.equal(
      message(() => untyped.add(undefined)),
      "add: expected a Tensor, a number or nested arrays of numbers for an argument, found undefined",
    );
    assert.equal(
      message(() => untyped.subInPlace(1, "x")),
      'subInPlace: alpha must be a finite number, found a string ("x")',
    );
  });

  it("reshape, index and slice say exactly what is wrong", () => {
    const x = zeros([2, 3]);
    assert.equal(
      message(() => x.reshape([-1, -1])),
      "reshape: only one dimension can be -1 (inferred), found [-1,-1] for a tensor of shape [2,3]",
    );
    assert.match(
      message(() => x.reshape([2.5, 2])),
      /^reshape: expected the new shape as integers, e\.g\. reshape\(\[2, -1\]\), found an array \[2\.5,2\]/,
    );
    assert.equal(
      message(() => x.index(1.5)),
      "index: the row index must be an integer, found the number 1.5",
    );
    assert.equal(
      message(() => x.slice("a" as unknown as number)),
      'slice: start must be an integer, found a string ("a")',
    );
    assert.equal(
      message(() => x.slice(0, 1.5)),
      "slice: end must be an integer, found the number 1.5",
    );
    assert.equal(
      message(() => x.narrow(1, 0.5, 1)),
      "narrow: start must be an integer, found the number 0.5",
    );
    assert.equal(
      message(() => tensor(1).index(0)),
      "index: a scalar has no rows to index",
    );
    assert.equal(
      message(() => x.expand([2, "3" as unknown as number])),
      'expand: expected a shape such as [2, 3] (non-negative integers), found [2,"3"]',
    );
  });

  it("numbers and nested arrays are accepted wherever a tensor is, as constants", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = x.mul([3, 4]).add([[1], [2]]); // [2] · [2] + [2,1] → [2,2]
    assert.deepEqual(y.toArray(), [
      [4, 9],
      [5, 10],
    ]);
    y.backward([
      [1, 0],
      [0, 1],
    ]); // the gradient may be nested arrays too
    assert.deepEqual(x.grad?.toArray(), [3, 4]);
    const s = x.mul(2).sum();
    x.zeroGrad();
    s.backward([1]); // a one-element gradient for a scalar, as y.backward([1])
    assert.deepEqual(gradOf(x).toArray(), [2, 2]);
    assert.equal(
      message(() => x.mul(2).backward("1" as unknown as number)),
      'backward: expected a Tensor, a number or nested arrays of numbers for the gradient, found a string ("1")',
    );
    assert.match(
      message(() => x.add([[1, 2], [3]])),
      /^add: the nested arrays are not rectangular/,
    );
  });
});
