// Edges drawn as a reader of a left-to-right graph expects: each leaves its source on the right
// of the outline and arrives on the left of its target's outline (not on the bounding box),
// with horizontal ends and a smooth bend between; the inputs of one node arrive side by side,
// top to bottom in the order their sources sit, so they never cross at the node.

import type { EdgePath, NodeBox, NodeKind, TraceEdge } from "../model/types.ts";
import { NODE_SHAPES, sideX } from "./node-shapes.ts";

interface Point {
  readonly x: number;
  readonly y: number;
}

/** An edge as the layout library left it: the points it bends through between its two nodes. */
export interface RawEdge {
  readonly edge: TraceEdge;
  /** Bend points strictly between source and target, left to right (often none). */
  readonly bends: readonly Point[];
}

/** Vertical distance between the ends of two edges arriving at one node, px. */
export const PORT_GAP = 16;
/**
 * How far the horizontal piece at each end of an edge reaches, px: half the way to the next
 * point (so the bend spreads over the whole gap between ranks), at least `STUB.min` (room for
 * the arrowhead) and at most `STUB.max`.
 */
export const STUB = { min: 8, max: 40 } as const;

function stub(from: number, to: number): number {
  return Math.max(STUB.min, Math.min(STUB.max, Math.abs(to - from) / 2));
}

/** The y offsets of `count` arrival points on a node of height `height`, top to bottom. */
export function portOffsets(count: number, height: number): number[] {
  if (count <= 1) return [0];
  const gap = Math.min(PORT_GAP, (height * 0.6) / (count - 1));
  return Array.from({ length: count }, (_, i) => (i - (count - 1) / 2) * gap);
}

/** Routes every edge between the node boxes onto the outlines drawn for each node's kind. */
export function routeEdges(
  boxes: ReadonlyMap<string, NodeBox>,
  kinds: ReadonlyMap<string, NodeKind>,
  raw: readonly RawEdge[],
): EdgePath[] {
  const box = (id: string): NodeBox => {
    const b = boxes.get(id);
    if (!b) throw new Error(`layoutGraph: edge end "${id}" is not a node of the trace`);
    return b;
  };
  // Arrival order at each target: by the height the edge comes in at, then by argument slot.
  const arrivals = new Map<string, RawEdge[]>();
  for (const r of raw) arrivals.set(r.edge.to, [...(arrivals.get(r.edge.to) ?? []), r]);
  const portY = new Map<string, number>();
  for (const [to, list] of arrivals) {
    const from = (r: RawEdge): number => r.bends.at(-1)?.y ?? box(r.edge.from).y;
    const sorted = [...list].sort((a, b) => from(a) - from(b) || a.edge.argIndex - b.edge.argIndex);
    const offsets = portOffsets(sorted.length, box(to).height);
    for (const [i, r] of sorted.entries()) portY.set(r.edge.id, offsets[i] ?? 0);
  }
  return raw.map(({ edge, bends }) => {
    const s = box(edge.from);
    const t = box(edge.to);
    const dy = portY.get(edge.id) ?? 0;
    const sShape = NODE_SHAPES[kinds.get(edge.from) ?? "intermediate"];
    const tShape = NODE_SHAPES[kinds.get(edge.to) ?? "intermediate"];
    const start = { x: s.x + sideX(sShape, s.width, s.height, 1, 0), y: s.y };
    const end = { x: t.x + sideX(tShape, t.width, t.height, -1, dy), y: t.y + dy };
    const first = bends[0]?.x ?? end.x;
    const last = bends.at(-1)?.x ?? start.x;
    const points = [start, { x: start.x + stub(start.x, first), y: start.y }, ...bends];
    points.push({ x: end.x - stub(last, end.x), y: end.y }, end);
    return { id: edge.id, points };
  });
}
