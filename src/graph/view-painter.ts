// Puts a model's drawing and table into the view and keeps them at the stepper's position.
// `draw` inserts the SVG and the table once (and again when the checks change); `show` then
// touches only the nodes, edges and rows whose state differs between two positions, so a step
// costs a few attribute writes however big the graph.
import { formatEstimate, formatValues } from "./format.ts";
import type { GraphModel } from "./graph-model.ts";
import { type GradCheck, renderSvg } from "./render-svg.ts";
import { edgeClass, nodeClass, touchedBetween } from "./step-index.ts";
import { nodeAriaLabel, textAlternativeHtml, textCells } from "./text-alternative.ts";

/** The drawn graph and table of one model. */
export interface Painter {
  /** Draws everything at `position` (with finite-difference labels when `checks` is given). */
  draw(position: number, checks: ReadonlyMap<string, GradCheck> | undefined): void;
  /** Moves the drawing and the table from position `from` to `to`. */
  show(from: number, to: number): void;
  /** The group of node `id` in the drawing. */
  node(id: string): SVGGElement | undefined;
  /** Node ids in reading order: column by column, top to bottom (for ↑ and ↓). */
  readonly order: readonly string[];
}

/** A painter for `model` into `canvas` (the drawing) and `tableBox` (the text alternative). */
export function createPainter(
  model: GraphModel,
  canvas: HTMLElement,
  tableBox: HTMLElement,
  idPrefix: string,
): Painter {
  const { index, layout, lookup } = model;
  const nodeEls = new Map<string, SVGGElement>();
  const edgeEls = new Map<string, Element>();
  const rowEls = new Map<string, HTMLTableRowElement>();
  let checks: ReadonlyMap<string, GradCheck> | undefined;

  function updateRow(id: string, position: number): void {
    const row = rowEls.get(id);
    if (!row) return;
    const node = lookup(id);
    const c = textCells(index, node, position);
    if (c.current) {
      row.className = "current";
      row.setAttribute("aria-current", "step");
    } else {
      row.removeAttribute("class");
      row.removeAttribute("aria-current");
    }
    const check = checks?.get(id);
    const fd =
      check && c.grad !== "—"
        ? ` (fd ${formatValues({ shape: [check.estimate.length], data: check.estimate }, 16, formatEstimate)}${check.ok ? " ✓" : " ✗ mismatch"})`
        : "";
    const [value, grad] = row.querySelectorAll(".value, .grad");
    if (value) value.textContent = c.value;
    if (grad) grad.textContent = c.grad + fd;
  }

  const order = [...layout.nodes].sort((a, b) => a.x - b.x || a.y - b.y).map((b) => b.id);

  return {
    order,
    node: (id) => nodeEls.get(id),
    draw(position, nextChecks) {
      checks = nextChecks;
      canvas.innerHTML = renderSvg(layout, { index, position, checks, idPrefix });
      nodeEls.clear();
      edgeEls.clear();
      for (const el of canvas.querySelectorAll<SVGGElement>("g[data-node]"))
        nodeEls.set(el.getAttribute("data-node") ?? "", el);
      for (const el of canvas.querySelectorAll("[data-edge]"))
        edgeEls.set(el.getAttribute("data-edge") ?? "", el);
      tableBox.innerHTML = textAlternativeHtml(index, position, lookup);
      rowEls.clear();
      for (const row of tableBox.querySelectorAll<HTMLTableRowElement>("tr[data-node]")) {
        rowEls.set(row.dataset.node ?? "", row);
      }
      // The table string already shows this position; only the check estimates need adding.
      if (checks) for (const id of rowEls.keys()) updateRow(id, position);
    },
    show(from, to) {
      const touched = touchedBetween(index, from, to);
      for (const id of touched.nodes) {
        const el = nodeEls.get(id);
        if (el) {
          el.setAttribute("class", nodeClass(index, id, to));
          el.setAttribute("aria-label", nodeAriaLabel(index, lookup(id), to));
        }
        updateRow(id, to);
      }
      for (const id of touched.edges)
        edgeEls.get(id)?.setAttribute("class", edgeClass(index, id, to));
    },
  };
}
