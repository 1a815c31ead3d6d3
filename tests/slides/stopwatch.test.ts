import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  elapsed,
  formatDuration,
  pauseStopwatch,
  STOPPED,
  startStopwatch,
} from "../../src/slides/stopwatch.ts";

describe("the presenter's stopwatch", () => {
  test("counts only while running, across pauses", () => {
    let watch = startStopwatch(STOPPED, 1000);
    assert.equal(elapsed(watch, 4000), 3000);
    watch = pauseStopwatch(watch, 5000);
    assert.equal(elapsed(watch, 60_000), 4000, "a paused watch does not count");
    watch = startStopwatch(watch, 70_000);
    assert.equal(elapsed(watch, 71_500), 5500);
  });

  test("starting a running watch or pausing a paused one changes nothing", () => {
    const running = startStopwatch(STOPPED, 10);
    assert.equal(startStopwatch(running, 500), running);
    assert.equal(pauseStopwatch(STOPPED, 500), STOPPED);
  });

  test("a clock going backwards never gives negative time", () => {
    assert.equal(elapsed(startStopwatch(STOPPED, 1000), 500), 0);
  });
});

describe("formatDuration(ms)", () => {
  test("minutes and seconds below an hour, hours above", () => {
    assert.equal(formatDuration(0), "0:00");
    assert.equal(formatDuration(65_999), "1:05");
    assert.equal(formatDuration(59 * 60_000 + 59_000), "59:59");
    assert.equal(formatDuration(3_600_000 + 4 * 60_000 + 5_000), "1:04:05");
    assert.equal(formatDuration(-20), "0:00");
  });
});
