import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { slideAnnouncement } from "../../src/slides/live-region.ts";

describe("slideAnnouncement(slide, count, title)", () => {
  test("says the 1-based position and the title", () => {
    assert.equal(slideAnnouncement(2, 12, "The chain rule"), "Slide 3 of 12: The chain rule");
  });
});
