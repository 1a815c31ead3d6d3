import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fitOf, MIN_FIT } from "../../../src/notebook/client/wide-blocks.ts";

describe("fitOf(natural, room)", () => {
  it("leaves a block that fits alone", () => {
    assert.deepEqual(fitOf(300, 358), { scale: 1, scrolls: false });
  });
  it("sets a slightly wide block smaller so that it fits", () => {
    const { scale, scrolls } = fitOf(400, 358);
    assert.equal(scrolls, false);
    assert.ok(scale * 400 <= 358 && scale > 0.89);
  });
  it("sets a much wider block at the smallest size, scrolling", () => {
    assert.deepEqual(fitOf(800, 358), { scale: MIN_FIT, scrolls: true });
  });
});
