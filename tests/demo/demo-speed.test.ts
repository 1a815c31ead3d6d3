import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  adaptBudget,
  FIRST_BUDGET,
  framePeriod,
  MAX_BUDGET_MS,
  MIN_BUDGET_MS,
  parseSpeed,
  runFrame,
  SPEEDS,
  speedLabel,
} from "../../src/demo/demo-speed.ts";

describe("runFrame(speed, step, done, now)", () => {
  test("a number is that many steps per frame", () => {
    let steps = 0;
    assert.equal(
      runFrame(
        5,
        () => steps++,
        () => false,
        () => 0,
      ),
      5,
    );
    assert.equal(steps, 5);
  });

  test("stops early when done", () => {
    let steps = 0;
    assert.equal(
      runFrame(
        10,
        () => steps++,
        () => steps >= 3,
        () => 0,
      ),
      3,
    );
    assert.equal(
      runFrame(
        10,
        () => steps++,
        () => steps >= 3,
        () => 0,
      ),
      0,
      "done: no step at all",
    );
  });

  test('"max" runs steps until the frame budget is spent', () => {
    let clock = 0;
    let steps = 0;
    const taken = runFrame(
      "max",
      () => {
        steps++;
        clock += 2; // each step costs 2 ms
      },
      () => false,
      () => clock,
      9,
    );
    assert.equal(taken, 5, "steps at 2, 4, 6, 8 ms are inside the budget, the fifth ends at 10");
    assert.equal(steps, 5);
  });

  test('"max" always takes at least one step, however slow', () => {
    let clock = 0;
    assert.equal(
      runFrame(
        "max",
        () => (clock += 50),
        () => false,
        () => clock,
        9,
      ),
      1,
    );
  });
});

describe("parseSpeed(value) and speedLabel(speed)", () => {
  test("reads the menu's values back", () => {
    for (const speed of SPEEDS) assert.equal(parseSpeed(String(speed)), speed);
  });

  test("rejects anything else", () => {
    for (const value of ["", "0", "-2", "1.5", "fast", "NaN"])
      assert.equal(parseSpeed(value), null, value);
  });

  test("labels say steps per frame, and that the fastest fills each frame", () => {
    assert.equal(speedLabel(1), "1 step per frame");
    assert.equal(speedLabel(25), "25 steps per frame");
    assert.equal(speedLabel("max"), "fastest (fills each frame)");
  });
});

describe("adaptBudget(budget, interval, period)", () => {
  const period = 1000 / 60;
  const close = (actual: number, expected: number, message?: string) =>
    assert.ok(Math.abs(actual - expected) < 1e-9, `${message ?? ""} ${actual} ≠ ${expected}`);

  test("a late frame cuts the budget to two thirds and sets the ceiling just under it", () => {
    const next = adaptBudget({ ms: 9, ceiling: 9 }, 33.3, period);
    close(next.ms, 6);
    close(next.ceiling, 8.1);
  });

  test("a frame on time adds a quarter of a millisecond, up to the ceiling", () => {
    close(adaptBudget({ ms: 4, ceiling: 8 }, 16.7, period).ms, 4.25);
    close(adaptBudget({ ms: 4, ceiling: 8 }, 20, period).ms, 4.25, "a little jitter is on time");
    close(adaptBudget({ ms: 8, ceiling: 8 }, 16.7, period).ms, 8.01, "the ceiling creeps up");
  });

  test("stays between the least and the most a frame trains", () => {
    const top = { ms: MAX_BUDGET_MS, ceiling: MAX_BUDGET_MS };
    assert.deepEqual(adaptBudget(top, 16.7, period), top);
    const bottom = { ms: MIN_BUDGET_MS, ceiling: MIN_BUDGET_MS };
    assert.deepEqual(adaptBudget(bottom, 100, period), bottom);
  });

  test("settles under the budget that made frames late instead of running into it every few frames", () => {
    // A page whose frames run late once training takes more than 7 ms of them.
    let budget = FIRST_BUDGET;
    let late = 0;
    for (let frame = 0; frame < 600; frame++) {
      const interval = budget.ms > 7 ? 33.3 : 16.7;
      if (interval > 20) late++;
      budget = adaptBudget(budget, interval, period);
    }
    assert.ok(late <= 12, `${late} late frames in 10 s (one in ten without the ceiling)`);
    assert.ok(budget.ms > 5.5, `still trains most of what fits: ${budget.ms} ms`);
  });

  test("frames that keep running late bring it down to the least within a few frames", () => {
    let budget = FIRST_BUDGET;
    for (let frame = 0; frame < 6; frame++) budget = adaptBudget(budget, 50, period);
    assert.equal(budget.ms, MIN_BUDGET_MS);
  });

  test("judges lateness against the display's own frame time", () => {
    close(adaptBudget({ ms: 3, ceiling: 9 }, 16.7, 1000 / 120).ms, 2, "two 120 Hz frames: late");
  });
});

describe("framePeriod(previous, interval)", () => {
  test("takes a shorter interval at once", () => {
    assert.equal(framePeriod(1000 / 60, 8.3), 8.3);
  });

  test("lets a longer one creep in slowly: a late frame is not a slower display", () => {
    const period = framePeriod(1000 / 60, 33.3);
    assert.ok(period > 1000 / 60 && period < 17, `${period}`);
  });

  test("ignores stalls and timer jitter", () => {
    assert.equal(framePeriod(16, 1), 16);
    assert.equal(framePeriod(16, 500), 16);
    assert.equal(framePeriod(16, Number.NaN), 16);
  });
});
