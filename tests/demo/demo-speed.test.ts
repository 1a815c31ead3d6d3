import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseSpeed, runFrame, SPEEDS, speedLabel } from "../../src/demo/demo-speed.ts";

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

  test("labels say steps per frame", () => {
    assert.equal(speedLabel(1), "1 step per frame");
    assert.equal(speedLabel(25), "25 steps per frame");
    assert.equal(speedLabel("max"), "fastest");
  });
});
