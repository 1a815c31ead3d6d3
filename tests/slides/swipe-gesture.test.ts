import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { classifySwipe } from "../../src/slides/swipe-gesture.ts";

const at = (x: number, y: number, time: number) => ({ x, y, time });

describe("classifySwipe(start, end, options)", () => {
  test("a quick stroke to the left is next, to the right previous", () => {
    assert.equal(classifySwipe(at(300, 200, 0), at(150, 210, 200)), "next");
    assert.equal(classifySwipe(at(150, 200, 0), at(300, 190, 200)), "prev");
  });

  test("short, slow or mostly vertical strokes are not swipes", () => {
    assert.equal(classifySwipe(at(300, 200, 0), at(270, 200, 100)), null, "too short");
    assert.equal(classifySwipe(at(300, 200, 0), at(100, 200, 2000)), null, "too slow");
    assert.equal(classifySwipe(at(300, 200, 0), at(200, 400, 200)), null, "a scroll");
  });

  test("thresholds can be changed", () => {
    assert.equal(classifySwipe(at(300, 200, 0), at(270, 200, 100), { minDistance: 20 }), "next");
  });
});
