import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { snapValue } from "../../../src/notebook/client/snap-number-boxes.ts";

describe("snapValue(value, min, max, step)", () => {
  test("a value past either end lands on that end", () => {
    assert.equal(snapValue(5, "-2", "2", "0.05"), 2);
    assert.equal(snapValue(-7, "-2", "2", "0.05"), -2);
  });
  test("a value inside the range keeps its place on the step grid", () => {
    assert.equal(snapValue(0.3, "-2", "2", "0.05"), 0.3);
    assert.equal(snapValue(1.07, "-2", "2", "0.05"), 1.05);
  });
  test("a step grid that does not reach max stays inside the range", () => {
    assert.equal(snapValue(10, "0", "1", "0.3"), 0.9);
  });
  test("open ends and step 'any' only clamp", () => {
    assert.equal(snapValue(1e6, "", "", "any"), 1e6);
    assert.equal(snapValue(-2.5, "0", "", "any"), 0);
  });
  test("no number, no snap", () => {
    assert.equal(snapValue(Number.NaN, "0", "1", "0.1"), null);
  });
});
