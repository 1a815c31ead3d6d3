// Error messages are messages to a student: the op, the shapes, what was expected.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { randn, tensor, zeros } from "../../src/index.ts";
import { concat, stack } from "../../src/tensor/ops/index.ts";

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error");
}

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
    assert.match(
      message(() => zeros([2, 2, 2]).matmul(zeros([2, 2]))),
      /^matmul: \[2,2,2\] @ \[2,2\] — both operands must be 1-D or 2-D/,
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
      "select: index 5 is out of range for axis 0 of shape [2,3] (size 2)",
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
});
