import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { digitsCnn } from "../bench/tensor/digits-cnn.ts";

describe("a LeNet-style CNN on data.digits() (the bench's network)", () => {
  test("two seeded epochs of mini-batch Adam classify over 90% of the held-out 20% right", async () => {
    const run = await digitsCnn();
    assert.equal(run.trainSize + run.testSize, 1797);
    assert.equal(run.testSize, 359);
    const before = run.accuracy();
    await run.epoch(0);
    await run.epoch(0);
    const after = run.accuracy();
    assert.ok(before < 0.2, `untrained: ${before}`);
    assert.ok(after > 0.9, `after two epochs: ${after}`);
  });
});
