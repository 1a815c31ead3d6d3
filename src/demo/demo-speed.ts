// How many training steps one animation frame runs. A number is that many steps per frame (the
// instructor slows the first steps to 1 to talk over them); "max" trains for as long as the frame
// has time left once the page's own work in it (redrawing the plots, the browser's style and
// paint) is counted, so the fastest speed never costs frames: the budget adapts to the machine.

/** Steps per frame, or "max": as many as fit in the frame's budget. */
export type DemoSpeed = number | "max";

/** The speeds the menu offers, slowest first. */
export const SPEEDS: readonly DemoSpeed[] = [1, 2, 5, 10, 25, 100, "max"];

/**
 * Most milliseconds of a frame that training takes at "max": a 60 Hz frame is 16.7 ms, and the
 * plots still have to be drawn in it.
 */
export const MAX_BUDGET_MS = 9;

/** Least milliseconds of training per frame at "max", however busy the page: it still trains. */
export const MIN_BUDGET_MS = 1;

/** Reads a speed from the menu's value ("5", "max"); anything else is null. */
export function parseSpeed(value: string): DemoSpeed | null {
  if (value === "max") return "max";
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The menu's label for a speed. */
export function speedLabel(speed: DemoSpeed): string {
  if (speed === "max") return "fastest (fills each frame)";
  return `${speed} step${speed === 1 ? "" : "s"} per frame`;
}

/**
 * Runs one frame's steps: `step()` until `speed` steps are done, `done()` holds, or (at "max")
 * `now()` passes the budget. Returns the number of steps taken (at least one unless done).
 */
export function runFrame(
  speed: DemoSpeed,
  step: () => void,
  done: () => boolean,
  now: () => number,
  budgetMs = MAX_BUDGET_MS,
): number {
  const until = speed === "max" ? now() + budgetMs : Number.POSITIVE_INFINITY;
  const limit = speed === "max" ? Number.POSITIVE_INFINITY : speed;
  let taken = 0;
  while (taken < limit && !done()) {
    step();
    taken += 1;
    if (now() >= until) break;
  }
  return taken;
}

/** The training budget at "max": this frame's milliseconds, and the most it may grow to. */
export interface FrameBudget {
  readonly ms: number;
  /** Just under the budget at which a frame last ran late; creeps back up while none does. */
  readonly ceiling: number;
}

/** Where a demo starts at "max": half the most, growing from there while frames are on time. */
export const FIRST_BUDGET: FrameBudget = { ms: MAX_BUDGET_MS / 2, ceiling: MAX_BUDGET_MS };

/**
 * The next frame's training budget at "max", from how long the last frame took (`interval`,
 * between two animation frames) against the display's frame time (`period`). A late frame cuts
 * the budget to two thirds and sets the ceiling just under where it was; a frame on time adds a
 * quarter of a millisecond up to the ceiling, which itself creeps up by 0.01 ms a frame. Training
 * gives way at once when the page (or the machine) needs the time, then settles just below the
 * budget that made frames late instead of running into it again every few frames. Always
 * between MIN_BUDGET_MS and MAX_BUDGET_MS.
 */
export function adaptBudget(budget: FrameBudget, interval: number, period: number): FrameBudget {
  const clamp = (ms: number) => Math.min(MAX_BUDGET_MS, Math.max(MIN_BUDGET_MS, ms));
  if (interval > period * 1.25) {
    return {
      ms: clamp(budget.ms * (2 / 3)),
      ceiling: clamp(Math.min(budget.ceiling, budget.ms * 0.9)),
    };
  }
  const ceiling = clamp(budget.ceiling + 0.01);
  return { ms: clamp(Math.min(ceiling, budget.ms + 0.25)), ceiling };
}

/**
 * The display's frame time, learnt from the intervals between animation frames: the shortest
 * recent interval (frames are never early, only late), starting from 60 Hz. `previous` is the
 * current estimate; intervals outside 4–50 ms (a stall, a timer's jitter) are ignored.
 */
export function framePeriod(previous: number, interval: number): number {
  if (!(interval >= 4 && interval <= 50)) return previous;
  // Shorter intervals are taken at once; longer ones only creep in (a display that changed rate).
  return interval < previous ? interval : previous + (interval - previous) * 0.01;
}
