// graph.view(result): the computation graph with its stepper, equation panel, ledger, checks
// and text alternative, as one focusable element. The SVG is drawn once; a step change then
// rewrites only the attributes, table rows and panels that the step touches (view-painter.ts).
// The view can switch between the layer graph and its neurons (graph-model.ts).
import type { Tensor } from "../../tensor/tensor.ts";
import type { LayoutOptions } from "../layout/layout-graph.ts";
import { canReplay } from "../model/replay.ts";
import { stepAt } from "../model/step-index.ts";
import type { TraceOptions } from "../model/trace.ts";
import { describeStep, stepCaption } from "../render/describe-step.ts";
import { loadKatex } from "../tex/katex-loader.ts";
import { syncControls } from "./controls.ts";
import { createEquationCache, type EquationCache } from "./equation-cache.ts";
import { PanelFit } from "./fit-panel.ts";
import { buildModel, mapPosition, neuronsApply, startPosition } from "./graph-model.ts";
import { NodeFocus, nodeIdOf } from "./node-focus.ts";
import { PanelWindow } from "./panel-window.ts";
import { ScrollFollow } from "./scroll-follow.ts";
import {
  initialStepper,
  type StepperAction,
  type StepperState,
  stepperReducer,
} from "./stepper.ts";
import { actionForKey } from "./stepper-keys.ts";
import { uniqueId } from "./unique-id.ts";
import { type Checkable, fillNudge, switchChecksOn } from "./view-checks.ts";
import { createPainter, type Painter } from "./view-painter.ts";
import { createSkeleton, setTableOpen } from "./view-skeleton.ts";
import { WideFigure } from "./wide-figure.ts";

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
  /** Show the text alternative table (default false; screen readers always have it). */
  tableOpen?: boolean;
  /** Draw every neuron and weight as its own scalar node (small networks, ≤ 8 units per layer). */
  neurons?: boolean;
  /** The document to build in (default: the global one). */
  document?: Document;
}

/**
 * Graphs at least this much wider than tall put the panels under the drawing on a slide; the
 * others beside it. Where the two layouts of graph.css draw a graph equally large: under, the
 * drawing gets the view's width and 38% of its height; beside, 56% of its width and nearly all
 * its height, so they break even at 0.56 W / 0.38 H, about 3 for a stepper's 1104 × 550 px.
 */
const WIDE_ASPECT = 3;
/**
 * Drawings with more nodes than this hold still: no fades, no flowing dashes (graph.css,
 * `.is-still`). Each frame of motion repaints the whole drawing, about 0.025 ms a node here, so
 * on a 1,000-node graph the page was never idle while it lasted, and the next steps' equations,
 * built in idle time, were typeset on the key press instead (two or three frames a step).
 */
export const MOTION_LIMIT = 400;

/** One granularity as drawn: the model, its painter, its typeset equations and checks. */
interface Drawn extends Checkable {
  readonly painter: Painter;
  readonly equations: EquationCache;
  /** The equation box and the ledger box, each with the neighbours' content ready. */
  readonly windows: readonly [PanelWindow, PanelWindow];
}

/**
 * Draws the graph of `result` with a stepper: → / ← step, Space plays, Home and End jump,
 * equations typeset per step. The element has `data-fragments`, so in slides → walks the steps
 * before the deck moves on.
 */
