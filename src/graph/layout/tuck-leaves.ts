// Leaves (inputs, parameters, constants) tucked in beside the chain of ops. A layered layout
// gives every rank a column as wide as its widest node, so a wide parameter hanging below a
// narrow op (chapter 6's W⁽²⁾ under a⁽¹⁾) widened the whole drawing, although nothing stood
// above or below its overhang; a drawing scaled to fit its width lost that much type size.
// Here each column is as wide as its ops, a leaf used by one op sits just left of that op's
// column, and columns move apart only as far as the nodes that face each other (overlapping
// heights, or joined by an edge) need.
import type { NodeBox, Trace } from "../model/index.ts";
import type { Placed } from "./trim-margins.ts";

/** Spacing for `tuckLeaves`, px: the layout's own. */
export interface TuckSpacing {
  /** Vertical gap between two nodes of one column; closer than this, two nodes face each other. */
  readonly nodeSep: number;
  /** Horizontal gap between nodes that face each other. */
  readonly rankSep: number;
  /** Margin left and right of the drawing. */
  readonly marginX: number;
}

interface Item {
  /** Index of the column it belongs to (a tucked leaf: its op's column). */
  col: number;
  /** Centre relative to the column's centre (a tucked leaf: to the left of the column). */
  off: number;
  /** Half its width, with the part of its outline beyond the box. */
  readonly half: number;
  readonly top: number;
  readonly bottom: number;
  readonly id: string | null;
}

const key = (x: number): number => Math.round(x * 100) / 100;

/** The drawing's x positions in order, each node's and bend's column found by its x. */
function columnsOf(placed: Placed): (x: number) => number {
  const xs = [
    ...new Set([
      ...placed.nodes.map((n) => key(n.x)),
      ...placed.raw.flatMap((r) => r.bends.map((p) => key(p.x))),
    ]),
  ].sort((a, b) => a - b);
  const colOf = new Map(xs.map((x, i) => [x, i]));
  return (x) => colOf.get(key(x)) ?? 0;
}

/** One item per node (in order), then one per edge bend (`bends[edge][k]`). */
function itemsOf(
  placed: Placed,
  col: (x: number) => number,
  reach: (id: string) => number,
): { items: Item[]; bends: Item[][] } {
  const items: Item[] = placed.nodes.map((n) => ({
    col: col(n.x),
    off: 0,
    half: n.width / 2 + reach(n.id),
    top: n.y - n.height / 2,
    bottom: n.y + n.height / 2,
    id: n.id,
  }));
  const bends = placed.raw.map((r) =>
    r.bends.map((p) => {
      const item: Item = {
        col: col(p.x),
        off: 0,
        half: 0,
        top: p.y - 2,
        bottom: p.y + 2,
        id: null,
      };
      items.push(item);
      return item;
    }),
  );
  return { items, bends };
}

/**
 * A leaf with one consumer in the next column joins that column, unless another leaf already
 * tucked there faces it. Returns the tucked leaves.
 */
function tuck(
  items: readonly Item[],
  placed: Placed,
  trace: Trace,
  col: (x: number) => number,
  faces: (a: Item, b: Item) => boolean,
): Set<Item> {
  const box = new Map(placed.nodes.map((n) => [n.id, n]));
  const consumers = new Map<string, string[]>();
  for (const e of trace.edges) consumers.set(e.from, [...(consumers.get(e.from) ?? []), e.to]);
  const leaves = new Set(trace.nodes.filter((n) => n.inputs.length === 0).map((n) => n.id));
  const tucked = new Set<Item>();
  for (const item of items) {
    if (!item.id || !leaves.has(item.id)) continue;
    const uses = consumers.get(item.id) ?? [];
    const target = uses.length === 1 ? box.get(uses[0] ?? "") : undefined;
    if (!target || col(target.x) !== item.col + 1) continue;
    const c = col(target.x);
    if ([...tucked].some((t) => t.col === c && faces(t, item))) continue;
    item.col = c;
    tucked.add(item);
  }
  return tucked;
}

/**
 * Each column's centre, left to right, as far left as the nodes before it allow (those it
 * faces or reads from). Columns are as wide as what stands in them; a column left with tucked
 * leaves only goes, and its leaves sit left of their op's column.
 */
function columnCentres(
  items: readonly Item[],
  tucked: ReadonlySet<Item>,
  trace: Trace,
  spacing: TuckSpacing,
  faces: (a: Item, b: Item) => boolean,
): Map<number, number> {
  const halves = new Map<number, number>();
  for (const item of items)
    if (!tucked.has(item)) halves.set(item.col, Math.max(halves.get(item.col) ?? 0, item.half));
  for (const item of tucked) item.off = -(halves.get(item.col) ?? 0) - spacing.rankSep - item.half;
  const cols = [...halves.keys()].sort((a, b) => a - b);
  const byCol = new Map<number, Item[]>(cols.map((c) => [c, []]));
  for (const item of items) byCol.get(item.col)?.push(item);
  const itemOf = new Map(items.flatMap((it) => (it.id ? [[it.id, it] as const] : [])));
  const sources = new Map<Item, Item[]>();
  for (const e of trace.edges) {
    const from = itemOf.get(e.from);
    const to = itemOf.get(e.to);
    if (from && to) sources.set(to, [...(sources.get(to) ?? []), from]);
  }
  const X = new Map<number, number>();
  const placedItems: Item[] = [];
  let prev: number | undefined;
  for (const c of cols) {
    const half = halves.get(c) ?? 0;
    let x =
      prev === undefined
        ? 0
        : (X.get(prev) ?? 0) + (halves.get(prev) ?? 0) + spacing.rankSep + half;
    const here = byCol.get(c) ?? [];
    for (const b of here) {
      const from = sources.get(b) ?? [];
      for (const a of placedItems) {
        if (!faces(a, b) && !from.includes(a)) continue;
        const ax = (X.get(a.col) ?? 0) + a.off;
        x = Math.max(x, ax + a.half + spacing.rankSep + b.half - b.off);
      }
    }
    X.set(c, x);
    placedItems.push(...here);
    prev = c;
  }
  return X;
}

/**
 * Moves columns and leaves left as far as the spacing allows; `reach` gives how far a node's
 * outline extends beyond its box on each side. Heights and the order along x are kept.
 */
export function tuckLeaves(
  placed: Placed,
  trace: Trace,
  reach: (id: string) => number,
  spacing: TuckSpacing,
): Placed {
  const col = columnsOf(placed);
  const { items, bends } = itemsOf(placed, col, reach);
  const faces = (a: Item, b: Item): boolean =>
    a.top < b.bottom + spacing.nodeSep - 0.5 && b.top < a.bottom + spacing.nodeSep - 0.5;
  const tucked = tuck(items, placed, trace, col, faces);
  const X = columnCentres(items, tucked, trace, spacing, faces);
  const xOf = (it: Item): number => (X.get(it.col) ?? 0) + it.off;
  const left = Math.min(...items.map((it) => xOf(it) - it.half));
  const right = Math.max(...items.map((it) => xOf(it) + it.half));
  const shift = spacing.marginX - left;
  const nodes: NodeBox[] = placed.nodes.map((n, i) => {
    const it = items[i];
    return it ? { ...n, x: xOf(it) + shift } : n;
  });
  const raw = placed.raw.map((r, i) => ({
    ...r,
    bends: r.bends.map((p, k) => {
      const it = bends[i]?.[k];
      return it ? { ...p, x: xOf(it) + shift } : p;
    }),
  }));
  return { nodes, raw, width: right - left + 2 * spacing.marginX, height: placed.height };
}
