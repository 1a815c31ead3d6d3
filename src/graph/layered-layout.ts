// A fast layered (Sugiyama-style) layout for large graphs, where dagre takes seconds: ranks
// from the data flow, a few barycentre sweeps against crossings, then y positions pulled
// towards neighbours without overlap. Same output as dagre's path in layout-graph.ts.
import type { EdgePath, NodeBox, Trace } from "./types.ts";

/** Spacing for `layeredLayout`, px. */
export interface LayeredSpacing {
  nodeSep: number;
  rankSep: number;
  marginX: number;
  marginY: number;
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

/** Ranks: an op one right of its latest input; a leaf one left of its first consumer. */
function assignRanks(trace: Trace): Map<string, number> {
  const rank = new Map<string, number>();
  const consumers = new Map<string, string[]>();
  for (const e of trace.edges) consumers.set(e.from, [...(consumers.get(e.from) ?? []), e.to]);
  for (const node of trace.nodes) {
    rank.set(
      node.id,
      node.inputs.length ? Math.max(...node.inputs.map((i) => (rank.get(i) ?? 0) + 1)) : 0,
    );
  }
  for (let k = trace.nodes.length - 1; k >= 0; k--) {
    const node = trace.nodes[k]!;
    const uses = consumers.get(node.id);
    if (node.inputs.length === 0 && uses?.length)
      rank.set(node.id, Math.min(...uses.map((c) => rank.get(c)!)) - 1);
  }
  const min = Math.min(...rank.values());
  for (const [id, r] of rank) rank.set(id, r - min);
  return rank;
}

function barycentre(ids: readonly string[], items: Map<string, Item>): number | undefined {
  if (ids.length === 0) return undefined;
  return ids.reduce((s, id) => s + items.get(id)!.pos, 0) / ids.length;
}

/** Lays out left to right; `sizes` gives each node's box. */
export function layeredLayout(
  trace: Trace,
  sizes: ReadonlyMap<string, { width: number; height: number }>,
  spacing: LayeredSpacing,
): { nodes: NodeBox[]; edges: EdgePath[]; width: number; height: number } {
  const rank = assignRanks(trace);
  const items = new Map<string, Item>();
  const ranks: Item[][] = [];
  const add = (item: Item): void => {
    items.set(item.id, item);
    const layer = ranks[item.rank] ?? [];
    ranks[item.rank] = layer;
    layer.push(item);
  };
  for (const node of trace.nodes) {
    const size = sizes.get(node.id)!;
    add({ id: node.id, rank: rank.get(node.id)!, ...size, left: [], right: [], y: 0, pos: 0 });
  }
  // Long edges become chains of dummies, one per rank they cross, so sweeps see them.
  const chains = new Map<string, string[]>();
  for (const e of trace.edges) {
    const chain = [e.from];
    for (let r = rank.get(e.from)! + 1; r < rank.get(e.to)!; r++) {
      const id = `${e.id}~${r}`;
      add({ id, rank: r, height: 4, width: 0, left: [], right: [], y: 0, pos: 0 });
      chain.push(id);
    }
    chain.push(e.to);
    for (let k = 0; k + 1 < chain.length; k++) {
      items.get(chain[k]!)!.right.push(chain[k + 1]!);
      items.get(chain[k + 1]!)!.left.push(chain[k]!);
    }
    chains.set(e.id, chain);
  }
  for (const layer of ranks) for (const [k, item] of (layer ?? []).entries()) item.pos = k;
  // Barycentre sweeps, alternating direction; ties keep the current order (stable sort).
  for (let sweep = 0; sweep < 6; sweep++) {
    const rightward = sweep % 2 === 0;
    const order = rightward ? ranks.keys() : [...ranks.keys()].reverse();
    for (const r of order) {
      const layer = ranks[r];
      if (!layer) continue;
      const key = new Map(
        layer.map((it) => [it, barycentre(rightward ? it.left : it.right, items) ?? it.pos]),
      );
      layer.sort((a, b) => key.get(a)! - key.get(b)!);
      for (const [k, item] of layer.entries()) item.pos = k;
    }
  }
  // y: stack each rank, then pull nodes towards their neighbours' centres, keeping order.
  for (const layer of ranks) {
    let y = 0;
    for (const item of layer ?? []) {
      item.y = y + item.height / 2;
      y += item.height + spacing.nodeSep;
    }
  }
  for (let pass = 0; pass < 8; pass++) {
    const rightward = pass % 2 === 0;
    for (const r of rightward ? ranks.keys() : [...ranks.keys()].reverse()) {
      const layer = ranks[r];
      if (!layer) continue;
      for (const item of layer) {
        const ns = [...item.left, ...item.right];
        if (ns.length) item.y = ns.reduce((s, id) => s + items.get(id)!.y, 0) / ns.length;
      }
      // Resolve overlaps downward, then shift the rank back up to its mean desired position.
      const desired = layer.reduce((s, it) => s + it.y, 0) / layer.length;
      for (let k = 1; k < layer.length; k++) {
        const prev = layer[k - 1]!;
        const item = layer[k]!;
        const min = prev.y + prev.height / 2 + spacing.nodeSep + item.height / 2;
        if (item.y < min) item.y = min;
      }
      const shift = desired - layer.reduce((s, it) => s + it.y, 0) / layer.length;
      for (const item of layer) item.y += shift;
    }
  }
  // x: one column per rank, as wide as its widest node.
  const columnX: number[] = [];
  let x = spacing.marginX;
  for (const layer of ranks) {
    const w = Math.max(0, ...(layer ?? []).map((it) => it.width));
    columnX.push(x + w / 2);
    x += w + spacing.rankSep;
  }
  const all = [...items.values()];
  const top = Math.min(...all.map((it) => it.y - it.height / 2));
  const dy = spacing.marginY - top;
  const nodes: NodeBox[] = trace.nodes.map((n) => {
    const it = items.get(n.id)!;
    return { id: n.id, x: columnX[it.rank]!, y: it.y + dy, width: it.width, height: it.height };
  });
  const edges: EdgePath[] = trace.edges.map((e) => {
    const chain = chains.get(e.id)!;
    const from = items.get(e.from)!;
    const to = items.get(e.to)!;
    const spread = (e.argIndex - 0.5) * 10; // x.mul(x): two arguments, two separate ends
    const points = [{ x: columnX[from.rank]! + from.width / 2, y: from.y + dy }];
    for (const id of chain.slice(1, -1))
      points.push({ x: columnX[items.get(id)!.rank]!, y: items.get(id)!.y + dy });
    points.push({
      x: columnX[to.rank]! - to.width / 2,
      y: to.y + dy + (to.left.length > 1 ? spread : 0),
    });
    return { id: e.id, points };
  });
  const bottom = Math.max(...all.map((it) => it.y + it.height / 2)) + dy;
  return {
    nodes,
    edges,
    width: x - spacing.rankSep + spacing.marginX,
    height: bottom + spacing.marginY,
  };
}
