// Places the trace's nodes left to right (inputs on the left, the output on the right) with
// d3-dag's Sugiyama layout — or, above LIBRARY_LIMIT nodes, with the small built-in layered
// layout, which starts fast on a cold page — then routes the edges onto the nodes' outlines.
// Pure: the same trace always gives the same layout.
import {
  coordGreedy,
  coordSimplex,
  decrossDfs,
  decrossTwoLayer,
  type GraphLink,
  type GraphNode,
  graph,
  layeringSimplex,
  sugiyama,
  twolayerAgg,
} from "d3-dag";
import type { Layout, NodeBox, Trace, TraceEdge } from "../model/index.ts";
import { routeEdges } from "./edge-routes.ts";
import { layeredLayout } from "./layered-layout.ts";
import { NODE_SHAPES, shapeOverhang } from "./node-shapes.ts";
import { nodeSize } from "./node-text.ts";
import { type Placed, trimHeight } from "./trim-margins.ts";
import { tuckLeaves } from "./tuck-leaves.ts";

export {
  NODE_ITEMS,
  NODE_TEXT,
  type NodeTextLine,
  nodeLines,
  nodeSize,
  nodeTextLines,
} from "./node-text.ts";

/** Options for `layoutGraph`. */
export interface LayoutOptions {
  /** Vertical gap between nodes of one rank, px (default 40: room for the op caption above a node and the check below). */
  nodeSep?: number;
  /** Horizontal gap between ranks, px (default 36). */
  rankSep?: number;
  /**
   * "fine": edge lengths and bends minimised exactly (linear programs), crossings reduced over
   * many sweeps — the picture for a lecture, slow beyond a few dozen nodes; "fast": two quick
   * sweeps against crossings, greedy positions; "auto" (default): fine up to `FINE_LIMIT`
   * nodes, fast beyond.
   */
  quality?: "auto" | "fine" | "fast";
  /**
   * "d3-dag" (the library), "layered" (built in: a few sweeps, no optimisation) or "auto"
   * (default): d3-dag up to `LIBRARY_LIMIT` nodes, the built-in layout beyond.
   */
  engine?: "auto" | "d3-dag" | "layered";
}

/** Largest graph "auto" lays out with the fine operators (a lecture graph has 10–40 nodes). */
export const FINE_LIMIT = 40;

/**
 * Largest graph "auto" gives d3-dag. Its first layout on a page costs about 100 ms of CPU at
 * 200 nodes (the code is still being compiled; warm, about 40 ms), against about 15 ms for
 * the built-in layout, and the issue wants a 200-node graph drawn in under 100 ms.
 */
export const LIBRARY_LIMIT = 100;

/**
 * Margins around the drawing, px: the side ones hold the current step's halo, the top one the
 * op caption of the top row (trim-margins.ts then cuts top and bottom to what the drawing's
 * top and bottom rows need).
 */
const MARGIN = { x: 12, y: 28 } as const;

interface Datum {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  /** How far the drawn shape reaches beyond the box left and right (room the layout keeps). */
  readonly reach: number;
  /** A leaf (input, parameter, constant): it hangs off the chain of ops rather than bending it. */
  readonly leaf: boolean;
}

/**
 * How straight the simplex keeps an edge (d3-dag's triplet: short, medium, long pieces). Edges
 * from op to op, the computation's spine, are held four times as straight as the default, so
 * the chain reads along one line with its inputs and parameters above and below it; with one
 * weight for all, each op settled between its two inputs and the chain stepped down the
 * drawing (chapter 6's 2-2-1 network took 510 px of height for 280 px of nodes).
 */
const SPINE_WEIGHT = [4, 8, 32] as const;
const LEAF_WEIGHT = [1, 2, 8] as const;

