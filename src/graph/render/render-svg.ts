// Draws a laid-out trace as an SVG string. Pure: the picture at a stepper position is a
// function of (layout, position). The view inserts this once and afterwards only rewrites the
// `class` and `aria-label` attributes that a step changes (see step-index.ts), so every value
// and gradient is already in the markup and CSS decides what shows.
import { type PlacedLabel, placeCheckLabels, SMALL_TEXT, union } from "../layout/check-labels.ts";
import { innerOutlinePath, shapePath } from "../layout/node-shapes.ts";
import { NODE_ITEMS, nodeTextLines } from "../layout/node-text.ts";
import { formatEstimate, formatValues } from "../model/format.ts";
import { edgeClass, nodeClass, type StepIndex } from "../model/step-index.ts";
import type { EdgePath, Layout, NodeBox, TraceNode } from "../model/types.ts";
import { escapeXml } from "./escape-xml.ts";
import { opCaption } from "./op-caption.ts";
import { graphDescription, nodeAriaLabel } from "./text-alternative.ts";

export { escapeXml } from "./escape-xml.ts";

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
  /** Finite-difference estimates per node id, drawn near the node when present. */
  readonly checks?: ReadonlyMap<string, GradCheck>;
  /** Prefix for ids inside the SVG, so two graphs on one page do not clash (default "g"). */
  readonly idPrefix?: string;
}

const r1 = (v: number): string => String(Math.round(v * 10) / 10);

/** A smooth path through the edge's points (quadratic segments between midpoints). */
export function edgePathData(points: EdgePath["points"]): string {
  const [first, ...rest] = points;
  const last = rest.pop();
  if (!first) return "";
  let d = `M${r1(first.x)},${r1(first.y)}`;
  rest.forEach((p, i) => {
    const q = rest[i + 1] ?? last ?? p;
    d += ` Q${r1(p.x)},${r1(p.y)} ${r1((p.x + q.x) / 2)},${r1((p.y + q.y) / 2)}`;
  });
  return last ? `${d} L${r1(last.x)},${r1(last.y)}` : d;
}

/** The halo (lit for the current step), the outline and, for the output, its inner border. */
function nodeShape(node: TraceNode, box: NodeBox): string {
  const d = shapePath(node.kind, box.width, box.height);
  const inner =
    node.kind === "output"
      ? `<path class="shape-inner" d="${innerOutlinePath(box.width, box.height)}"/>`
      : "";
  return `<path class="halo" d="${d}"/><path class="shape" d="${d}"/>${inner}`;
}

/**
 * The words drawn on a node — its label and, for an op, the caption above it (a constant shows
 * its value instead) — kept inside the node's button, so its accessible name can contain every
 * word a reader sees on it (speech input: "click W one").
 */
function nodeWords(node: TraceNode, box: NodeBox): string {
  const lines = nodeTextLines(node)
    .filter((line) => node.kind === "constant" || line.role === "label")
    .map((line) => {
      const cls = node.kind === "constant" ? "value const-value" : line.role;
      return `<text class="${cls}" y="${r1(line.y)}">${escapeXml(line.text)}</text>`;
    })
    .join(" ");
  const caption = node.op === "leaf" ? "" : opCaption(node);
  // The space keeps label and caption two words for whatever reads the node's text content.
  return caption
    ? `${lines} <text class="op" y="${r1(-box.height / 2 - SMALL_TEXT.captionGap)}">${escapeXml(caption)}</text>`
    : lines;
}

/** The value and gradient rows of a non-constant node, drawn over it but outside its button. */
function nodeNumbers(node: TraceNode): string {
  if (node.kind === "constant") return "";
  return nodeTextLines(node)
    .filter((line) => line.role !== "label")
    .map((line) => `<text class="${line.role}" y="${r1(line.y)}">${escapeXml(line.text)}</text>`)
    .join("");
}

function checkText(check: GradCheck, place: PlacedLabel): string {
  const cls = check.ok ? "fd" : "fd mismatch";
  const size = SMALL_TEXT.checkSize;
  const spans = place.lines
    .map(
      (line, i) =>
        `<tspan x="${r1(place.dx)}"${i > 0 ? ` dy="${r1(size * 1.15)}"` : ""}>${escapeXml(line)}</tspan>`,
    )
    .join("");
  return `<text class="${cls}" y="${r1(place.dy)}" text-anchor="${place.anchor}">${spans}</text>`;
}