export function view(result: Tensor, options: ViewOptions = {}): HTMLElement {
  const doc = options.document ?? document;
  const prefix = uniqueId(doc, "graph");
  const parts = createSkeleton(doc, options);
  const { root, controls, canvas, equation, ledger, status, nudgeBox, tableBox, live } = parts;
  const speed = options.speed !== undefined && options.speed > 0 ? options.speed : 1;

  const drawn = new Map<boolean, Drawn>();
  const drawnFor = (neurons: boolean): Drawn => {
    const known = drawn.get(neurons);
    if (known) return known;
    const model = buildModel(result, options, neurons);
    // Placeholders typeset once KaTeX is here: the panels refit and the neighbours get built.
    const equations = createEquationCache(doc, model, () => {
      if (current.equations === equations && alive()) show(shownAt, state.position);
    });
    const key = (p: number): string => `${neurons ? "n" : "l"}${p}`;
    // Neighbours are fitted ahead of time on a slide (`panels` exists by the time it runs).
    const windowOf = (box: HTMLElement, pick: "equation" | "ledger"): PanelWindow =>
      new PanelWindow(
        box,
        (p) => equations.at(p)[pick],
        (el, p) => panels.fitIn(el, key(p), box),
      );
    const d: Drawn = {
      model,
      painter: createPainter(model, canvas, tableBox, `${prefix}${neurons ? "n" : ""}`),
      equations,
      windows: [windowOf(equation, "equation"), windowOf(ledger, "ledger")],
      unreplayable: canReplay(model.computation),
    };
    drawn.set(neurons, d);
    return d;
  };

  const layers = drawnFor(false);
  let current = layers;
  let state: StepperState = initialStepper(layers.model.index.count, speed);
  let viewBox = { x: 0, y: 0, width: 0 };
  const follow = new ScrollFollow(canvas);
  const focus = new NodeFocus(canvas, {
    order: () => current.painter.order,
    node: (id) => current.painter.node(id),
    activate: (id) => dispatch({ type: "goto", position: stepOfNode(id) }),
  });
  const wide = new WideFigure(root, layers.model.layout.width);
  const panels = new PanelFit(root, [equation, ledger], () => {
    const key = `${current.model.neurons ? "n" : "l"}${state.position}`;
    const [eq, led] = current.windows;
    if (eq.current) panels.fitIn(eq.current, key, equation);
    if (led.current) panels.fitIn(led.current, key, ledger);
  });
  const alive = (): boolean => root.isConnected;

  /** Redraws the current granularity at `position` (a new drawing, or the checks changed). */
  function redraw(position: number): void {
    const { model, painter } = current;
    painter.draw(position, root.classList.contains("show-fd") ? current.checks : undefined);
    const svg = canvas.querySelector("svg");
    follow.watch(svg);
    const [x = 0, y = 0, w = 0, h = 0] = (svg?.getAttribute("viewBox") ?? "")
      .split(" ")
      .map(Number);
    root.style.setProperty("--graph-w", `${w}px`);
    root.style.setProperty("--graph-h", `${h}px`);
    root.style.setProperty("--graph-aspect", (w / Math.max(1, h)).toFixed(3));
    root.dataset.shape = w / Math.max(1, h) >= WIDE_ASPECT ? "wide" : "tall";
    root.dataset.neurons = String(model.neurons);
    root.classList.toggle("is-still", model.layout.nodes.length > MOTION_LIMIT);
    viewBox = { x, y, width: w };
    wide.setWant(w);
    focus.reset(stepAt(model.index, position)?.node ?? null);
  }

  /** Shows `position`, coming from `from`: drawing, table, equation, ledger, announcement. */
  function show(from: number, position: number): void {
    const { model, painter, equations } = current;
    shownAt = position;
    painter.show(from, position);
    const step = stepAt(model.index, position);
    const { windows } = current;
    for (const w of windows) w.show(position);
    const said = describeStep(model.index, position, model.lookup);
    if (live.textContent !== said) live.textContent = said; // a refresh is not announced again
    root.dataset.position = String(position);
    equations.ahead(position, alive, () => {
      for (const w of windows) w.prepare(position, model.index.count);
    });
    panels.fit();
    if (!step) return;
    if (!focus.active) focus.setTabbable(step.node);
    const box = model.layout.nodes.find((b) => b.id === step.node);
    if (box) follow.follow(box, viewBox);
  }

  const sync = (): void =>
    syncControls(controls, state, stepCaption(current.model.index, state.position));

  /** The position the view shows (it lags `state` until a pending frame has run). */
  let shownAt = state.position;
  /** A pending animation frame of `render`, or 0. */
  let frame = 0;
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

  /**
   * Applies `action`. With `nextFrame` (a held key's repeats) the view catches up once per
   * frame: repeats that come faster than the steps can be typeset then skip the steps between
   * instead of queueing, so the view stops when the key is let go.
   */
  function dispatch(action: StepperAction, nextFrame = false): void {
    const next = stepperReducer(state, action);
    if (next === state) return;
    state = next;
    const win = doc.defaultView;
    if (nextFrame && win) {
      if (frame === 0) frame = win.requestAnimationFrame(render);
      return;
    }
    render();
  }
  /** Brings the view up to the stepper's state. */
  function render(): void {
    if (frame !== 0) doc.defaultView?.cancelAnimationFrame(frame);
    frame = 0;
    if (state.position !== shownAt) show(shownAt, state.position);
    sync();
    schedule();
  }

  /** A node's step: its gradient during the backward pass, else its value. */
  function stepOfNode(id: string): number {
    const { index, trace } = current.model;
    const gradAt = index.gradAt.get(id) ?? Number.POSITIVE_INFINITY;
    const valueAt = index.valueAt.get(id) ?? 0;
    const backwardPhase = state.position > trace.forward.length;
    return (backwardPhase || valueAt === 0) && Number.isFinite(gradAt) ? gradAt : valueAt;
  }

  canvas.addEventListener("click", (event) => {
    const id = nodeIdOf(event.target);
    if (id) dispatch({ type: "goto", position: stepOfNode(id) });
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
    if (event.defaultPrevented) return; // a node took Enter or Space
    const action = actionForKey(event.key, event, event.target as Element | null);
    if (!action) return;
    event.preventDefault(); // the page does not scroll, and a slide deck leaves the key to us
    dispatch(action, event.repeat && (action.type === "next" || action.type === "prev"));
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

  /** Turns the finite-difference check on or off for the granularity shown. */
  function applyChecks(on: boolean): void {
    status.textContent = "";
    const shown = on && switchChecksOn(current, status);
    controls.fdToggle.checked = shown;
    root.classList.toggle("show-fd", shown);
    redraw(state.position);
    show(state.position, state.position);
  }
  controls.fdToggle.addEventListener("change", () => applyChecks(controls.fdToggle.checked));
  controls.sizeToggle.addEventListener("change", () => {
    canvas.classList.toggle("actual-size", controls.sizeToggle.checked);
  });
  controls.nudgeToggle.addEventListener("change", () => {
    if (controls.nudgeToggle.checked && !nudgeBox.firstChild) fillNudge(doc, nudgeBox, current);
    nudgeBox.hidden = !controls.nudgeToggle.checked;
  });
  parts.tableToggle.addEventListener("click", () => {
    current.painter.settleTable();
    setTableOpen(parts, parts.tableToggle.getAttribute("aria-pressed") !== "true");
  });

  /** Switches between the layer graph and its neurons, at the corresponding step. */
  function useNeurons(on: boolean): boolean {
    if (on === current.model.neurons) return true;
    let next: Drawn;
    try {
      next = drawnFor(on);
    } catch (error) {
      status.textContent = (error as Error).message;
      return false;
    }
    const position = mapPosition(current.model.index, next.model.index, state.position);
    current.equations.cancel();
    for (const w of current.windows) w.clear();
    current = next;
    state = { ...initialStepper(next.model.index.count, state.speed), position };
    if (controls.fdToggle.checked) applyChecks(true);
    else {
      redraw(position);
      show(position, position);
    }
    sync();
    if (controls.nudgeToggle.checked) fillNudge(doc, nudgeBox, current);
    else nudgeBox.replaceChildren();
    return true;
  }
  controls.neuronsToggle
    .closest("label")
    ?.toggleAttribute("hidden", !neuronsApply(layers.model.trace));
  controls.neuronsToggle.addEventListener("change", () => {
    clearTimeout(timer);
    if (!useNeurons(controls.neuronsToggle.checked)) controls.neuronsToggle.checked = false;
  });

  if (options.neurons) {
    controls.neuronsToggle.checked = true;
    try {
      current = drawnFor(true);
      state = initialStepper(current.model.index.count, speed);
    } catch (error) {
      status.textContent = (error as Error).message; // the layer graph instead, and why
      controls.neuronsToggle.checked = false;
    }
  }
  state = stepperReducer(state, {
    type: "goto",
    position: startPosition(current.model, options.start ?? "start"),
  });
  redraw(state.position);
  show(state.position, state.position);
  if (options.tableOpen) current.painter.settleTable(); // in sight: not left for idle time
  sync();
  if (options.check) applyChecks(true);
  if (options.nudge) {
    controls.nudgeToggle.checked = true;
    controls.nudgeToggle.dispatchEvent(new Event("change"));
  }
  warmTypesetter(root, () => {
    if (alive()) show(shownAt, state.position); // now the neighbours can be built
  });
  return root;
}

/**
 * Fetches KaTeX once the view is on screen, or a pointer or the focus reaches it — well before
 * the first step needs an equation — and then calls `ready`. A graph far down a page costs its
 * reader nothing until they get there.
 */
function warmTypesetter(root: HTMLElement, ready: () => void): void {
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    observer?.disconnect();
    loadKatex().then(ready, () => {}); // a failure shows in the panel, step by step
  };
  for (const type of ["pointerenter", "focusin", "touchstart"]) {
    root.addEventListener(type, start, { once: true, passive: true });
  }
  const Observer = root.ownerDocument.defaultView?.IntersectionObserver;
  const observer = Observer
    ? new Observer((entries) => {
        if (entries.some((e) => e.isIntersecting)) start();
      })
    : null;
  observer?.observe(root);
}
