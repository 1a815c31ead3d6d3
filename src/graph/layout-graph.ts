// Places the trace's nodes left to right (inputs on the left, the output on the right) with
// d3-dag's Sugiyama layout, then routes the edges onto the nodes' outlines. Pure: the same trace
// always gives the same layout.
import {
  coordGreedy,
  coordSimplex,
  decrossDfs,
  decrossTwoLayer,
  type GraphNode,
  graph,
  layeringSimplex,
  sugiyama,
  twolayerAgg,
} from "d3-dag";
import { type RawEdge, routeEdges } from "./edge-routes.ts";
import { NODE_SHAPES, shapeOverhang } from "./node-shapes.ts";
import { nodeSize } from "./node-text.ts";
import type { Layout, NodeBox, Trace, TraceEdge } from "./types.ts";

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
}

/** Largest graph "auto" lays out with the fine operators (a lecture graph has 10–40 nodes). */
export const FINE_LIMIT = 40;

/** Margins around the drawing, px: the top one leaves room for the op caption of the top row. */
const MARGIN = { x: 16, y: 28 } as const;

interface Datum {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  /** How far the drawn shape reaches beyond the box left and right (room the layout keeps). */
  readonly reach: number;
}

/** d3-dag's Sugiyama layout with the operators for `quality`, laying out layers top to bottom. */
function sugiyamaFor(quality: "fine" | "fast", nodeSep: number, rankSep: number) {
  // d3-dag stacks layers along y: a node's extent along x is our height, along y our width.
  const size = (node: GraphNode<Datum, TraceEdge>) =>
    [node.data.height, node.data.width + 2 * node.data.reach] as const;
  const base = sugiyama().layering(layeringSimplex()).nodeSize(size).gap([nodeSep, rankSep]);
  return quality === "fine"
    ? base.decross(decrossTwoLayer()).coord(coordSimplex())
    : base
        .decross(decrossTwoLayer().order(twolayerAgg()).passes(2).inits([decrossDfs()]))
        .coord(coordGreedy());
}

/** Lays the trace out left to right. */
export function layoutGraph(trace: Trace, options: LayoutOptions = {}): Layout {
  const nodeSep = options.nodeSep ?? 40;
  const rankSep = options.rankSep ?? 36;
  const wanted = options.quality ?? "auto";
  const quality = wanted === "auto" ? (trace.nodes.length <= FINE_LIMIT ? "fine" : "fast") : wanted;

  const dag = graph<Datum, TraceEdge>();
  const dagNodes = new Map(
    trace.nodes.map((n) => [
      n.id,
      dag.node({ id: n.id, ...nodeSize(n), reach: shapeOverhang(NODE_SHAPES[n.kind]) }),
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
  const raw: RawEdge[] = links.map((link) => ({
    edge: link.data,
    bends: link.points.slice(1, -1).map(at),
  }));
  const edges = routeEdges(
    new Map(nodes.map((b) => [b.id, b])),
    new Map(trace.nodes.map((n) => [n.id, n.kind])),
    raw,
  );
  return {
    trace,
    nodes,
    edges,
    width: extent.height + 2 * MARGIN.x,
    height: extent.width + 2 * MARGIN.y,
  };
}
