// Where the deck is, and the rules for moving: pure functions over a small record, so the
// keyboard, the touch handler, the presenter window and the tests all move the deck the same way.

/** The deck's position: `slide` is 0-based, always in [0, count) when count > 0. */
export interface DeckState {
  readonly slide: number;
  readonly count: number;
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
  return target === state.slide ? state : { ...state, slide: target };
}

/**
 * One step forward or back. The current slide's fragment elements get the first say:
 * `tryFragment(direction)` returns true when one of them consumed the step (a stepper walked
 * one step), and the deck stays. Otherwise the deck moves, unless it is already at that end.
 */
export function stepDeck(
  state: DeckState,
  direction: StepDirection,
  tryFragment: (direction: StepDirection) => boolean = () => false,
): StepResult {
  if (state.count === 0) return { state, outcome: "at-end" };
  if (tryFragment(direction)) return { state, outcome: "fragment" };
  const target = state.slide + (direction === "next" ? 1 : -1);
  if (target < 0 || target >= state.count) return { state, outcome: "at-end" };
  return { state: { ...state, slide: target }, outcome: "moved" };
}

/** Progress through the deck in [0, 1]: 1 on the last slide, 0 on the first of several. */
export function deckProgress(state: DeckState): number {
  return state.count <= 1 ? 1 : state.slide / (state.count - 1);
}
