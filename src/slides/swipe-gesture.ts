// A swipe on a phone or tablet: a quick, mostly horizontal stroke. Swiping left brings the
// next slide in from the right, as on every photo viewer.

/** A touch point with its time in milliseconds. */
export interface TouchPoint {
  readonly x: number;
  readonly y: number;
  readonly time: number;
}

/** Thresholds for a stroke to count as a swipe. */
export interface SwipeOptions {
  /** Shortest horizontal travel, in CSS pixels (default 50). */
  minDistance?: number;
  /** Longest stroke, in milliseconds; slower strokes are drags or reading (default 800). */
  maxDuration?: number;
}

/** "next" for a swipe to the left, "prev" to the right, null for anything else. */
export function classifySwipe(
  start: TouchPoint,
  end: TouchPoint,
  { minDistance = 50, maxDuration = 800 }: SwipeOptions = {},
): "next" | "prev" | null {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  if (end.time - start.time > maxDuration) return null;
  // Twice as wide as tall: a diagonal scroll of a long slide is not a page turn.
  if (Math.abs(dx) < minDistance || Math.abs(dx) < 2 * Math.abs(dy)) return null;
  return dx < 0 ? "next" : "prev";
}
