// Guards with a message instead of a crash or a silent wrong answer: tensor sizes, printing,
// functions where a function goes, and messages that name the op the user called.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  arange,
  concat,
  detectAnomaly,
  enableGrad,
  F,
  gradcheck,
  noGrad,
  ones,
  setMaxTensorBytes,
  stack,
  type Tensor,
  tensor,
  zeros,
} from "../../src/index.ts";
import { describeValue } from "../../src/tensor/index.ts";
import { message } from "./helpers.ts";

describe("a size limit on one tensor (512 MB unless set)", () => {
  it("refuses a huge creation with the op, the shape and the bytes", () => {
    assert.equal(
      message(() => zeros([2e4, 2e4])),
      "zeros: a tensor of shape [20000,20000] would hold 400,000,000 values (3.2 GB), more than the limit of 512 MB — check the shape, or raise the limit with setMaxTensorBytes(bytes)",
    );
    assert.match(
      message(() => zeros([1e6, 1e6])),
      /^zeros: a tensor of shape \[1000000,1000000\] would hold 1,000,000,000,000 values \(8 TB\)/,
    );
    assert.match(
      message(() => ones([1e5, 1e5])),
      /^full: /,
    );
    assert.match(
      message(() => arange(1e9)),
      /^arange: a tensor of shape \[1000000000\]/,
    );
  });

  it("refuses an op whose result would be huge: broadcasting, matmul", () => {
    const col = zeros([1e5, 1]);
    const row = zeros([1, 1e5]);
    assert.match(
      message(() => col.add(row)),
      /^add: a tensor of shape \[100000,100000\] would hold 10,000,000,000 values \(80 GB\)/,
    );
    assert.match(
      message(() => col.matmul(row)),
      /^matmul: a tensor of shape \[100000,100000\]/,
    );
  });

  it("refuses a join or a convolution whose result would be huge, naming the op called", () => {
    const previous = setMaxTensorBytes(8000); // 1000 values
    try {
      const piece = zeros([600]);
      assert.equal(
        message(() => concat([piece, piece])),
        "concat: a tensor of shape [1200] would hold 1,200 values (9.6 kB), more than the limit of 8 kB — check the shape, or raise the limit with setMaxTensorBytes(bytes)",
      );
      assert.match(
        message(() => stack([piece, piece])),
        /^stack: a tensor of shape \[2,600\]/,
      );
      assert.match(
        message(() => F.conv2d(zeros([1, 1, 20, 20]), zeros([4, 1, 3, 3]), null, { padding: 1 })),
        /^conv2d: a tensor of shape \[1,4,20,20\] would hold 1,600 values \(12\.8 kB\)/,
      );
      assert.match(
        message(() => F.conv2d(zeros([1, 2, 10, 10]), zeros([1, 2, 5, 5]), null, { padding: 2 })),
        /^conv2d \(its patch matrix, im2col\): a tensor of shape \[50,100\]/,
      );
      assert.match(
        message(() => F.conv1d(zeros([1, 1, 400]), zeros([3, 1, 1]))),
        /^conv1d: a tensor of shape \[1,3,400\]/,
      );
    } finally {
      setMaxTensorBytes(previous);
    }
  });

  it("is configurable", () => {
    const previous = setMaxTensorBytes(800);
    try {
      assert.equal(zeros([100]).numel(), 100);
      assert.match(
        message(() => zeros([101])),
        /more than the limit of 800 bytes/,
      );
    } finally {
      setMaxTensorBytes(previous);
    }
    assert.equal(
      message(() => setMaxTensorBytes(Number.NaN)),
      "setMaxTensorBytes: expected a number of bytes ≥ 8, found NaN",
    );
    assert.equal(
      message(() => setMaxTensorBytes("1e9" as never)),
      'setMaxTensorBytes: expected a number of bytes ≥ 8, found a string ("1e9")',
    );
  });
});

describe("printing", () => {
  it("writes NaN and infinities as PyTorch does", () => {
    assert.equal(
      tensor([Number.NaN, Infinity, -Infinity, 1.5]).toString(),
      "tensor([nan,inf,-inf,1.5], shape [4])",
    );
  });

  it("summarises more than 1000 values: 3 at each end of a long axis, … between", () => {
    const t = zeros([1000, 1000]);
    const s = t.toString();
    assert.equal(
      s,
      "tensor([[0,0,0,…,0,0,0],[0,0,0,…,0,0,0],[0,0,0,…,0,0,0],…,[0,0,0,…,0,0,0],[0,0,0,…,0,0,0],[0,0,0,…,0,0,0]], shape [1000,1000])",
    );
    assert.equal(arange(2000).toString(), "tensor([0,1,2,…,1997,1998,1999], shape [2000])");
    assert.equal(arange(1000).toString().length > 3000, true, "1000 values print in full");
  });
});

describe("a function where a function goes", () => {
  it("gradcheck, noGrad, enableGrad, detectAnomaly say what they expected", () => {
    assert.equal(
      message(() => gradcheck(1 as never, [])),
      "gradcheck: expected a function to run, e.g. gradcheck((x) => x.tanh().sum(), [x]), found the number 1",
    );
    assert.equal(
      message(() => gradcheck((x: Tensor) => x, tensor(1) as never)),
      "gradcheck: expected the inputs as a list of tensors, e.g. gradcheck((x) => x.tanh().sum(), [x]), found a Tensor",
    );
    assert.equal(
      message(() => noGrad(5 as never)),
      "noGrad: expected a function to run, e.g. noGrad(() => w.subInPlace(w.grad, 0.1)), found the number 5",
    );
    assert.match(
      message(() => enableGrad("x" as never)),
      /^enableGrad: expected a function to run, .* found a string \("x"\)$/,
    );
    assert.match(
      message(() => detectAnomaly(undefined as never)),
      /^detectAnomaly: .* found undefined$/,
    );
  });
});

describe("messages", () => {
  it("describe a value without a class name a minifier could rename", () => {
    class Renamed {}
    assert.equal(describeValue(new Renamed()), "an object");
    assert.equal(describeValue(tensor(1)), "a Tensor");
    assert.equal(describeValue(new Map()), "a Map");
    assert.equal(describeValue(new Float32Array(2)), "a Float32Array");
    assert.equal(describeValue("3"), 'a string ("3")');
  });

  it("name the op the user called: index, min, std, norm", () => {
    const x = zeros([2, 3]);
    assert.equal(
      message(() => x.index(5)),
      "index: row 5 is out of range for shape [2,3] (2 rows)",
    );
    assert.equal(
      message(() => x.min(4)),
      "min: axis 4 is out of range for a tensor of shape [2,3] (rank 2)",
    );
    assert.equal(
      message(() => x.std(4)),
      "std: axis 4 is out of range for a tensor of shape [2,3] (rank 2)",
    );
    assert.equal(
      message(() => x.norm(Infinity, 4)),
      "norm: axis 4 is out of range for a tensor of shape [2,3] (rank 2)",
    );
    assert.equal(
      message(() => zeros([2, 0]).min(1)),
      "min: cannot take the minimum over an axis of size 0",
    );
  });
});
