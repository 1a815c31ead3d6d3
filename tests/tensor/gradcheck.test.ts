import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectAnomaly, gradcheck, type Tensor, tensor } from "../../src/index.ts";
import {
  AnomalyError,
  makeResult,
  NO_ATTRS,
  type OpRule,
  toTensor,
} from "../../src/tensor/index.ts";

// An op with a deliberately wrong backward (d/dx x² given as x instead of 2x).
const wrongRule: OpRule = {
  saves: [0],
  vjp: (node, _i, g) => g.mul(node.inputs[0]),
  jvp: (node, [t]) => (t ?? tensor(0)).mul(node.inputs[0]),
};
function wrongSquare(x: Tensor): Tensor {
  const a = toTensor(x);
  return makeResult(
    a.data.map((v) => v * v),
    a.shape,
    wrongRule,
    "wrongSquare",
    [a],
    NO_ATTRS,
    undefined,
  );
}

describe("gradcheck(fn, inputs, { eps, tol })", () => {
  it("passes a correct gradient and reports each input", () => {
    const report = gradcheck(
      (x, w) => x.matmul(w).tanh().sum(),
      [tensor([[1, 2]]), tensor([[0.3], [-0.2]], { name: "w" })],
    );
    assert.equal(report.ok, true);
    assert.equal(report.inputs.length, 2);
    assert.ok(report.maxError < 1e-8);
    assert.match(report.toString(), /^ok {3}input 0 \[1,2\]: max error .*\nok {3}w \[2,1\]/);
  });

  it("only checks the inputs that require grad when some do", () => {
    const report = gradcheck(
      (x, w) => x.mul(w).sum(),
      [tensor([1, 2]), tensor([3, 4], { requiresGrad: true })],
    );
    assert.deepEqual(
      report.inputs.map((r) => r.index),
      [1],
    );
  });

  it("finds a wrong backward and names the worst element", () => {
    const report = gradcheck(
      (x) => wrongSquare(x),
      [
        tensor([
          [0.1, 0.2],
          [0.3, 0.4],
        ]),
      ],
    );
    assert.equal(report.ok, false);
    assert.deepEqual(report.inputs[0].worst?.position, [1, 1]);
    assert.match(report.toString(), /^FAIL input 0 \[2,2\]/);
  });

  it("throws with the op, the shape and the worst element when asked", () => {
    assert.throws(
      () =>
        gradcheck(
          (x) => wrongSquare(x).sum(),
          [
            tensor([
              [0.1, 0.2],
              [0.3, 0.4],
            ]),
          ],
          { throwOnFailure: true },
        ),
      /gradcheck: the gradient through "sum" is wrong for input 0 of shape \[2,2\] — at \[1,1\] backward gives 0\.4 but central differences give 0\.7999999/,
    );
  });

  it("leaves the caller's tensors untouched", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    gradcheck((t) => t.pow(2).sum(), [x]);
    assert.deepEqual(x.toArray(), [1, 2]);
    assert.equal(x.grad, null);
  });
});

describe("detectAnomaly(fn)", () => {
  it("names the first op that produced NaN or Infinity, with its shapes", () => {
    const x = tensor([
      [1, 0],
      [2, 3],
    ]);
    assert.throws(
      () => detectAnomaly(() => x.mul(2).log().mul(0).sum()),
      (e: unknown) =>
        e instanceof AnomalyError &&
        e.op === "log" &&
        e.message ===
          "log (forward): produced -Infinity at flat index 1 of its output [2,2] from finite inputs of shapes [2,2]",
    );
  });

  it("catches non-finite gradients in backward", () => {
    const x = tensor([0, 1], { requiresGrad: true });
    assert.throws(
      () => detectAnomaly(() => x.sqrt().sum().backward()),
      /sqrt backward \(backward\): produced Infinity/,
    );
  });

  it("returns fn's value and costs nothing once it ends", () => {
    assert.equal(
      detectAnomaly(() => tensor(2).mul(3).item()),
      6,
    );
    assert.ok(
      Number.isNaN(tensor(-1).log().item()),
      "outside detectAnomaly NaN is allowed through",
    );
  });
});
