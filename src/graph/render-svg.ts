// Draws a laid-out trace as an SVG string. Pure: the picture at a stepper position is a
// function of (layout, position). The view inserts this once and afterwards only rewrites the
// `class` attributes that a step changes (see step-index.ts), so every value and gradient is
// already in the markup and CSS decides what shows.
import { formatValues } from "./format.ts";
import { NODE_TEXT, nodeLines } from "./layout-graph.ts";
import { edgeClass, nodeClass, type StepIndex } from "./step-index.ts";
import type { EdgePath, Layout, NodeBox, TraceNode } from "./types.ts";

/** A finite-difference estimate of one node's gradient. */
export interface GradCheck {
  readonly estimate: readonly number[];
  /** Whether the estimate agrees with the gradient within tolerance. */
  readonly ok: boolean;
}

/** What to draw besides the layout. */
export interface RenderState {
  readonly index: StepIndex;
  /** Stepper position (0 = start). */
  readonly position: number;
  /** Finite-difference estimates per node id, drawn under the node when present. */
  readonly checks?: ReadonlyMap<string, GradCheck>;
  /** Prefix for ids inside the SVG, so two graphs on one page do not clash (default "g"). */
  readonly idPrefix?: string;
}

/** Short op captions drawn above op nodes. */
const OP_CAPTION: Record<string, string> = {
  add: "+",
  sub: "−",
  mul: "×",
  div: "÷",
  neg: "−x",
  matmul: "matmul",
  pow: "pow",
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const r1 = (v: number): string => String(Math.round(v * 10) / 10);

/** A smooth path through dagre's edge points (quadratic segments between midpoints). */
export function edgePathData(points: EdgePath["points"]): string {
  if (points.length === 0) return "";
  const [first] = points;
  let d = `M${r1(first!.x)},${r1(first!.y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i]!;
    const q = points[i + 1]!;
    d += ` Q${r1(p.x)},${r1(p.y)} ${r1((p.x + q.x) / 2)},${r1((p.y + q.y) / 2)}`;
  }
  const last = points[points.length - 1]!;
  return `${d} L${r1(last.x)},${r1(last.y)}`;
}

function opCaption(node: TraceNode): string {
  if (node.op === "pow" && typeof node.attrs.exponent === "number")
    return `^${node.attrs.exponent}`;
  return OP_CAPTION[node.op] ?? node.op;
}

function nodeShape(node: TraceNode, box: NodeBox): string {
  const w = r1(box.width);
  const h = r1(box.height);
  const x = r1(-box.width / 2);
  const y = r1(-box.height / 2);
  switch (node.kind) {
    case "constant":
      return `<ellipse class="shape" rx="${r1(box.width / 2)}" ry="${r1(box.height / 2)}"/>`;
    case "input": // data: a plain rectangle with square corners
      return `<rect class="shape" x="${x}" y="${y}" width="${w}" height="${h}"/>`;
    case "parameter": // learnable: a pill
      return `<rect class="shape" x="${x}" y="${y}" width="${w}" height="${h}" rx="${r1(box.height / 2)}"/>`;
    case "output": // the result: double border
      return (
        `<rect class="shape" x="${x}" y="${y}" width="${w}" height="${h}" rx="8"/>` +
        `<rect class="shape-inner" x="${r1(-box.width / 2 + 4)}" y="${r1(-box.height / 2 + 4)}" ` +
        `width="${r1(box.width - 8)}" height="${r1(box.height - 8)}" rx="5"/>`
      );
    default:
      return `<rect class="shape" x="${x}" y="${y}" width="${w}" height="${h}" rx="8"/>`;
  }
}

function nodeTexts(node: TraceNode, box: NodeBox): string {
  const t = NODE_TEXT;
  const { label, value, grad } = nodeLines(node);
  if (node.kind === "constant") {
    return `<text class="value const-value" y="${r1(t.valueSize * 0.35)}">${escapeXml(value)}</text>`;
  }
  const lines = grad ? 3 : 2;
  const block = t.labelSize + (lines - 1) * t.valueSize + (lines - 1) * t.lineGap;
  let y = -block / 2 + t.labelSize * 0.8;
  let out = `<text class="label" y="${r1(y)}">${escapeXml(label)}</text>`;
  y += t.valueSize + t.lineGap;
  out += `<text class="value" y="${r1(y)}">${escapeXml(value)}</text>`;
  if (grad) {
    y += t.valueSize + t.lineGap;
    out += `<text class="grad" y="${r1(y)}">${escapeXml(grad)}</text>`;
  }
  if (node.op !== "leaf") {
    out += `<text class="op" y="${r1(-box.height / 2 - 7)}">${escapeXml(opCaption(node))}</text>`;
  }
  return out;
}

function checkText(check: GradCheck | undefined, box: NodeBox): string {
  if (!check) return "";
  const text = `fd ${formatValues({ shape: [check.estimate.length], data: check.estimate }, 4)}`;
  const cls = check.ok ? "fd" : "fd mismatch";
  const mark = check.ok ? "✓" : "✗";
  return `<text class="${cls}" y="${r1(box.height / 2 + 16)}">${escapeXml(`${text} ${mark}`)}</text>`;
}

/** The whole graph as an SVG element string. */
export function renderSvg(layout: Layout, state: RenderState): string {
  const { index, position } = state;
  const prefix = state.idPrefix ?? "g";
  const nodesById = new Map(layout.trace.nodes.map((n) => [n.id, n]));
  const width = Math.ceil(layout.width);
  const height = Math.ceil(layout.height + 12);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="graph-svg" viewBox="0 0 ${width} ${height}" ` +
      `width="${width}" height="${height}" role="img" aria-label="Computation graph with ${layout.trace.nodes.length} nodes">`,
    "<defs>",
    `<marker id="${prefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse">` +
      `<path class="arrowhead" d="M0,0 L10,5 L0,10 z"/></marker>`,
    "</defs>",
    '<g class="edges">',
  ];
  for (const edge of layout.edges) {
    parts.push(
      `<path class="${edgeClass(index, edge.id, position)}" data-edge="${edge.id}" ` +
        `d="${edgePathData(edge.points)}" marker-end="url(#${prefix}-arrow)"/>`,
    );
  }
  parts.push("</g>", '<g class="nodes">');
  for (const box of layout.nodes) {
    const node = nodesById.get(box.id);
    if (!node) continue;
    parts.push(
      `<g class="${nodeClass(index, node.id, position)}" data-node="${node.id}" ` +
        `transform="translate(${r1(box.x)},${r1(box.y)})">` +
        `<title>${escapeXml(`${node.label} (${node.kind})`)}</title>` +
        nodeShape(node, box) +
        nodeTexts(node, box) +
        checkText(state.checks?.get(node.id), box) +
        "</g>",
    );
  }
  parts.push("</g>", "</svg>");
  return parts.join("");
}