/** Where each finite-difference label goes (nothing without checks). */
function placeChecks(layout: Layout, checks: ReadonlyMap<string, GradCheck> | undefined) {
  if (!checks || checks.size === 0) return new Map<string, PlacedLabel>();
  const captions = new Map(
    layout.trace.nodes.map((n) => [n.id, n.op === "leaf" ? "" : opCaption(n)]),
  );
  const requests = [...checks.entries()].map(([id, check]) => {
    const values = formatValues(
      { shape: [check.estimate.length], data: check.estimate },
      NODE_ITEMS,
      formatEstimate,
    );
    const mark = check.ok ? "✓" : "✗";
    return {
      id,
      oneLine: `fd ${values} ${mark}`,
      twoLines: [`fd ${mark}`, values] as [string, string],
    };
  });
  return placeCheckLabels(layout.nodes, captions, requests);
}

/**
 * The class of the group drawing a node's numbers, from the node's own class: the same state
 * (`pending`, `has-grad`, `current`…), so the stylesheet shows a value once computed and a
 * gradient once reached, under `numbers` instead of `node` (it is not a node to select).
 */
export function numbersClass(nodeClass: string): string {
  return nodeClass.replace(/^node\b/, "numbers");
}

/** The whole graph as an SVG element string. */
export function renderSvg(layout: Layout, state: RenderState): string {
  const { index, position } = state;
  const prefix = state.idPrefix ?? "g";
  const nodesById = new Map(layout.trace.nodes.map((n) => [n.id, n]));
  const labels = placeChecks(layout, state.checks);
  // The viewBox grows to hold every label (4 px of air around them), so none is cut off.
  const box = union(
    { x: 0, y: 0, width: Math.ceil(layout.width), height: Math.ceil(layout.height + 12) },
    [...labels.values()].map(({ rect: r }) => ({
      x: r.x - 4,
      y: r.y - 4,
      width: r.width + 8,
      height: r.height + 8,
    })),
  );
  const x0 = Math.floor(box.x);
  const y0 = Math.floor(box.y);
  const width = Math.ceil(box.x + box.width) - x0;
  const height = Math.ceil(box.y + box.height) - y0;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="graph-svg" viewBox="${x0} ${y0} ${width} ${height}" ` +
      `width="${width}" height="${height}" role="group">`,
    `<title>${escapeXml(`Computation graph of ${nodesById.get(layout.trace.output)?.label ?? "the result"}, ${layout.trace.nodes.length} nodes`)}</title>`,
    `<desc>${escapeXml(graphDescription(layout.trace))}</desc>`,
    "<defs>",
    `<marker id="${prefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse">` +
      `<path class="arrowhead" d="M0,0 L10,5 L0,10 z"/></marker>`,
    "</defs>",
    '<g class="edges" aria-hidden="true">',
  ];
  for (const edge of layout.edges) {
    parts.push(
      `<path class="${edgeClass(index, edge.id, position)}" data-edge="${edge.id}" ` +
        `d="${edgePathData(edge.points)}" marker-end="url(#${prefix}-arrow)"/>`,
    );
  }
  parts.push("</g>", '<g class="nodes">');
  const numbers: string[] = [];
  for (const b of layout.nodes) {
    const node = nodesById.get(b.id);
    if (!node) continue;
    const check = state.checks?.get(node.id);
    const place = labels.get(node.id);
    const cls = nodeClass(index, node.id, position);
    const at = `transform="translate(${r1(b.x)},${r1(b.y)})"`;
    parts.push(
      `<g class="${cls}" data-node="${node.id}" ${at} role="button" tabindex="-1" ` +
        `aria-label="${escapeXml(nodeAriaLabel(index, node, position))}">` +
        `<title>${escapeXml(`${node.label} (${node.kind}): click or press Enter to go to its step`)}</title>` +
        nodeShape(node, b) +
        `<g aria-hidden="true">${nodeWords(node, b)}</g>` +
        "</g>",
    );
    const drawn = nodeNumbers(node) + (check && place ? checkText(check, place) : "");
    if (drawn)
      numbers.push(`<g class="${numbersClass(cls)}" data-numbers="${node.id}" ${at}>${drawn}</g>`);
  }
  parts.push(
    "</g>",
    `<g class="node-numbers" aria-hidden="true">${numbers.join("")}</g>`,
    "</svg>",
  );
  return parts.join("");
}
