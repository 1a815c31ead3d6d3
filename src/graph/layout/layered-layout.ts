// A small layered (Sugiyama-style) layout for graphs too big for d3-dag to lay out in a frame
// budget on a cold page: ranks from the data flow, a few barycentre sweeps against crossings,
// then heights pulled towards neighbours without overlap. layout-graph.ts routes the edges.
import type { NodeBox, Trace } from "../model/index.ts";

/** Spacing for `layeredLayout`, px. */
export interface LayeredSpacing {
  nodeSep: number;
  rankSep: number;
  marginX: number;
  marginY: number;
}

/** A node's box and how far its drawn shape reaches beyond the box left and right. */
export interface LayeredSize {
  width: number;
  height: number;
  reach: number;
}

interface Item {
  id: string;
  rank: number;
  height: number;
  width: number;
  /** Neighbours one rank to the left and to the right (ids of nodes or dummies). */
  left: string[];
  right: string[];
  y: number;
  pos: number;
}

function need<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`layeredLayout: nothing known of "${String(key)}"`);
  return value;
}

/** Ranks: an op one right of its latest input; a leaf one left of its first consumer. */
function assignRanks(trace: Trace): Map<string, number> {
  const rank = new Map<string, number>();
  const consumers = new Map<string, string[]>();
  for (const e of trace.edges) consumers.set(e.from, [...(consumers.get(e.from) ?? []), e.to]);
  for (const node of trace.nodes) {
    const after = node.inputs.map((i) => (rank.get(i) ?? 0) + 1);
    rank.set(node.id, after.length ? Math.max(...after) : 0);
  }
  for (const node of [...trace.nodes].reverse()) {
    const uses = consumers.get(node.id);
    if (node.inputs.length === 0 && uses?.length)
      rank.set(node.id, Math.min(...uses.map((c) => need(rank, c))) - 1);
  }
  const min = Math.min(...rank.values());
  for (const [id, r] of rank) rank.set(id, r - min);
  return rank;
}

/** A layered layout's result: node boxes, each edge's bend points, the drawing's size. */
export interface LayeredResult {
  nodes: NodeBox[];
  bends: Map<string, { x: number; y: number }[]>;
  width: number;
  height: number;
}

/** The items of a layout in progress: by id, by rank in order, and each edge's chain. */
interface Layers {
  items: Map<string, Item>;
  layers: Item[][];
  /** Each edge as the ids it passes: its source, a dummy per rank crossed, its target. */
  chains: Map<string, string[]>;
}

/** Lays out left to right: node boxes, and each edge's bend points (one per rank it crosses). */
export function layeredLayout(
  trace: Trace,
  sizes: ReadonlyMap<string, LayeredSize>,
  spacing: LayeredSpacing,
): LayeredResult {
  const built = buildLayers(trace, sizes);
  orderByBarycentre(built);
  placeHeights(built.layers, spacing);
  return placeColumns(trace, sizes, spacing, built);
}

/** One item per node at its rank; long edges become chains of dummies, one per rank crossed. */
function buildLayers(trace: Trace, sizes: ReadonlyMap<string, LayeredSize>): Layers {
  const rank = assignRanks(trace);
  const items = new Map<string, Item>();
  const ranks: Item[][] = [];
  const add = (item: Item): void => {
    items.set(item.id, item);
    ranks[item.rank] = [...(ranks[item.rank] ?? []), item];
  };
  for (const node of trace.nodes) {
    const { height, width, reach } = need(sizes, node.id);
    const r = need(rank, node.id);
    add({
      id: node.id,
      rank: r,
      height,
      width: width + 2 * reach,
      left: [],
      right: [],
      y: 0,
      pos: 0,
    });
  }
  // Long edges become chains of dummies, one per rank they cross, so the sweeps see them.
  const chains = new Map<string, string[]>();
  for (const e of trace.edges) {
    const chain = [e.from];
    for (let r = need(rank, e.from) + 1; r < need(rank, e.to); r++) {
      const id = `${e.id}~${r}`;
      add({ id, rank: r, height: 4, width: 0, left: [], right: [], y: 0, pos: 0 });
      chain.push(id);
    }
    chain.push(e.to);
    for (let k = 0; k + 1 < chain.length; k++) {
      need(items, chain[k]).right.push(chain[k + 1] ?? "");
      need(items, chain[k + 1]).left.push(chain[k] ?? "");
    }
    chains.set(e.id, chain);
  }
  const layers = ranks.map((layer) => layer ?? []);
  for (const layer of layers) for (const [k, item] of layer.entries()) item.pos = k;
  return { items, layers, chains };
}

