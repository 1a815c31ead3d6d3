// Where the deck is, and the rules for moving: pure functions over a small record, so the
// keyboard, the touch handler, the presenter window and the tests all move the deck the same way.

/** The deck's position: `slide` is 0-based, always in [0, count) when count > 0. */
export interface DeckState {
  readonly slide: number;
  readonly count: number;
  /**
   * True when ← brought the deck back to a slide it had left with → after running its stepper
   * to the end: the next ← goes on to the previous slide at once instead of walking back
   * through every step (the stepper keeps its place).
   */
  readonly backedInto?: boolean;
  /** Slides left with → once their fragments were used up, sorted. */
  readonly finished?: readonly number[];
}

/** The state without `backedInto`: any move other than ← onto a finished slide clears it. */
function settled(state: DeckState, slide: number, finished = state.finished): DeckState {
  return finished && finished.length > 0
    ? { count: state.count, slide, finished }
    : { count: state.count, slide };
}

export type StepDirection = "next" | "prev";

/** What a step did: a fragment element consumed it, the deck moved, or neither (at an end). */
export interface StepResult {
  readonly state: DeckState;
  readonly outcome: "fragment" | "moved" | "at-end";
}

/** A deck of `count` slides placed at `slide`, clamped into range. */
export function createDeckState(count: number, slide = 0): DeckState {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`createDeckState: expected a slide count ≥ 0, found ${count}`);
  }
  return { count, slide: clampSlide(slide, count) };
}

/** Clamps a 0-based slide index into [0, count − 1] (0 for an empty deck; NaN counts as 0). */
export function clampSlide(slide: number, count: number): number {
  if (count <= 0 || !Number.isFinite(slide)) return 0;
  return Math.min(count - 1, Math.max(0, Math.trunc(slide)));
}

/** Jumps to a 0-based slide, clamped into the deck. */
export function goToSlide(state: DeckState, slide: number): DeckState {
  const target = clampSlide(slide, state.count);
  return target === state.slide ? state : settled(state, target);
}

/**
 * One step forward or back. The current slide's fragment elements get the first say:
 * `tryFragment(direction)` returns true when one of them consumed the step (a stepper walked
 * one step), and the deck stays. Otherwise the deck moves, unless it is already at that end.
 * A slide reached with ← is passed through with ← (see `backedInto`).
 */
export function stepDeck(
  state: DeckState,
  direction: StepDirection,
  tryFragment: (direction: StepDirection) => boolean = () => false,
): StepResult {
  if (state.count === 0) return { state, outcome: "at-end" };
  const passThrough = direction === "prev" && state.backedInto === true;
  const finished = state.finished ?? [];
  if (!passThrough && tryFragment(direction)) {
    // A step back makes the slide's stepper unfinished again.
    const still = direction === "prev" ? finished.filter((s) => s !== state.slide) : finished;
    return { state: settled(state, state.slide, still), outcome: "fragment" };
  }
  const target = state.slide + (direction === "next" ? 1 : -1);
  if (target < 0 || target >= state.count) return { state, outcome: "at-end" };
  if (direction === "next") {
    const done = finished.includes(state.slide)
      ? finished
      : [...finished, state.slide].sort((a, b) => a - b);
    return { state: settled(state, target, done), outcome: "moved" };
  }
  const moved = settled(state, target);
  return {
    state: finished.includes(target) ? { ...moved, backedInto: true } : moved,
    outcome: "moved",
  };
}

/** Progress through the deck in [0, 1]: 1 on the last slide, 0 on the first of several. */
export function deckProgress(state: DeckState): number {
  return state.count <= 1 ? 1 : state.slide / (state.count - 1);
}