/** d3-dag's Sugiyama layout with the operators for `quality`, laying out layers top to bottom. */
function sugiyamaFor(quality: "fine" | "fast", nodeSep: number, rankSep: number) {
  // d3-dag stacks layers along y: a node's extent along x is our height, along y our width.
  const size = (node: GraphNode<Datum, TraceEdge>) =>
    [node.data.height, node.data.width + 2 * node.data.reach] as const;
  const base = sugiyama().layering(layeringSimplex()).nodeSize(size).gap([nodeSep, rankSep]);
  const weight = (link: GraphLink<Datum, TraceEdge>) =>
    link.source.data.leaf || link.target.data.leaf ? LEAF_WEIGHT : SPINE_WEIGHT;
  return quality === "fine"
    ? base.decross(decrossTwoLayer()).coord(coordSimplex().weight(weight))
    : base
        .decross(decrossTwoLayer().order(twolayerAgg()).passes(2).inits([decrossDfs()]))
        .coord(coordGreedy());
}

/** Lays the trace out left to right. */
export function layoutGraph(trace: Trace, options: LayoutOptions = {}): Layout {
  const nodeSep = options.nodeSep ?? 40;
  const rankSep = options.rankSep ?? 36;
  const engine = options.engine ?? "auto";
  const placed =
    engine === "layered" || (engine === "auto" && trace.nodes.length > LIBRARY_LIMIT)
      ? withLayered(trace, nodeSep, rankSep)
      : withD3dag(trace, options.quality ?? "auto", nodeSep, rankSep);
  const { nodes, raw, width, height } = trimHeight(placed, trace);
  const edges = routeEdges(
    new Map(nodes.map((b) => [b.id, b])),
    new Map(trace.nodes.map((n) => [n.id, n.kind])),
    raw,
  );
  return { trace, nodes, edges, width, height };
}

const reach = (n: Trace["nodes"][number]): number => shapeOverhang(NODE_SHAPES[n.kind]);

function withD3dag(
  trace: Trace,
  wanted: "auto" | "fine" | "fast",
  nodeSep: number,
  rankSep: number,
): Placed {
  const quality = wanted === "auto" ? (trace.nodes.length <= FINE_LIMIT ? "fine" : "fast") : wanted;
  const dag = graph<Datum, TraceEdge>();
  const dagNodes = new Map(
    trace.nodes.map((n) => [
      n.id,
      dag.node({ id: n.id, ...nodeSize(n), reach: reach(n), leaf: n.inputs.length === 0 }),
    ]),
  );
  const end = (id: string) => {
    const node = dagNodes.get(id);
    if (!node) throw new Error(`layoutGraph: edge end "${id}" is not a node of the trace`);
    return node;
  };
  const links = trace.edges.map((e) => dag.link(end(e.from), end(e.to), e));
  const extent = sugiyamaFor(quality, nodeSep, rankSep)(dag);
  // Back to left to right: d3-dag's y is our x, its x our y.
  const at = ([x, y]: readonly [number, number]) => ({ x: y + MARGIN.x, y: x + MARGIN.y });
  const nodes: NodeBox[] = trace.nodes.map((n) => {
    const d = end(n.id);
    return { id: n.id, ...at([d.x, d.y]), width: d.data.width, height: d.data.height };
  });
  const raw = links.map((link) => ({ edge: link.data, bends: link.points.slice(1, -1).map(at) }));
  const width = extent.height + 2 * MARGIN.x;
  const laid = { nodes, raw, width, height: extent.width + 2 * MARGIN.y };
  const reachOf = new Map(trace.nodes.map((n) => [n.id, reach(n)]));
  return tuckLeaves(laid, trace, (id) => reachOf.get(id) ?? 0, {
    nodeSep,
    rankSep,
    marginX: MARGIN.x,
  });
}

function withLayered(trace: Trace, nodeSep: number, rankSep: number): Placed {
  const sizes = new Map(trace.nodes.map((n) => [n.id, { ...nodeSize(n), reach: reach(n) }]));
  const spacing = { nodeSep, rankSep, marginX: MARGIN.x, marginY: MARGIN.y };
  const { nodes, bends, width, height } = layeredLayout(trace, sizes, spacing);
  const raw = trace.edges.map((edge) => ({ edge, bends: bends.get(edge.id) ?? [] }));
  return { nodes, raw, width, height };
}
