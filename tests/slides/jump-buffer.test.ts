import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { jumpTarget, pushDigit } from "../../src/slides/jump-buffer.ts";

describe("pushDigit(buffer, digit)", () => {
  test("collects up to four digits", () => {
    let buffer = "";
    for (const d of "123456") buffer = pushDigit(buffer, d);
    assert.equal(buffer, "1234");
  });

  test("refuses anything but a digit, saying what it found", () => {
    assert.throws(() => pushDigit("", "x"), /one digit 0–9, found "x"/);
  });
});

describe("jumpTarget(buffer, count)", () => {
  test("turns the 1-based number into a 0-based slide", () => {
    assert.equal(jumpTarget("12", 20), 11);
    assert.equal(jumpTarget("1", 20), 0);
  });

  test("clamps past the end and ignores empty or zero", () => {
    assert.equal(jumpTarget("99", 6), 5);
    assert.equal(jumpTarget("", 6), null);
    assert.equal(jumpTarget("0", 6), null);
    assert.equal(jumpTarget("3", 0), null);
  });
});