/** The mean of `of` over the items `ids`, or undefined for none. */
function meanOf(
  items: ReadonlyMap<string, Item>,
  ids: readonly string[],
  of: (it: Item) => number,
): number | undefined {
  return ids.length ? ids.reduce((s, id) => s + of(need(items, id)), 0) / ids.length : undefined;
}

/** Barycentre sweeps, alternating direction; ties keep the current order (a stable sort). */
function orderByBarycentre({ items, layers }: Layers): void {
  for (let sweep = 0; sweep < 6; sweep++) {
    const rightward = sweep % 2 === 0;
    for (const layer of rightward ? layers : [...layers].reverse()) {
      const key = new Map(
        layer.map((it) => [
          it,
          meanOf(items, rightward ? it.left : it.right, (n) => n.pos) ?? it.pos,
        ]),
      );
      layer.sort((a, b) => need(key, a) - need(key, b));
      for (const [k, item] of layer.entries()) item.pos = k;
    }
  }
}

/** Heights: stack each rank, then pull nodes towards their neighbours, keeping order and gaps. */
function placeHeights(layers: Item[][], spacing: LayeredSpacing): void {
  const items = new Map(layers.flat().map((it) => [it.id, it]));
  for (const layer of layers) {
    let y = 0;
    for (const item of layer) {
      item.y = y + item.height / 2;
      y += item.height + spacing.nodeSep;
    }
  }
  for (let pass = 0; pass < 8; pass++) {
    for (const layer of pass % 2 === 0 ? layers : [...layers].reverse()) {
      if (layer.length === 0) continue;
      for (const item of layer) {
        item.y = meanOf(items, [...item.left, ...item.right], (n) => n.y) ?? item.y;
      }
      // Resolve overlaps downward, then shift the rank back to its mean wanted height.
      const wanted = layer.reduce((s, it) => s + it.y, 0) / layer.length;
      for (let k = 1; k < layer.length; k++) {
        const prev = layer[k - 1];
        const item = layer[k];
        if (!prev || !item) continue;
        item.y = Math.max(item.y, prev.y + prev.height / 2 + spacing.nodeSep + item.height / 2);
      }
      const shift = wanted - layer.reduce((s, it) => s + it.y, 0) / layer.length;
      for (const item of layer) item.y += shift;
    }
  }
}

/** x: one column per rank, as wide as its widest node; then boxes, bends and size. */
function placeColumns(
  trace: Trace,
  sizes: ReadonlyMap<string, LayeredSize>,
  spacing: LayeredSpacing,
  { items, layers, chains }: Layers,
): LayeredResult {
  const columnX: number[] = [];
  let x = spacing.marginX;
  for (const layer of layers) {
    const w = Math.max(0, ...layer.map((it) => it.width));
    columnX.push(x + w / 2);
    x += w + spacing.rankSep;
  }
  const all = [...items.values()];
  const dy = spacing.marginY - Math.min(...all.map((it) => it.y - it.height / 2));
  const at = (it: Item) => ({ x: columnX[it.rank] ?? 0, y: it.y + dy });
  const nodes: NodeBox[] = trace.nodes.map((n) => {
    const it = need(items, n.id);
    return { id: n.id, ...at(it), width: need(sizes, n.id).width, height: it.height };
  });
  const bends = new Map(
    trace.edges.map((e) => [
      e.id,
      need(chains, e.id)
        .slice(1, -1)
        .map((id) => at(need(items, id))),
    ]),
  );
  const bottom = Math.max(...all.map((it) => it.y + it.height / 2)) + dy;
  return {
    nodes,
    bends,
    width: x - spacing.rankSep + spacing.marginX,
    height: bottom + spacing.marginY,
  };
}
