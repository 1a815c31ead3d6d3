import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { optim, tensor } from "../../src/index.ts";

const sgd = (lr: number) => new optim.SGD([tensor([0], { requiresGrad: true })], { lr });

describe("optim.lrScheduler", () => {
  test("StepLR multiplies the rate by gamma every stepSize epochs", () => {
    const opt = sgd(1);
    const schedule = new optim.lrScheduler.StepLR(opt, 2, 0.5);
    const rates = [opt.lr];
    for (let e = 0; e < 5; e++) {
      schedule.step();
      rates.push(schedule.getLastLr());
    }
    assert.deepEqual(rates, [1, 1, 0.5, 0.5, 0.25, 0.25]);
  });

  test("CosineAnnealingLR falls from lr₀ to etaMin along half a cosine over tMax epochs", () => {
    const opt = sgd(0.1);
    const schedule = new optim.lrScheduler.CosineAnnealingLR(opt, 4, 0.02);
    const rates = [opt.lr];
    for (let e = 0; e < 4; e++) {
      schedule.step();
      rates.push(opt.lr);
    }
    const expected = [0, 1, 2, 3, 4].map(
      (t) => 0.02 + (0.08 * (1 + Math.cos((Math.PI * t) / 4))) / 2,
    );
    for (const [i, r] of rates.entries()) assert.ok(Math.abs(r - expected[i]) < 1e-15);
    assert.ok(Math.abs(rates[2] - 0.06) < 1e-15); // half way: the middle of the range
    assert.ok(Math.abs(rates[4] - 0.02) < 1e-15);
  });
});
