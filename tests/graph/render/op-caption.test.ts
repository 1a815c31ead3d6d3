import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { trace } from "../../../src/graph/model/trace.ts";
import type { TraceNode } from "../../../src/graph/model/types.ts";
import { opCaption, opName } from "../../../src/graph/render/op-caption.ts";
import * as F from "../../../src/nn/functional/index.ts";
import { tensor } from "../../../src/tensor/index.ts";

const node = (op: string, attrs: Record<string, unknown> = {}): TraceNode => ({
  id: "n0",
  index: 0,
  op,
  label: "v",
  tex: "v",
  kind: "intermediate",
  shape: [],
  value: { shape: [], data: [0] },
  grad: null,
  requiresGrad: false,
  inputs: [],
  attrs,
});

describe("opCaption(node) and opName(node)", () => {
  test("say what the op does in the lecture's words, not the library's identifier", () => {
    assert.equal(opCaption(node("mseLoss")), "MSE");
    assert.equal(opName(node("mseLoss")), "mean squared error");
    assert.equal(opCaption(node("pow", { exponent: 2 })), "square");
    assert.equal(opCaption(node("pow", { exponent: -1 })), "1/x");
    assert.equal(opCaption(node("pow", { exponent: 1.5 })), "power 1.5");
    assert.equal(opCaption(node("linear")), "linear");
    assert.equal(opCaption(node("matmul")), "matmul");
    assert.equal(opCaption(node("add")), "+");
    assert.equal(opName(node("add")), "sum");
    assert.equal(opCaption(node("leakyRelu")), "leaky ReLU");
  });

  test("an op it does not know still reads as words: someNewOp → “some new op”", () => {
    assert.equal(opCaption(node("someNewOp")), "some new op");
  });

  test("every op of a graph built with the library gets a caption that is not camelCase", () => {
    const a = tensor([[0.5, -1]], { requiresGrad: true, name: "a" });
    const W = tensor([[0.5, 0.25]], { requiresGrad: true, name: "W" });
    const h = F.linear(a, W).tanh().sigmoid().relu().add(a.matmul(a.transpose()));
    const loss = F.mseLoss(h.exp().log().abs().sqrt().pow(3).div(2).neg(), tensor([[1]]));
    for (const n of trace(loss.mean().sub(a.sum())).nodes.filter((x) => x.op !== "leaf")) {
      // a camelCase identifier such as mseLoss or leakyRelu
      assert.doesNotMatch(opCaption(n), /^[a-z]+[A-Z]\w*$/, n.op);
      assert.doesNotMatch(opName(n), /^[a-z]+[A-Z]\w*$/, n.op);
    }
  });
});
