// Puts a model's drawing and table into the view and keeps them at the stepper's position.
// `draw` inserts the SVG and the table once (and again when the checks change); `show` then
// touches only the nodes, edges and rows whose state differs between two positions, so a step
// costs a few attribute writes however big the graph. The table keeps up in idle time: collapsed
// it is out of sight, and a first drawing's table (a third of a 200-node view's elements)
// would only delay the drawing's first paint, while one changed cell makes the browser lay the
// whole table out again (some 10 ms a step at 1,000 rows). Until it has caught up it is
// aria-busy; opening it brings it up to date at once.
import { formatEstimate, formatValues } from "../model/format.ts";
import { edgeClass, nodeClass, touchedBetween } from "../model/step-index.ts";
import { type GradCheck, numbersClass, renderSvg } from "../render/render-svg.ts";
import { nodeAriaLabel, textAlternativeHtml, textCells } from "../render/text-alternative.ts";
import type { GraphModel } from "./graph-model.ts";
import { cancelIdle, whenIdle } from "./idle.ts";

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
  return new ViewPainter(model, canvas, tableBox, idPrefix);
}

class ViewPainter implements Painter {
  readonly order: readonly string[];
  private readonly nodeEls = new Map<string, SVGGElement>();
  /** Each node's value and gradient rows, drawn outside its button (see render-svg.ts). */
  private readonly numberEls = new Map<string, SVGGElement>();
  private readonly edgeEls = new Map<string, Element>();
  private readonly rowEls = new Map<string, HTMLTableRowElement>();
  private checks: ReadonlyMap<string, GradCheck> | undefined;
  /** The position shown; whether the table is there; the rows steps have changed since. */
  private shown = 0;
  private tableFilled = false;
  private readonly staleRows = new Set<string>();
  private rowsLater = 0;
  private drawing: Element | null = null;

  constructor(
    private readonly model: GraphModel,
    private readonly canvas: HTMLElement,
    private readonly tableBox: HTMLElement,
    private readonly idPrefix: string,
  ) {
    this.order = [...model.layout.nodes].sort((a, b) => a.x - b.x || a.y - b.y).map((b) => b.id);
  }

  node(id: string): SVGGElement | undefined {
    return this.nodeEls.get(id);
  }

  draw(position: number, checks: ReadonlyMap<string, GradCheck> | undefined): void {
    const { canvas, model } = this;
    this.checks = checks;
    this.shown = position;
    canvas.innerHTML = renderSvg(model.layout, {
      index: model.index,
      position,
      checks,
      idPrefix: this.idPrefix,
    });
    this.drawing = canvas.firstElementChild;
    this.collectElements();
    const first = !this.tableFilled;
    this.tableFilled = false;
    this.rowEls.clear();
    this.updateStaleRows(); // with no rows left to update: drops the changes a new table makes moot
    if (first) {
      this.tableBox.replaceChildren();
      this.tableBox.setAttribute("aria-busy", "true");
      whenIdle(() => this.fillTable(), 500);
    } else this.fillTable();
  }

  show(from: number, to: number): void {
    const { index, lookup } = this.model;
    this.shown = to;
    const touched = touchedBetween(index, from, to);
    for (const id of touched.nodes) {
      const el = this.nodeEls.get(id);
      if (el) {
        el.setAttribute("class", nodeClass(index, id, to));
        el.setAttribute("aria-label", nodeAriaLabel(index, lookup(id), to));
      }
      this.numberEls.get(id)?.setAttribute("class", numbersClass(nodeClass(index, id, to)));
      if (this.tableFilled) this.staleRows.add(id);
    }
    for (const id of touched.edges)
      this.edgeEls.get(id)?.setAttribute("class", edgeClass(index, id, to));
    if (this.staleRows.size > 0 && this.rowsLater === 0) {
      this.tableBox.setAttribute("aria-busy", "true");
      this.rowsLater = whenIdle(() => this.updateStaleRows(), 250);
    }
  }

  settleTable(): void {
    this.fillTable();
    this.updateStaleRows();
  }

  /** Whether the canvas and table are still this painter's (not the other granularity's). */
  private owns(): boolean {
    return this.drawing !== null && this.drawing.parentNode === this.canvas;
  }

  /** Finds the drawing's node (and node number) and edge elements, for `show` to update. */
  private collectElements(): void {
    this.nodeEls.clear();
    this.edgeEls.clear();
    for (const el of this.canvas.querySelectorAll<SVGGElement>("g[data-node]"))
      this.nodeEls.set(el.getAttribute("data-node") ?? "", el);
    this.numberEls.clear();
    for (const el of this.canvas.querySelectorAll<SVGGElement>("g[data-numbers]"))
      this.numberEls.set(el.getAttribute("data-numbers") ?? "", el);
    for (const el of this.canvas.querySelectorAll("[data-edge]"))
      this.edgeEls.set(el.getAttribute("data-edge") ?? "", el);
  }

  private fillTable(): void {
    if (this.tableFilled || !this.owns()) return;
    const { tableBox, model } = this;
    this.tableFilled = true;
    tableBox.innerHTML = textAlternativeHtml(model.index, this.shown, model.lookup);
    this.rowEls.clear();
    for (const row of tableBox.querySelectorAll<HTMLTableRowElement>("tr[data-node]")) {
      this.rowEls.set(row.dataset.node ?? "", row);
    }
    // The table string already shows this position; only the check estimates need adding.
    if (this.checks) for (const id of this.rowEls.keys()) this.updateRow(id, this.shown);
    this.staleRows.clear();
    tableBox.removeAttribute("aria-busy");
  }

  private updateStaleRows(): void {
    cancelIdle(this.rowsLater);
    this.rowsLater = 0;
    if (!this.owns()) return;
    for (const id of this.staleRows) this.updateRow(id, this.shown);
    this.staleRows.clear();
    this.tableBox.removeAttribute("aria-busy");
  }

  private updateRow(id: string, position: number): void {
    const row = this.rowEls.get(id);
    if (!row) return;
    const c = textCells(this.model.index, this.model.lookup(id), position);
    if (c.current) {
      row.className = "current";
      row.setAttribute("aria-current", "step");
    } else {
      row.removeAttribute("class");
      row.removeAttribute("aria-current");
    }
    const [value, grad] = row.querySelectorAll(".value, .grad");
    if (value) value.textContent = c.value;
    if (grad) grad.textContent = c.grad + this.checkNote(id, c.grad);
  }

  /** " (fd 0.123 ✓)" after a gradient when the finite-difference check is on. */
  private checkNote(id: string, grad: string): string {
    const check = this.checks?.get(id);
    if (!check || grad === "—") return "";
    const estimate = formatValues(
      { shape: [check.estimate.length], data: check.estimate },
      16,
      formatEstimate,
    );
    return ` (fd ${estimate}${check.ok ? " ✓" : " ✗ mismatch"})`;
  }
}
