import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  adaptBudget,
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

  test("a late frame cuts the budget to two thirds", () => {
    assert.equal(adaptBudget(9, 33.3, period), 6);
    assert.equal(adaptBudget(6, 50, period), 4);
  });

  test("a frame on time gives half a millisecond back", () => {
    assert.equal(adaptBudget(4, 16.7, period), 4.5);
    assert.equal(adaptBudget(4, 20, period), 4.5, "a little jitter is still on time");
  });

  test("stays between the least and the most a frame trains", () => {
    assert.equal(adaptBudget(MAX_BUDGET_MS, 16.7, period), MAX_BUDGET_MS);
    assert.equal(adaptBudget(MIN_BUDGET_MS, 100, period), MIN_BUDGET_MS);
  });

  test("frames that keep running late bring it down to the least within a few frames", () => {
    let budget = MAX_BUDGET_MS;
    for (let frame = 0; frame < 6; frame++) budget = adaptBudget(budget, 33.3, period);
    assert.equal(budget, MIN_BUDGET_MS);
    for (let frame = 0; frame < 100; frame++) budget = adaptBudget(budget, 16.7, period);
    assert.equal(budget, MAX_BUDGET_MS, "and back up once they are on time");
  });

  test("judges lateness against the display's own frame time", () => {
    assert.equal(adaptBudget(4, 16.7, 1000 / 120), 4 * (2 / 3), "two 120 Hz frames: late");
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
