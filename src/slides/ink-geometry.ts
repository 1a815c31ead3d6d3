// The arithmetic under the pen, the eraser and the zoom, in slide coordinates (the slide's own
// 1280 × 720 logical pixels, so marks stay where they were put whatever the window's size).
// Pure, so tested in Node.

/** A point on the slide, in logical pixels. */
export interface SlidePoint {
  readonly x: number;
  readonly y: number;
}

/** One pen stroke: its points, flattened [x0, y0, x1, y1, …] (cheap to send between windows). */
export type Stroke = readonly number[];

/** Converts a pointer position to slide coordinates, given the slide's box on screen. */
export function toSlidePoint(
  clientX: number,
  clientY: number,
  box: { left: number; top: number; width: number; height: number },
  size: { width: number; height: number },
): SlidePoint {
  return {
    x: ((clientX - box.left) / Math.max(1, box.width)) * size.width,
    y: ((clientY - box.top) / Math.max(1, box.height)) * size.height,
  };
}

/** The strokes left after erasing at `at`: any stroke passing within `radius` goes. */
export function eraseAt(strokes: readonly Stroke[], at: SlidePoint, radius = 18): Stroke[] {
  return strokes.filter((stroke) => !strokeNear(stroke, at, radius));
}

function strokeNear(stroke: Stroke, at: SlidePoint, radius: number): boolean {
  for (let i = 0; i + 1 < stroke.length; i += 2) {
    const x0 = stroke[i] ?? 0;
    const y0 = stroke[i + 1] ?? 0;
    const x1 = stroke[i + 2] ?? x0;
    const y1 = stroke[i + 3] ?? y0;
    if (distanceToSegment(at, x0, y0, x1, y1) <= radius) return true;
  }
  return false;
}

function distanceToSegment(p: SlidePoint, x0: number, y0: number, x1: number, y1: number): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const length2 = dx * dx + dy * dy;
  const t =
    length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - x0) * dx + (p.y - y0) * dy) / length2));
  return Math.hypot(p.x - (x0 + t * dx), p.y - (y0 + t * dy));
}

/**
 * The centre of a `factor`× zoom aimed at `at`, moved inward so the zoomed view stays on the
 * slide (no empty margin at an edge).
 */
export function zoomCentre(
  at: SlidePoint,
  size: { width: number; height: number },
  factor = 2,
): SlidePoint {
  const halfW = size.width / (2 * factor);
  const halfH = size.height / (2 * factor);
  return {
    x: Math.min(size.width - halfW, Math.max(halfW, at.x)),
    y: Math.min(size.height - halfH, Math.max(halfH, at.y)),
  };
}

/** An SVG path for a stroke ("M x y L x y …"), rounded to tenths. */
export function strokePath(stroke: Stroke): string {
  const parts: string[] = [];
  for (let i = 0; i + 1 < stroke.length; i += 2) {
    parts.push(
      `${i === 0 ? "M" : "L"}${(stroke[i] ?? 0).toFixed(1)} ${(stroke[i + 1] ?? 0).toFixed(1)}`,
    );
  }
  return parts.join(" ");
}
