// Puts a model's drawing and table into the view and keeps them at the stepper's position.
// `draw` inserts the SVG and the table once (and again when the checks change); `show` then
// touches only the nodes, edges and rows whose state differs between two positions, so a step
// costs a few attribute writes however big the graph. The table keeps up in idle time: collapsed
// it is out of sight, and a first drawing's table (a third of a 200-node view's elements)
// would only delay the drawing's first paint, while one changed cell makes the browser lay the
// whole table out again (some 10 ms a step at 1,000 rows). Until it has caught up it is
// aria-busy; opening it brings it up to date at once.
import { formatEstimate, formatValues } from "./format.ts";
import type { GraphModel } from "./graph-model.ts";
import { cancelIdle, whenIdle } from "./idle.ts";
import { type GradCheck, renderSvg } from "./render-svg.ts";
import { edgeClass, nodeClass, touchedBetween } from "./step-index.ts";
import { nodeAriaLabel, textAlternativeHtml, textCells } from "./text-alternative.ts";

/** The drawn graph and table of one model. */
export interface Painter {
  /** Draws everything at `position` (with finite-difference labels when `checks` is given). */
  draw(position: number, checks: ReadonlyMap<string, GradCheck> | undefined): void;
  /** Moves the drawing and the table from position `from` to `to`. */
  show(from: number, to: number): void;
  /** Brings the table up to date now rather than in idle time (a reader opened it). */
  settleTable(): void;
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
  /** Each node's value and gradient rows, drawn outside its button (see render-svg.ts). */
  const numberEls = new Map<string, SVGGElement>();
  const edgeEls = new Map<string, Element>();
  const rowEls = new Map<string, HTMLTableRowElement>();
  let checks: ReadonlyMap<string, GradCheck> | undefined;
  /** The position shown; whether the table is there; the rows steps have changed since. */
  let shown = 0;
  let tableFilled = false;
  const staleRows = new Set<string>();
  let rowsLater = 0;
  let drawing: Element | null = null;
  /** Whether the canvas and table are still this painter's (not the other granularity's). */
  const owns = (): boolean => drawing !== null && drawing.parentNode === canvas;

  function fillTable(): void {
    if (tableFilled || !owns()) return;
    tableFilled = true;
    tableBox.innerHTML = textAlternativeHtml(index, shown, lookup);
    rowEls.clear();
    for (const row of tableBox.querySelectorAll<HTMLTableRowElement>("tr[data-node]")) {
      rowEls.set(row.dataset.node ?? "", row);
    }
    // The table string already shows this position; only the check estimates need adding.
    if (checks) for (const id of rowEls.keys()) updateRow(id, shown);
    staleRows.clear();
    tableBox.removeAttribute("aria-busy");
  }

  function updateStaleRows(): void {
    cancelIdle(rowsLater);
    rowsLater = 0;
    if (!owns()) return;
    for (const id of staleRows) updateRow(id, shown);
    staleRows.clear();
    tableBox.removeAttribute("aria-busy");
  }

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
      shown = position;
      canvas.innerHTML = renderSvg(layout, { index, position, checks, idPrefix });
      drawing = canvas.firstElementChild;
      nodeEls.clear();
      edgeEls.clear();
      for (const el of canvas.querySelectorAll<SVGGElement>("g[data-node]"))
        nodeEls.set(el.getAttribute("data-node") ?? "", el);
      numberEls.clear();
      for (const el of canvas.querySelectorAll<SVGGElement>("g[data-numbers]"))
        numberEls.set(el.getAttribute("data-numbers") ?? "", el);
      for (const el of canvas.querySelectorAll("[data-edge]"))
        edgeEls.set(el.getAttribute("data-edge") ?? "", el);
      const first = !tableFilled;
      tableFilled = false;
      rowEls.clear();
      updateStaleRows(); // with no rows left to update: drops the changes a new table makes moot
      if (first) {
        tableBox.replaceChildren();
        tableBox.setAttribute("aria-busy", "true");
        whenIdle(fillTable, 500);
      } else fillTable();
    },
    show(from, to) {
      shown = to;
      const touched = touchedBetween(index, from, to);
      for (const id of touched.nodes) {
        const el = nodeEls.get(id);
        if (el) {
          el.setAttribute("class", nodeClass(index, id, to));
          el.setAttribute("aria-label", nodeAriaLabel(index, lookup(id), to));
        }
        numberEls.get(id)?.setAttribute("class", nodeClass(index, id, to));
        if (tableFilled) staleRows.add(id);
      }
      for (const id of touched.edges)
        edgeEls.get(id)?.setAttribute("class", edgeClass(index, id, to));
      if (staleRows.size > 0 && rowsLater === 0) {
        tableBox.setAttribute("aria-busy", "true");
        rowsLater = whenIdle(updateStaleRows, 250);
      }
    },
    settleTable() {
      fillTable();
      updateStaleRows();
    },
  };
}
