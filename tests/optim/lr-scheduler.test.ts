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

describe("schedule messages: the schedule called, what it expected, the value as given", () => {
  const message = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error("expected an error");
  };
  const { lrScheduler } = optim;

  test("a missing optimiser is named as such, not as a property read of undefined", () => {
    assert.equal(
      message(() => new lrScheduler.StepLR(undefined as never, 2)),
      "lrScheduler.StepLR: expected an optimiser such as new optim.SGD(model.parameters(), { lr: 0.1 }) as the first argument, found undefined",
    );
    assert.match(
      message(() => new lrScheduler.ReduceLROnPlateau({} as never)),
      /^lrScheduler\.ReduceLROnPlateau: expected an optimiser .* found an object$/,
    );
    assert.match(
      message(() => new lrScheduler.LambdaLR(null as never, () => 1)),
      /^lrScheduler\.LambdaLR: /,
    );
  });

  test("strings are quoted, so '2' does not read as 2; NaN reads as NaN", () => {
    assert.equal(
      message(() => new lrScheduler.StepLR(sgd(1), "2" as never)),
      'lrScheduler.StepLR: stepSize must be a positive integer, found a string ("2")',
    );
    assert.equal(
      message(() => new lrScheduler.StepLR(sgd(1), 2, "0.5" as never)),
      'lrScheduler.StepLR: gamma must be a number > 0, found a string ("0.5")',
    );
    assert.equal(
      message(() => new lrScheduler.ExponentialLR(sgd(1), Number.NaN)),
      "lrScheduler.ExponentialLR: gamma must be a number > 0, found NaN",
    );
    assert.equal(
      message(() => new lrScheduler.MultiStepLR(sgd(1), ["10", 20] as never)),
      'lrScheduler.MultiStepLR: milestones must be a list of epochs (integers ≥ 0), found ["10", 20]',
    );
    assert.equal(
      message(() => new lrScheduler.CosineAnnealingLR(sgd(1), 10, -1)),
      "lrScheduler.CosineAnnealingLR: etaMin must be a number ≥ 0, found -1",
    );
  });

  test("ReduceLROnPlateau checks every option when built, not at the first plateau", () => {
    const opt = sgd(1);
    assert.equal(
      message(() => new lrScheduler.ReduceLROnPlateau(opt, { patience: "5" as never })),
      'lrScheduler.ReduceLROnPlateau: patience must be an integer ≥ 0, found a string ("5")',
    );
    assert.equal(
      message(() => new lrScheduler.ReduceLROnPlateau(opt, { factor: 1 })),
      "lrScheduler.ReduceLROnPlateau: factor must be a number in [0, 1), found 1",
    );
    assert.equal(
      message(() => new lrScheduler.ReduceLROnPlateau(opt, { minLr: [-0.1] })),
      "lrScheduler.ReduceLROnPlateau: minLr must be a number ≥ 0, found -0.1",
    );
    assert.match(
      message(() => new lrScheduler.ReduceLROnPlateau(opt, 5 as never)),
      /^lrScheduler\.ReduceLROnPlateau: expected options such as \{ patience: 5, factor: 0\.5 \}, or nothing, found the number 5$/,
    );
  });
});
