// graph.view(result): the computation graph with its stepper, equation panel, ledger, checks
// and text alternative, as one focusable element. The SVG is drawn once; a step change then
// rewrites only the class attributes, table rows and panels that the step touches.
import type { Tensor } from "../tensor/tensor.ts";
import { describeStep, stepCaption } from "./describe-step.ts";
import { equationHtml } from "./equation-panel.ts";
import { expandNeurons } from "./expand-neurons.ts";
import { formatValues } from "./format.ts";
import { finiteDifferences } from "./grad-check.ts";
import { type LayoutOptions, layoutGraph } from "./layout-graph.ts";
import { ledgerHtml } from "./ledger.ts";
import { createNudgePanel } from "./nudge-panel.ts";
import { type GradCheck, renderSvg } from "./render-svg.ts";
import { canReplay } from "./replay.ts";
import { edgeClass, indexSteps, nodeClass, stepAt, touchedBetween } from "./step-index.ts";
import {
  initialStepper,
  type StepperAction,
  type StepperState,
  stepperReducer,
} from "./stepper.ts";
import { actionForKey } from "./stepper-keys.ts";
import { textAlternativeHtml, textCells } from "./text-alternative.ts";
import { type TraceOptions, traceComputation } from "./trace.ts";
import type { TraceNode } from "./types.ts";
import { createSkeleton } from "./view-skeleton.ts";

/** Options for `graph.view`. */
export interface ViewOptions extends TraceOptions, LayoutOptions {
  /** Where the stepper starts: "start" (default), "forward" (forward pass done), "end", or a position. */
  start?: "start" | "forward" | "end" | number;
  /** Steps per second when playing (default 1). */
  speed?: number;
  /** Finite-difference check on from the start (default false). */
  check?: boolean;
  /** Nudge panel open from the start (default false). */
  nudge?: boolean;
  /** Accessible name of the widget (default "Computation graph"). */
  title?: string;
  /** Open the text alternative table (default false; it is always in the page for screen readers). */
  tableOpen?: boolean;
  /** Draw every neuron and weight as its own scalar node (small networks, ≤ 8 units per layer). */
  neurons?: boolean;
  /** The document to build in (default: the global one). */
  document?: Document;
}

/** Timelines up to this many positions get every equation typeset in idle time. */
const PRETYPESET_LIMIT = 400;

// Ids inside the SVG must be unique per page; a counter is the simplest unique source.
let instances = 0;

/**
 * Draws the graph of `result` with a stepper: → / ← step, Space plays, Home and End jump,
 * equations typeset per step. The element has `data-fragments`, so in slides → walks the steps
 * before the deck moves on.
 */
