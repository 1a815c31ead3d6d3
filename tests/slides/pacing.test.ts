import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { notesMinutes, paceAt, planSlides } from "../../src/slides/pacing.ts";

describe("notesMinutes(text)", () => {
  test("reads the minutes a note names", () => {
    assert.equal(notesMinutes("About 5 minutes. Let it run."), 5);
    assert.equal(notesMinutes("about 2.5 minutes: the chain rule"), 2.5);
    assert.equal(notesMinutes("About a minute."), 1);
    assert.equal(notesMinutes("About three minutes, then ask."), 3);
  });

  test("null when the note names no time", () => {
    assert.equal(notesMinutes("Ask who has used loss.backward()."), null);
    assert.equal(notesMinutes("About 0 minutes"), null);
    assert.equal(notesMinutes("About many minutes"), null);
  });
});

describe("planSlides(minutes, duration)", () => {
  test("each slide starts where the minutes before it end", () => {
    assert.deepEqual(planSlides([2, 3], null), [
      { start: 0, end: 120_000 },
      { start: 120_000, end: 300_000 },
    ]);
  });

  test("slides whose notes name no time share what the duration leaves", () => {
    const plan = planSlides([null, 4, null], 10);
    assert.deepEqual(
      plan.map((p) => [p.start / 60_000, p.end / 60_000]),
      [
        [0, 3],
        [3, 7],
        [7, 10],
      ],
    );
  });

  test("without a duration unnamed slides take no time", () => {
    assert.deepEqual(planSlides([null, 1], null)[1], { start: 0, end: 60_000 });
  });
});

describe("paceAt(plan, slide, elapsed, duration)", () => {
  const plan = planSlides([2, 3, 5], 10);
  test("on time inside the slide's window", () => {
    assert.deepEqual(paceAt(plan, 1, 3 * 60_000, 10), { remaining: 7 * 60_000, behind: 0 });
  });

  test("behind after the window ends, ahead before it starts", () => {
    assert.equal(paceAt(plan, 0, 3 * 60_000, 10).behind, 60_000);
    assert.equal(paceAt(plan, 2, 4 * 60_000, 10).behind, -60_000);
  });

  test("time left goes negative once the lecture runs over; none without a duration", () => {
    assert.equal(paceAt(plan, 2, 11 * 60_000, 10).remaining, -60_000);
    assert.equal(paceAt(plan, 2, 60_000, null).remaining, null);
  });
});
