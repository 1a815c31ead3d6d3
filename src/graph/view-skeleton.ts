// The elements of a graph view, built empty: toolbar, drawing, equation and ledger panels,
// check status, nudge box, text alternative and the aria-live region. view.ts fills them.
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
  readonly tableBox: HTMLElement;
  readonly live: HTMLElement;
}

function part(doc: Document, tag: string, className: string): HTMLElement {
  const el = doc.createElement(tag);
  el.className = className;
  return el;
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
    `${options.title ?? "Computation graph"}: ← and → step through the computation`,
  );

  const controls = createControls(doc, options.speed ?? 1);
  const canvas = part(doc, "div", "graph-canvas");
  const equation = part(doc, "div", "graph-equation");
  const ledger = part(doc, "div", "graph-ledger");
  const panel = part(doc, "div", "graph-panel");
  panel.append(equation, ledger);
  const body = part(doc, "div", "graph-body");
  body.append(canvas, panel);
  const status = part(doc, "p", "graph-status");
  const nudgeBox = part(doc, "div", "graph-nudge-box");
  nudgeBox.hidden = true;
  const details = part(doc, "details", "graph-text") as HTMLDetailsElement;
  details.open = options.tableOpen === true;
  const summary = doc.createElement("summary");
  summary.textContent = "Text alternative: the nodes as a table";
  const tableBox = doc.createElement("div");
  details.append(summary, tableBox);
  const live = part(doc, "p", "graph-live");
  live.setAttribute("aria-live", "polite");
  live.setAttribute("role", "status");
  root.append(controls.root, body, status, nudgeBox, details, live);
  return { root, controls, canvas, equation, ledger, status, nudgeBox, tableBox, live };
}
