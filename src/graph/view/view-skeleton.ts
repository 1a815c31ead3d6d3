// The elements of a graph view, built empty: toolbar, check status and nudge box, drawing,
// legend, equation and ledger panels, text alternative and the aria-live region. view.ts
// fills them. Reading mode stacks them; on a slide the CSS places them in a grid.

import { legendHtml } from "../render/legend.ts";
import { type Controls, createControls } from "./controls.ts";

/** The view's parts, for view.ts to fill and update. */
export interface ViewSkeleton {
  readonly root: HTMLElement;
  readonly controls: Controls;
  readonly canvas: HTMLElement;
  readonly equation: HTMLElement;
  readonly ledger: HTMLElement;
  readonly status: HTMLElement;
  readonly nudgeBox: HTMLElement;
  /** Holds the table; collapsed it is hidden from sight only, never from screen readers. */
  readonly tableBox: HTMLElement;
  readonly tableToggle: HTMLButtonElement;
  readonly live: HTMLElement;
}

function part(doc: Document, tag: string, className: string): HTMLElement {
  const el = doc.createElement(tag);
  el.className = className;
  return el;
}

/** Shows or hides the table for sighted readers (it stays in the accessibility tree). */
export function setTableOpen(skeleton: ViewSkeleton, open: boolean): void {
  skeleton.tableBox.classList.toggle("is-collapsed", !open);
  skeleton.tableToggle.setAttribute("aria-pressed", String(open));
  skeleton.tableToggle.textContent = open ? "Hide the table of nodes" : "Show the nodes as a table";
}

/** Builds the focusable root (a fragment element for slides) and its empty parts. */
export function createSkeleton(
  doc: Document,
  options: { title?: string; speed?: number; tableOpen?: boolean },
): ViewSkeleton {
  const root = part(doc, "div", "graph-view");
  root.tabIndex = 0; // keys act on the focused graph only, so two graphs on a page never fight
  root.dataset.fragments = "";
  root.setAttribute("role", "group");
  root.setAttribute("aria-roledescription", "backpropagation stepper");
  root.setAttribute(
    "aria-label",
    `${options.title ?? "Computation graph"}: ← and → step through the computation, ↑ and ↓ move between nodes`,
  );

  const controls = createControls(doc, options.speed ?? 1);
  const status = part(doc, "p", "graph-status");
  const nudgeBox = part(doc, "div", "graph-nudge-box");
  nudgeBox.hidden = true;
  const canvas = part(doc, "div", "graph-canvas");
  const legend = part(doc, "div", "graph-key");
  legend.innerHTML = legendHtml();
  const equation = part(doc, "div", "graph-equation");
  const ledger = part(doc, "div", "graph-ledger");
  const panel = part(doc, "div", "graph-panel");
  panel.append(equation, ledger);

  const text = part(doc, "div", "graph-text");
  const tableToggle = part(doc, "button", "graph-table-toggle") as HTMLButtonElement;
  tableToggle.type = "button";
  const tableBox = part(doc, "div", "graph-table-box");
  text.append(tableToggle, tableBox);
  const live = part(doc, "p", "graph-live");
  live.setAttribute("aria-live", "polite");
  live.setAttribute("role", "status");
  root.append(controls.root, status, nudgeBox, canvas, legend, panel, text, live);
  const skeleton = {
    root,
    controls,
    canvas,
    equation,
    ledger,
    status,
    nudgeBox,
    tableBox,
    tableToggle,
    live,
  };
  setTableOpen(skeleton, options.tableOpen === true);
  return skeleton;
}
