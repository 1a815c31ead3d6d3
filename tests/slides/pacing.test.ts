import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { notesMinutes, paceAt, planSlides, type SlidePlan } from "../../src/slides/pacing.ts";
import { planLecture } from "../../src/slides/plan-lecture.ts";
import type { PresenterView } from "../../src/slides/presenter-view.ts";

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

  test("an unnamed slide gets no more than the named slides' average; the rest is slack", () => {
    // 50 minutes, 43 of them named over ten slides: the one slide without a time gets 4.3, not 7.
    const minutes = [null, 5, 5, 5, 5, 5, 4, 4, 4, 3, 3];
    const plan = planSlides(minutes, 50);
    assert.equal(plan[0]?.end, 4.3 * 60_000);
    assert.equal(plan.at(-1)?.end, (4.3 + 43) * 60_000);
  });

  test("a slide planned at 0 minutes (the cover) takes none and lends the others nothing", () => {
    const plan = planSlides([0, 5, null, 5], 50);
    assert.deepEqual(plan[0], { start: 0, end: 0 });
    assert.deepEqual(
      plan.map((p) => p.end / 60_000),
      [0, 5, 10, 15],
      "the unnamed slide gets the named average, 5",
    );
  });
});

describe("planLecture(presenter, sections, duration)", () => {
  /** A section as planLecture reads it: its classes and its notes' text. */
  const section = (notes: string, cover = false) =>
    ({
      classList: { contains: (name: string) => cover && name === "deck-cover" },
      querySelectorAll: () => (notes ? [{ textContent: notes }] : []),
    }) as unknown as HTMLElement;

  test("the cover slide gets no time, so leaving it early is not minutes ahead", () => {
    let planned: readonly SlidePlan[] = [];
    let total: number | null = null;
    const presenter = {
      setPlan(plan: readonly SlidePlan[], duration: number | null) {
        planned = plan;
        total = duration;
      },
    } as unknown as PresenterView;
    const sections = [
      section("", true),
      section("About 20 minutes. The idea."),
      section("About 20 minutes. The proof."),
    ];
    planLecture(presenter, sections, "50");
    assert.equal(total, 50);
    assert.deepEqual(
      planned.map((p) => [p.start / 60_000, p.end / 60_000]),
      [
        [0, 0],
        [0, 20],
        [20, 40],
      ],
    );
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
