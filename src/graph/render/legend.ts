// The key under the drawing: one small outline per kind of node, drawn by the same code and
// coloured by the same CSS as the graph, and what the current step's highlight looks like.
import { innerOutlinePath, KIND_NAMES, shapePath } from "../layout/node-shapes.ts";
import type { NodeKind } from "../model/types.ts";

const W = 30;
const H = 18;

function glyph(kind: NodeKind, extra = ""): string {
  const d = shapePath(kind, kind === "constant" ? H + 4 : W, H);
  const inner =
    kind === "output" ? `<path class="shape-inner" d="${innerOutlinePath(W, H)}"/>` : "";
  return (
    `<svg class="graph-glyph" viewBox="-22 -13 44 26" width="44" height="26" aria-hidden="true" focusable="false">` +
    `<g class="node kind-${kind} has-value${extra}"><path class="halo" d="${d}"/><path class="shape" d="${d}"/>${inner}</g></svg>`
  );
}

/** The legend as an HTML string (a list, so screen readers can skip it as one thing). */
export function legendHtml(): string {
  // "(data)", "(learned)": explanations a slide leaves out, as the toolbar's words.
  const items = KIND_NAMES.map(
    ([kind, name]) =>
      `<li>${glyph(kind)}${name.replace(/ (\(.*\))$/, '<span class="graph-word"> $1</span>')}</li>`,
  );
  items.push(
    `<li>${glyph("intermediate", " current current-forward")}<span class="graph-word">current </span>forward step</li>`,
    `<li>${glyph("intermediate", " current current-backward")}<span class="graph-word">current </span>backward step</li>`,
    '<li><span class="graph-legend-grad" aria-hidden="true">∇</span>gradient</li>',
  );
  return `<ul class="graph-legend" aria-label="Key to the drawing">${items.join("")}</ul>`;
}
