import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { nn, rng, zeros } from "../../src/index.ts";

function variance(data: Float64Array): number {
  let mean = 0;
  for (const v of data) mean += v;
  mean /= data.length;
  let s = 0;
  for (const v of data) s += (v - mean) ** 2;
  return s / data.length;
}

// With 20,000 samples the sample variance is within ±3% of the true one about 99.9% of the
// time (its relative standard error is √(2/n) ≈ 1%); the seed makes the check replayable.
const within = (found: number, expected: number) =>
  assert.ok(Math.abs(found / expected - 1) < 0.03, `variance ${found}, expected ${expected}`);

describe("nn.init", () => {
  test("xavierNormal has variance 2/(n_in + n_out)", () => {
    const w = nn.init.xavierNormal(zeros([100, 200]), rng(1));
    within(variance(w.data), 2 / 300);
  });

  test("xavierUniform has the same variance, inside ±√(6/(n_in + n_out))", () => {
    const w = nn.init.xavierUniform(zeros([100, 200]), rng(2));
    within(variance(w.data), 2 / 300);
    const a = Math.sqrt(6 / 300);
    assert.ok(w.data.every((v) => Math.abs(v) <= a));
  });

  test("heNormal has variance 2/n_in", () => {
    const w = nn.init.heNormal(zeros([100, 200]), rng(3));
    within(variance(w.data), 2 / 200);
  });

  test("fans of a conv weight count the kernel positions", () => {
    assert.deepEqual(nn.init.fans(zeros([3, 2, 5, 5])), { fanIn: 50, fanOut: 75 });
  });

  test("zeros and constant fill every entry", () => {
    assert.ok(nn.init.zeros(nn.init.constant(zeros([3, 3]), 1)).data.every((v) => v === 0));
    assert.ok(nn.init.constant(zeros([2, 2]), 0.5).data.every((v) => v === 0.5));
  });

  test("refuses a 1-D tensor for a fan-based init, suggesting zeros for biases", () => {
    assert.throws(
      () => nn.init.xavierNormal(zeros([4]), rng(0)),
      /at least 2 dimensions.*nn.init.zeros/,
    );
  });
});
