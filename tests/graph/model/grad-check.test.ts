import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { finiteDifferences, nudge } from "../../../src/graph/model/grad-check.ts";
import { traceComputation } from "../../../src/graph/model/trace.ts";
import { tensor } from "../../../src/tensor/index.ts";
import { defined } from "../defined.ts";
import { mlp221, ridge } from "../examples.ts";

describe("finiteDifferences(computation)", () => {
  test("central differences agree with every gradient of the ridge and 2-2-1 graphs", () => {
    for (const result of [ridge().J, mlp221().loss]) {
      const computation = traceComputation(result);
      const checks = finiteDifferences(computation);
      assert.equal(checks.size, computation.trace.nodes.filter((n) => n.grad).length);
      for (const [id, check] of checks) assert.ok(check.ok, `${id}: ${check.estimate}`);
    }
  });

  test("a wrong gradient is flagged", () => {
    const computation = traceComputation(ridge().J);
    const node = defined(computation.trace.nodes.find((n) => n.label === "w₁"));
    const broken = {
      ...computation,
      trace: {
        ...computation.trace,
        nodes: computation.trace.nodes.map((n) =>
          n === node ? { ...n, grad: { shape: [], data: [defined(n.grad?.data[0]) + 0.1] } } : n,
        ),
      },
    };
    const checks = finiteDifferences(broken);
    assert.equal(checks.get(node.id)?.ok, false);
    assert.equal([...checks.values()].filter((c) => !c.ok).length, 1);
  });

  test("refuses graphs that would need too many re-runs, with a message", () => {
    const W = tensor(
      Array.from({ length: 30 }, () => new Array(30).fill(0.1)),
      { requiresGrad: true },
    );
    assert.throws(
      () => finiteDifferences(traceComputation(W.tanh().sum()), { maxEvaluations: 100 }),
      /re-runs/,
    );
  });
});

describe("nudge(computation, id, element, delta)", () => {
  test("the actual change approaches gradient × δ as δ shrinks (second-order gap)", () => {
    const ex = ridge();
    const computation = traceComputation(ex.J);
    const w1 = defined(computation.trace.nodes.find((n) => n.label === "w₁"));
    const big = nudge(computation, w1.id, 0, 0.1);
    const small = nudge(computation, w1.id, 0, 0.01);
    assert.equal(big.predicted, defined(w1.grad?.data[0]) * 0.1);
    const gapBig = Math.abs(big.actual - big.predicted);
    const gapSmall = Math.abs(small.actual - small.predicted);
    assert.ok(gapSmall < gapBig / 50, `${gapSmall} vs ${gapBig}`);
  });

  test("leaves the original tensors untouched", () => {
    const ex = ridge();
    const computation = traceComputation(ex.J);
    const before = ex.J.item();
    nudge(computation, defined(computation.trace.nodes.find((n) => n.label === "b")).id, 0, 0.5);
    assert.equal(ex.J.item(), before);
    assert.equal(ex.b.item(), 0.125);
  });

  test("explains a node without a gradient", () => {
    const computation = traceComputation(ridge().J);
    const x1 = defined(computation.trace.nodes.find((n) => n.label === "x₁"));
    assert.throws(() => nudge(computation, x1.id, 0, 0.1), /x₁ has no gradient/);
  });
});
