// How many training steps one animation frame runs. A number is that many steps per frame (the
// instructor slows the first steps to 1 to talk over them); "max" runs steps until the frame's
// time budget is used, which is as fast as the page can train and still draw every frame.

/** Steps per frame, or "max": as many as fit in the frame's budget. */
export type DemoSpeed = number | "max";

/** The speeds the menu offers, slowest first. */
export const SPEEDS: readonly DemoSpeed[] = [1, 2, 5, 10, 25, 100, "max"];

/**
 * Milliseconds of training per frame at "max": a 60 Hz frame is 16.7 ms, and the plots still have
 * to be drawn in it.
 */
export const MAX_BUDGET_MS = 9;

/** Reads a speed from the menu's value ("5", "max"); anything else is null. */
export function parseSpeed(value: string): DemoSpeed | null {
  if (value === "max") return "max";
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The menu's label for a speed. */
export function speedLabel(speed: DemoSpeed): string {
  if (speed === "max") return "fastest";
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
