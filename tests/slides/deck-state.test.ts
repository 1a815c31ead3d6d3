import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  clampSlide,
  createDeckState,
  deckProgress,
  goToSlide,
  stepDeck,
} from "../../src/slides/deck-state.ts";

/** A stand-in for a slide's stepper: consumes `steps` moves forward, then lets the deck go. */
function stepper(steps: number) {
  let position = 0;
  return {
    get position() {
      return position;
    },
    offer(direction: "next" | "prev"): boolean {
      const next = position + (direction === "next" ? 1 : -1);
      if (next < 0 || next > steps) return false;
      position = next;
      return true;
    },
  };
}

describe("createDeckState(count, slide)", () => {
  test("clamps the starting slide into the deck", () => {
    assert.deepEqual(createDeckState(5, 9), { count: 5, slide: 4 });
    assert.deepEqual(createDeckState(5, -2), { count: 5, slide: 0 });
    assert.deepEqual(createDeckState(0, 3), { count: 0, slide: 0 });
  });

  test("rejects a negative or fractional count with a message naming it", () => {
    assert.throws(() => createDeckState(-1), /slide count ≥ 0, found -1/);
    assert.throws(() => createDeckState(2.5), /found 2.5/);
  });
});

describe("stepDeck(state, direction, tryFragment)", () => {
  test("next and prev move one slide and report it", () => {
    const start = createDeckState(3, 1);
    assert.deepEqual(stepDeck(start, "next"), {
      state: { count: 3, slide: 2, finished: [1] },
      outcome: "moved",
    });
    assert.deepEqual(stepDeck(start, "prev"), { state: { count: 3, slide: 0 }, outcome: "moved" });
  });

  test("stays put at either end", () => {
    const last = createDeckState(3, 2);
    assert.equal(stepDeck(last, "next").outcome, "at-end");
    assert.equal(stepDeck(last, "next").state, last);
    assert.equal(stepDeck(createDeckState(3, 0), "prev").outcome, "at-end");
    assert.equal(stepDeck(createDeckState(0), "next").outcome, "at-end");
  });

  test("a fragment element consumes its steps before the deck moves on", () => {
    const widget = stepper(3);
    let state = createDeckState(4, 1);
    const outcomes: string[] = [];
    for (let press = 0; press < 4; press++) {
      const result = stepDeck(state, "next", (d) => widget.offer(d));
      outcomes.push(result.outcome);
      state = result.state;
    }
    assert.deepEqual(outcomes, ["fragment", "fragment", "fragment", "moved"]);
    assert.equal(state.slide, 2);
    assert.equal(widget.position, 3);
  });

  test("going back asks the fragment element first too", () => {
    const widget = stepper(2);
    widget.offer("next");
    widget.offer("next");
    let state = createDeckState(4, 1);
    const outcomes: string[] = [];
    for (let press = 0; press < 3; press++) {
      const result = stepDeck(state, "prev", (d) => widget.offer(d));
      outcomes.push(result.outcome);
      state = result.state;
    }
    assert.deepEqual(outcomes, ["fragment", "fragment", "moved"]);
    assert.equal(state.slide, 0);
  });

  test("a fragment on the last slide still gets its steps", () => {
    const widget = stepper(1);
    const last = createDeckState(2, 1);
    assert.equal(stepDeck(last, "next", (d) => widget.offer(d)).outcome, "fragment");
    assert.equal(stepDeck(last, "next", (d) => widget.offer(d)).outcome, "at-end");
  });

  test("never leaves [0, count) whatever the presses", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.constantFrom("next" as const, "prev" as const), { maxLength: 80 }),
        (count, presses) => {
          let state = createDeckState(count);
          for (const press of presses) {
            state = stepDeck(state, press).state;
            assert.ok(state.slide >= 0 && state.slide < count);
          }
        },
      ),
    );
  });
});

describe("goToSlide(state, slide) and clampSlide(slide, count)", () => {
  test("jumps, clamping past either end", () => {
    const state = createDeckState(10, 3);
    assert.equal(goToSlide(state, 7).slide, 7);
    assert.equal(goToSlide(state, 70).slide, 9);
    assert.equal(goToSlide(state, -4).slide, 0);
    assert.equal(goToSlide(state, 3), state, "a jump to where it is returns the same state");
  });

  test("treats NaN and fractions sensibly", () => {
    assert.equal(clampSlide(Number.NaN, 4), 0);
    assert.equal(clampSlide(2.7, 4), 2);
  });
});

describe("deckProgress(state)", () => {
  test("runs from 0 on the first slide to 1 on the last", () => {
    assert.equal(deckProgress(createDeckState(5, 0)), 0);
    assert.equal(deckProgress(createDeckState(5, 2)), 0.5);
    assert.equal(deckProgress(createDeckState(5, 4)), 1);
    assert.equal(deckProgress(createDeckState(1, 0)), 1);
  });
});

describe("stepDeck: ← into a finished stepper", () => {
  test("← back onto a slide left with → passes its stepper on the next ←; it keeps its place", () => {
    const left = stepDeck(createDeckState(4, 1), "next", () => false).state; // stepper at its end
    const back = stepDeck(left, "prev", () => false);
    assert.deepEqual(back, {
      state: { count: 4, slide: 1, finished: [1], backedInto: true },
      outcome: "moved",
    });
    let offered = 0;
    const again = stepDeck(back.state, "prev", () => {
      offered++;
      return true;
    });
    assert.equal(offered, 0, "the stepper is not asked to step back");
    assert.deepEqual(again.state, { count: 4, slide: 0, finished: [1] });
  });

  test("a slide left by a jump is not finished: ← onto it steps its stepper back", () => {
    const jumped = goToSlide(createDeckState(4, 1), 3);
    const back = stepDeck(stepDeck(jumped, "prev").state, "prev", () => true);
    assert.equal(back.outcome, "fragment");
  });

  test("→ or a jump ends the pass-through; a step back makes the stepper unfinished", () => {
    const left = stepDeck(createDeckState(4, 1), "next").state;
    const back = stepDeck(left, "prev").state;
    const forward = stepDeck(back, "next", () => true);
    assert.deepEqual(forward, {
      state: { count: 4, slide: 1, finished: [1] },
      outcome: "fragment",
    });
    const stepBack = stepDeck(forward.state, "prev", () => true);
    assert.deepEqual(stepBack, { state: { count: 4, slide: 1 }, outcome: "fragment" });
    assert.equal(goToSlide(back, 3).backedInto, undefined);
  });
});
