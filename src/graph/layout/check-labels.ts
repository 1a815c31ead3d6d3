// Where the finite-difference labels go: under their node if there is room, else shifted to
// one side, split over two lines, or beside the node — the first place that overlaps no node,
// no op caption and no label already placed. Pure arithmetic on the layout's NodeBox sizes; the
// drawing's viewBox then grows to hold every label, so none is cut at an edge.

import type { NodeBox } from "../model/types.ts";
import { SHAPE_OVERHANG } from "./node-shapes.ts";

/** Font sizes and offsets of the small texts around a node (render-svg.ts draws with them). */
export const SMALL_TEXT = {
  /** Op caption above a node. */
  captionSize: 16,
  /** Gap between a node's top and its caption's baseline. */
  captionGap: 7,
  /** Finite-difference label. */
  checkSize: 15,
  /** Average glyph width as a fraction of the font size (digits, a sans-serif). */
  glyph: 0.6,
} as const;

/** A rectangle in the drawing's coordinates. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A placed label: its lines, the anchor point of the first baseline and its extent. */
export interface PlacedLabel {
  readonly lines: readonly string[];
  /** Baseline of the first line, relative to the node's centre. */
  readonly dx: number;
  readonly dy: number;
  readonly anchor: "start" | "middle" | "end";
  /** Extent in absolute coordinates. */
  readonly rect: Rect;
}

/** A label to place: the node it belongs to, its text on one line and split over two. */
export interface LabelRequest {
  readonly id: string;
  readonly oneLine: string;
  readonly twoLines: readonly [string, string];
}

const textWidth = (text: string, size: number): number =>
  [...text].length * size * SMALL_TEXT.glyph;

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The areas labels must keep clear of: every node (with its overhang) and its op caption. */
export function obstacles(
  boxes: readonly NodeBox[],
  captions: ReadonlyMap<string, string>,
): Rect[] {
  const out: Rect[] = [];
  for (const b of boxes) {
    out.push({
      x: b.x - b.width / 2 - SHAPE_OVERHANG,
      y: b.y - b.height / 2,
      width: b.width + 2 * SHAPE_OVERHANG,
      height: b.height,
    });
    const caption = captions.get(b.id);
    if (caption) {
      const w = textWidth(caption, SMALL_TEXT.captionSize);
      const base = b.y - b.height / 2 - SMALL_TEXT.captionGap;
      // From the cap height above the baseline to the descenders below it.
      out.push({
        x: b.x - w / 2,
        y: base - SMALL_TEXT.captionSize * 0.75,
        width: w,
        height: SMALL_TEXT.captionSize * 0.95,
      });
    }
  }
  return out;
}

/** The candidate places for one label, best first. */
function candidates(box: NodeBox, request: LabelRequest): PlacedLabel[] {
  const size = SMALL_TEXT.checkSize;
  const lineHeight = size * 1.15;
  const top = box.y + box.height / 2 + 2; // just under the node
  const one = textWidth(request.oneLine, size);
  const two = Math.max(...request.twoLines.map((l) => textWidth(l, size)));
  const left = box.x - box.width / 2;
  const right = box.x + box.width / 2;
  const place = (
    lines: readonly string[],
    width: number,
    anchor: PlacedLabel["anchor"],
    x: number,
    y: number,
  ): PlacedLabel => {
    const x0 = anchor === "start" ? x : anchor === "end" ? x - width : x - width / 2;
    return {
      lines,
      dx: x - box.x,
      dy: y + size * 0.8 - box.y,
      anchor,
      // Cap height of the first line to the descenders of the last.
      rect: { x: x0, y, width, height: (lines.length - 1) * lineHeight + size * 0.95 },
    };
  };
  const oneLine = [request.oneLine];
  const twoLines = request.twoLines;
  const twoHeight = 2 * lineHeight;
  // Above the node, clear of its op caption.
  const above = box.y - box.height / 2 - SMALL_TEXT.captionGap - SMALL_TEXT.captionSize - 2;
  const out: PlacedLabel[] = [];
  for (const [lines, width] of [
    [oneLine, one],
    [twoLines, two],
  ] as const) {
    const height = lines.length * lineHeight;
    out.push(
      place(lines, width, "middle", box.x, top),
      place(lines, width, "start", left, top),
      place(lines, width, "end", right, top),
      place(lines, width, "middle", box.x, above - height),
      place(lines, width, "start", left, above - height),
      place(lines, width, "end", right, above - height),
    );
  }
  // Beside the node, clear of its overhang: level with its top, middle or bottom.
  const gap = SHAPE_OVERHANG + 4;
  for (const y of [
    box.y - box.height / 2,
    box.y - twoHeight / 2,
    box.y + box.height / 2 - twoHeight,
  ]) {
    out.push(
      place(twoLines, two, "start", right + gap, y),
      place(twoLines, two, "end", left - gap, y),
    );
  }
  return out;
}

/**
 * Places one label per request: the first candidate that collides with nothing, or failing
 * that the one with the least overlap. Requests are handled left to right, top to bottom.
 */
export function placeCheckLabels(
  boxes: readonly NodeBox[],
  captions: ReadonlyMap<string, string>,
  requests: readonly LabelRequest[],
): Map<string, PlacedLabel> {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const blocked = obstacles(boxes, captions);
  const placed = new Map<string, PlacedLabel>();
  const ordered = [...requests].sort((a, b) => {
    const p = byId.get(a.id);
    const q = byId.get(b.id);
    return p && q ? p.x - q.x || p.y - q.y : 0;
  });
  for (const request of ordered) {
    const box = byId.get(request.id);
    if (!box) continue;
    let best: PlacedLabel | undefined;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const candidate of candidates(box, request)) {
      const cost = blocked.reduce((sum, r) => sum + overlap(r, candidate.rect), 0);
      if (cost < bestCost) {
        best = candidate;
        bestCost = cost;
        if (cost === 0) break;
      }
    }
    if (best) {
      placed.set(request.id, best);
      blocked.push(best.rect);
    }
  }
  return placed;
}

/** The smallest rectangle holding `base` and every rect in `more`. */
export function union(base: Rect, more: Iterable<Rect>): Rect {
  let x0 = base.x;
  let y0 = base.y;
  let x1 = base.x + base.width;
  let y1 = base.y + base.height;
  for (const r of more) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
