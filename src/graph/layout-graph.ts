// Places the trace's nodes left to right with dagre (inputs on the left, the output on the
// right) and routes the edges. Pure: the same trace always gives the same layout.
import dagre from "@dagrejs/dagre";
import { formatValues } from "./format.ts";
import { layeredLayout } from "./layered-layout.ts";
import type { EdgePath, Layout, NodeBox, Trace, TraceNode } from "./types.ts";

/** Options for `layoutGraph`. */
export interface LayoutOptions {
  /** Vertical gap between nodes of one rank, px (default 40: room for the op caption above a node and the check below). */
  nodeSep?: number;
  /** Horizontal gap between ranks, px (default 36). */
  rankSep?: number;
  /**
   * "dagre" (careful, slow on big graphs), "layered" (fast, built in) or "auto" (default):
   * dagre up to `DAGRE_LIMIT` nodes, the layered layout beyond.
   */
  engine?: "auto" | "dagre" | "layered";
}

/** Largest graph "auto" hands to dagre: beyond it dagre needs far more than a frame budget. */
export const DAGRE_LIMIT = 100;

/** Sizes of the node text, px; the SVG renderer uses the same numbers. */
export const NODE_TEXT = {
  labelSize: 22,
  valueSize: 17,
  /** Average glyph width as a fraction of the font size (a sans-serif with digits). */
  glyph: 0.6,
  padX: 10,
  lineGap: 6,
  minWidth: 72,
} as const;

/** Entries a node shows in the drawing; larger tensors show their shape (the panels show all). */
export const NODE_ITEMS = 2;

/** The three text lines a node shows: label, value, gradient (sized for the widest). */
export function nodeLines(node: TraceNode): { label: string; value: string; grad: string } {
  return {
    label: node.label,
    value: formatValues(node.value, NODE_ITEMS),
    grad: node.grad ? `∇ ${formatValues(node.grad, NODE_ITEMS)}` : "",
  };
}

/** Width and height of a node's box, from its text. Constants are small discs. */
export function nodeSize(node: TraceNode): { width: number; height: number } {
  const { label, value, grad } = nodeLines(node);
  const t = NODE_TEXT;
  if (node.kind === "constant") {
    const w = Math.max(48, [...value].length * t.valueSize * t.glyph + 2 * t.padX);
    return { width: Math.round(w), height: 48 };
  }
  const textWidth = Math.max(
    [...label].length * t.labelSize * t.glyph,
    [...value].length * t.valueSize * t.glyph,
    [...grad].length * t.valueSize * t.glyph,
  );
  const width = Math.max(t.minWidth, Math.round(textWidth + 2 * t.padX));
  const lines = node.grad ? 3 : 2;
  const height = Math.round(t.labelSize + (lines - 1) * t.valueSize + lines * t.lineGap + 16);
  return { width, height };
}

/** Lays the trace out left to right. */
export function layoutGraph(trace: Trace, options: LayoutOptions = {}): Layout {
  const engine = options.engine ?? "auto";
  if (engine === "layered" || (engine === "auto" && trace.nodes.length > DAGRE_LIMIT)) {
    const sizes = new Map(trace.nodes.map((n) => [n.id, nodeSize(n)]));
    const spacing = {
      nodeSep: options.nodeSep ?? 40,
      rankSep: options.rankSep ?? 36,
      marginX: 16,
      marginY: 28,
    };
    return { trace, ...layeredLayout(trace, sizes, spacing) };
  }
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({
    rankdir: "LR",
    nodesep: options.nodeSep ?? 40,
    ranksep: options.rankSep ?? 36,
    edgesep: 12,
    marginx: 16,
    marginy: 28, // room for the op caption above the top row
  });
  for (const node of trace.nodes) g.setNode(node.id, nodeSize(node));
  for (const edge of trace.edges) g.setEdge(edge.from, edge.to, {}, edge.id);
  dagre.layout(g);

  const nodes: NodeBox[] = trace.nodes.map((node) => {
    const box = g.node(node.id);
    return { id: node.id, x: box.x ?? 0, y: box.y ?? 0, width: box.width, height: box.height };
  });
  const edges: EdgePath[] = trace.edges.map((edge) => {
    const label = g.edge({ v: edge.from, w: edge.to, name: edge.id });
    return {
      id: edge.id,
      points: (label.points ?? []).map((p: { x: number; y: number }) => ({ x: p.x, y: p.y })),
    };
  });
  const graph = g.graph();
  return { trace, nodes, edges, width: graph.width ?? 0, height: graph.height ?? 0 };
}