export function view(result: Tensor, options: ViewOptions = {}): HTMLElement {
  const doc = options.document ?? document;
  const computation = options.neurons
    ? traceComputation(expandNeurons(result, { names: options.names }), {
        ...options,
        names: undefined,
      })
    : traceComputation(result, options);
  const { trace } = computation;
  const layout = layoutGraph(trace, options);
  const index = indexSteps(trace);
  const byId = new Map(trace.nodes.map((n) => [n.id, n]));
  const lookup = (id: string): TraceNode => byId.get(id)!;
  const root0 = lookup(trace.output);
  const prefix = `graph${++instances}`;

  const { root, controls, canvas, equation, ledger, status, nudgeBox, tableBox, live } =
    createSkeleton(doc, options);

  let checks: ReadonlyMap<string, GradCheck> | undefined;
  let state: StepperState = initialStepper(index.count, options.speed ?? 1);
  let shown = 0;
  const nodeEls = new Map<string, Element>();
  const edgeEls = new Map<string, Element>();
  const rowEls = new Map<string, HTMLTableRowElement>();
  const equations = new Map<number, string>();

  function drawAll(): void {
    canvas.innerHTML = renderSvg(layout, { index, position: shown, checks, idPrefix: prefix });
    nodeEls.clear();
    edgeEls.clear();
    for (const el of canvas.querySelectorAll("[data-node]"))
      nodeEls.set(el.getAttribute("data-node")!, el);
    for (const el of canvas.querySelectorAll("[data-edge]"))
      edgeEls.set(el.getAttribute("data-edge")!, el);
    tableBox.innerHTML = textAlternativeHtml(index, shown, lookup);
    rowEls.clear();
    for (const row of tableBox.querySelectorAll<HTMLTableRowElement>("tr[data-node]")) {
      rowEls.set(row.dataset.node!, row);
    }
    // The table string already shows this position; only the check estimates need adding.
    if (checks) for (const id of rowEls.keys()) updateRow(id, shown);
  }

  function updateRow(id: string, position: number): void {
    const row = rowEls.get(id);
    if (!row) return;
    const c = textCells(index, lookup(id), position);
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
        ? ` (fd ${formatValues({ shape: [check.estimate.length], data: check.estimate }, 16)}${check.ok ? " ✓" : " ✗ mismatch"})`
        : "";
    row.querySelector(".value")!.textContent = c.value;
    row.querySelector(".grad")!.textContent = c.grad + fd;
  }

  function show(position: number): void {
    const touched = touchedBetween(index, shown, position);
    for (const id of touched.nodes) {
      nodeEls.get(id)?.setAttribute("class", nodeClass(index, id, position));
      updateRow(id, position);
    }
    for (const id of touched.edges)
      edgeEls.get(id)?.setAttribute("class", edgeClass(index, id, position));
    shown = position;
    equation.innerHTML = typesetAt(position);
    ledger.innerHTML = ledgerHtml(stepAt(index, position), root0, lookup);
    live.textContent = describeStep(index, position, lookup);
    root.dataset.position = String(position);
    typesetAhead();
    // At actual size a big graph scrolls: keep the current node in sight.
    const step = stepAt(index, position);
    if (controls.sizeToggle.checked && step) {
      nodeEls.get(step.node)?.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
  }

  function typesetAt(position: number): string {
    let eq = equations.get(position);
    if (eq === undefined) {
      eq = equationHtml(stepAt(index, position), stepCaption(index, position));
      equations.set(position, eq);
    }
    return eq;
  }

  // KaTeX takes a few milliseconds per equation: typeset the neighbouring steps while the
  // reader looks at this one, so a key press only swaps HTML.
  let idle = 0;
  function typesetAhead(): void {
    const later = (fn: (deadline?: IdleDeadline) => void): number =>
      typeof requestIdleCallback === "function"
        ? requestIdleCallback(fn)
        : (setTimeout(fn, 30) as unknown as number);
    const cancel = (id: number): void =>
      typeof cancelIdleCallback === "function" ? cancelIdleCallback(id) : clearTimeout(id);
    cancel(idle);
    idle = later((deadline) => {
      for (const p of [shown + 1, shown + 2, shown - 1]) {
        if (p >= 0 && p < index.count) typesetAt(p);
      }
      // Then, while the browser is idle, the rest of the steps in order from here (lecture-sized
      // graphs only: the typeset HTML of thousands of steps would be many megabytes).
      const all = index.count <= PRETYPESET_LIMIT;
      for (let k = 1; all && k < index.count && deadline && deadline.timeRemaining() > 4; k++) {
        const p = (shown + k) % index.count;
        if (!equations.has(p)) typesetAt(p);
      }
      if (all && deadline && equations.size < index.count && root.isConnected) typesetAhead();
    });
  }

  function syncControls(): void {
    const last = state.count - 1;
    controls.buttons.reset.disabled = state.position === 0;
    controls.buttons.prev.disabled = state.position === 0;
    controls.buttons.next.disabled = state.position === last;
    controls.buttons.end.disabled = state.position === last;
    controls.buttons.toggle.textContent = state.playing ? "⏸ Pause" : "▶ Play";
    controls.buttons.toggle.setAttribute("aria-pressed", String(state.playing));
    controls.position.textContent = `${stepCaption(index, state.position)} · step ${state.position} of ${last}`;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  function schedule(): void {
    clearTimeout(timer);
    timer = undefined;
    if (!state.playing) return;
    timer = setTimeout(() => {
      // A graph removed from the page (a re-run cell) stops playing.
      if (!root.isConnected) return dispatch({ type: "pause" });
      dispatch({ type: "tick" });
    }, 1000 / state.speed);
  }

  function dispatch(action: StepperAction): void {
    const next = stepperReducer(state, action);
    if (next === state) return;
    const moved = next.position !== state.position;
    state = next;
    if (moved) show(state.position);
    syncControls();
    schedule();
  }

  // Clicking a node jumps to its step: its gradient during the backward pass, else its value.
  canvas.addEventListener("click", (event) => {
    const id = (event.target as Element).closest("[data-node]")?.getAttribute("data-node");
    if (!id) return;
    const gradAt = index.gradAt.get(id) ?? Number.POSITIVE_INFINITY;
    const valueAt = index.valueAt.get(id) ?? 0;
    const backwardPhase = state.position > trace.forward.length;
    const target = (backwardPhase || valueAt === 0) && Number.isFinite(gradAt) ? gradAt : valueAt;
    dispatch({ type: "goto", position: target });
  });

  for (const [action, b] of Object.entries(controls.buttons)) {
    b.addEventListener("click", () =>
      dispatch({ type: action as StepperAction["type"] } as StepperAction),
    );
  }
  controls.speed.addEventListener("change", () =>
    dispatch({ type: "speed", speed: Number(controls.speed.value) }),
  );

  root.addEventListener("keydown", (event) => {
    const action = actionForKey(event.key, event, event.target as Element | null);
    if (!action) return;
    event.preventDefault(); // the page does not scroll, and a slide deck leaves the key to us
    dispatch(action);
  });

  // Slides: → and ← walk the steps; at either end the event goes through and the deck moves.
  root.addEventListener("fragment-next", (event) => {
    if (state.position < state.count - 1) {
      event.preventDefault();
      dispatch({ type: "next" });
    }
  });
  root.addEventListener("fragment-prev", (event) => {
    if (state.position > 0) {
      event.preventDefault();
      dispatch({ type: "prev" });
    }
  });

  const unreplayable = canReplay(computation);
  controls.fdToggle.addEventListener("change", () => {
    status.textContent = "";
    if (controls.fdToggle.checked) {
      try {
        if (unreplayable)
          throw new Error(`finite differences: the op "${unreplayable}" cannot be re-run here`);
        checks ??= finiteDifferences(computation);
        const bad = [...checks.entries()].filter(([, c]) => !c.ok).map(([id]) => lookup(id).label);
        status.textContent = bad.length
          ? `Finite differences disagree with the gradient at ${bad.join(", ")} (flagged ✗).`
          : `Finite differences agree with every gradient (${checks.size} nodes checked).`;
        root.classList.add("show-fd");
      } catch (error) {
        status.textContent = (error as Error).message;
        controls.fdToggle.checked = false;
        return;
      }
    } else {
      root.classList.remove("show-fd");
    }
    drawAll();
  });
  controls.sizeToggle.addEventListener("change", () => {
    canvas.classList.toggle("actual-size", controls.sizeToggle.checked);
  });
  controls.nudgeToggle.addEventListener("change", () => {
    if (controls.nudgeToggle.checked && !nudgeBox.firstChild) {
      nudgeBox.append(
        unreplayable
          ? Object.assign(doc.createElement("p"), {
              textContent: `Nudge: the op "${unreplayable}" cannot be re-run here.`,
            })
          : createNudgePanel(doc, computation),
      );
    }
    nudgeBox.hidden = !controls.nudgeToggle.checked;
  });

  const start = options.start ?? "start";
  const startAt =
    start === "start"
      ? 0
      : start === "forward"
        ? trace.forward.length
        : start === "end"
          ? index.count - 1
          : start;
  state = stepperReducer(state, { type: "goto", position: startAt });
  shown = state.position;
  drawAll();
  show(state.position);
  syncControls();
  if (options.check) {
    controls.fdToggle.checked = true;
    controls.fdToggle.dispatchEvent(new Event("change"));
  }
  if (options.nudge) {
    controls.nudgeToggle.checked = true;
    controls.nudgeToggle.dispatchEvent(new Event("change"));
  }
  return root;
}
