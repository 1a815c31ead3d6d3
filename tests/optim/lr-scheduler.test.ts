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

describe("optim.lrScheduler, round two", () => {
  const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-15, `${a} vs ${b}`);
  const run = (schedule: { step(): void }, opt: { lr: number }, epochs: number) => {
    const rates = [opt.lr];
    for (let e = 0; e < epochs; e++) {
      schedule.step();
      rates.push(opt.lr);
    }
    return rates;
  };

  test("ExponentialLR multiplies the rate by gamma every epoch", () => {
    const opt = sgd(1);
    const rates = run(new optim.lrScheduler.ExponentialLR(opt, 0.5), opt, 3);
    assert.deepEqual(rates, [1, 0.5, 0.25, 0.125]);
  });

  test("MultiStepLR drops by gamma at each milestone", () => {
    const opt = sgd(1);
    const rates = run(new optim.lrScheduler.MultiStepLR(opt, [3, 1], 0.1), opt, 4);
    [1, 0.1, 0.1, 0.01, 0.01].forEach((r, k) => {
      near(rates[k], r);
    });
    assert.throws(
      () => new optim.lrScheduler.MultiStepLR(sgd(1), [1.5]),
      /^Error: lrScheduler\.MultiStepLR: milestones must be a list of epochs \(integers ≥ 0\), found \[1\.5\]$/,
    );
  });

  test("LambdaLR scales each group's starting rate by its function, from the moment it is built", () => {
    const a = tensor([0], { requiresGrad: true });
    const b = tensor([0], { requiresGrad: true });
    const opt = new optim.SGD([{ params: [a] }, { params: [b], lr: 0.1 }], { lr: 1 });
    const warmup = new optim.lrScheduler.LambdaLR(opt, [(e) => (e + 1) / 4, (e) => 0.5 ** e]);
    assert.deepEqual(warmup.getLastLrs(), [0.25, 0.1]);
    warmup.step();
    assert.deepEqual(warmup.getLastLrs(), [0.5, 0.05]);
    assert.throws(
      () => new optim.lrScheduler.LambdaLR(opt, [(e) => e]),
      /^Error: lrScheduler\.LambdaLR: expected a function of the epoch \(or one per parameter group, 2\), found an array$/,
    );
    assert.throws(
      () => new optim.lrScheduler.LambdaLR(sgd(1), () => Number.NaN),
      /^Error: lrScheduler\.LambdaLR: lrLambda\(0\) gave the number NaN, expected a finite number$/,
    );
  });

  test("StepLR and ExponentialLR schedule every group from its own starting rate", () => {
    const opt = new optim.SGD(
      [
        { params: [tensor([0], { requiresGrad: true })] },
        { params: [tensor([0], { requiresGrad: true })], lr: 0.1 },
      ],
      { lr: 1 },
    );
    const schedule = new optim.lrScheduler.StepLR(opt, 1, 0.5);
    schedule.step();
    assert.deepEqual(schedule.getLastLrs(), [0.5, 0.05]);
  });

  test("ReduceLROnPlateau drops the rate after more than `patience` epochs without a new best, then cools down", () => {
    const opt = sgd(1);
    const plateau = new optim.lrScheduler.ReduceLROnPlateau(opt, {
      patience: 2,
      factor: 0.5,
      cooldown: 1,
    });
    const losses = [1, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95];
    const rates = losses.map((loss) => {
      plateau.step(loss);
      return opt.lr;
    });
    // best 0.9 at epoch 2; bad epochs 3, 4, 5 → drop at 5; cooldown epoch 6; bad 7, 8, 9 → drop at 9
    assert.deepEqual(rates, [1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25]);
  });

  test("ReduceLROnPlateau in max mode with an absolute threshold and a floor", () => {
    const opt = sgd(1);
    const plateau = new optim.lrScheduler.ReduceLROnPlateau(opt, {
      mode: "max",
      thresholdMode: "abs",
      threshold: 0.1,
      patience: 0,
      minLr: 0.2,
      factor: 0.1,
    });
    plateau.step(0.5);
    plateau.step(0.55); // not better by 0.1
    assert.equal(opt.lr, 0.2);
    assert.throws(
      () => plateau.step(Number.NaN),
      /^Error: lrScheduler\.ReduceLROnPlateau: step\(metric\) needs the epoch's number \(e\.g\. the validation loss\), found the number NaN$/,
    );
  });
});
