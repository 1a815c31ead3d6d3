// graph.view(result): the computation graph with its stepper, equation panel, ledger, checks
// and text alternative, as one focusable element. The SVG is drawn once; a step change then
// rewrites only the attributes, table rows and panels that the step touches (view-painter.ts).
// The view can switch between the layer graph and its neurons (graph-model.ts).
import type { Tensor } from "../../tensor/tensor.ts";
import type { LayoutOptions } from "../layout/layout-graph.ts";
import { canReplay } from "../model/replay.ts";
import { stepAt } from "../model/step-index.ts";
import type { TraceOptions } from "../model/trace.ts";
import type { NodeBox } from "../model/types.ts";
import { describeStep, stepCaption } from "../render/describe-step.ts";
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
import { recallPlace, rememberPlace, type ViewPlace, whenPlaced } from "./view-memory.ts";
import { createPainter, type Painter } from "./view-painter.ts";
import { createSkeleton, setTableOpen, type ViewSkeleton } from "./view-skeleton.ts";
import { warmTypesetter } from "./warm-typesetter.ts";
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
  return new GraphView(result, options).root;
}

/**
 * One graph view: its parts, the granularities drawn so far, and the stepper's state. Methods
 * come in three groups: drawing (`redraw`, `show`), the stepper (`dispatch`, `render`,
 * `schedule`) and the reader's switches (`applyChecks`, `useNeurons`, the listeners).
 */
class GraphView {
  readonly root: HTMLElement;
  private readonly doc: Document;
  private readonly parts: ViewSkeleton;
  private readonly prefix: string;
  private readonly drawn = new Map<boolean, Drawn>();
  private readonly layers: Drawn;
  private current: Drawn;
  private state: StepperState;
  /** The position the view shows (it lags `state` until a pending frame has run). */
  private shownAt: number;
  /** A pending animation frame of `render`, or 0. */
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private viewBox = { x: 0, y: 0, width: 0 };
  private readonly follow: ScrollFollow;
  private readonly focus: NodeFocus;
  private readonly wide: WideFigure;
  private readonly panels: PanelFit;
  /** Which computation this is, for the view drawn in its place when the cell re-runs. */
  private readonly signature: string;

  constructor(
    private readonly result: Tensor,
    private readonly options: ViewOptions,
  ) {
    this.doc = options.document ?? document;
    this.prefix = uniqueId(this.doc, "graph");
    this.parts = createSkeleton(this.doc, options);
    this.root = this.parts.root;
    const speed = options.speed !== undefined && options.speed > 0 ? options.speed : 1;
    const { canvas, equation, ledger } = this.parts;
    this.layers = this.drawnFor(false);
    this.current = this.layers;
    this.signature = this.layers.model.trace.nodes
      .map((n) => `${n.op}:${n.shape.join("x")}:${n.inputs.join("+")}`)
      .join(" ");
    this.state = initialStepper(this.layers.model.index.count, speed);
    this.shownAt = this.state.position;
    this.follow = new ScrollFollow(canvas);
    this.focus = new NodeFocus(canvas, {
      order: () => this.current.painter.order,
      node: (id) => this.current.painter.node(id),
      activate: (id) => this.dispatch({ type: "goto", position: this.stepOfNode(id) }),
    });
    this.wide = new WideFigure(this.root, this.layers.model.layout.width);
    this.panels = new PanelFit(this.root, [equation, ledger], () => this.refitPanels());
    this.listenToStepper();
    this.listenToSwitches();
    this.start(speed);
  }

  private alive(): boolean {
    return this.root.isConnected;
  }

  /** The key of a panel's content at `position` in the granularity shown. */
  private panelKey(neurons: boolean, position: number): string {
    return `${neurons ? "n" : "l"}${position}`;
  }

  /** The layer graph (false) or the neuron graph (true), built and drawn on first use. */
  private drawnFor(neurons: boolean): Drawn {
    const known = this.drawn.get(neurons);
    if (known) return known;
    const { canvas, tableBox, equation, ledger } = this.parts;
    const model = buildModel(this.result, this.options, neurons);
    // Placeholders typeset once KaTeX is here: the panels refit and the neighbours get built.
    const equations = createEquationCache(this.doc, model, () => {
      if (this.current.equations === equations && this.alive())
        this.show(this.shownAt, this.state.position);
    });
    // Neighbours are fitted ahead of time on a slide.
    const windowOf = (box: HTMLElement, pick: "equation" | "ledger"): PanelWindow =>
      new PanelWindow(
        box,
        (p) => equations.at(p)[pick],
        (el, p) => this.panels.fitIn(el, this.panelKey(neurons, p), box),
      );
    const d: Drawn = {
      model,
      painter: createPainter(model, canvas, tableBox, `${this.prefix}${neurons ? "n" : ""}`),
      equations,
      windows: [windowOf(equation, "equation"), windowOf(ledger, "ledger")],
      unreplayable: canReplay(model.computation),
    };
    this.drawn.set(neurons, d);
    return d;
  }

  /** Fits the equation and ledger shown into their boxes (on a slide). */
  private refitPanels(): void {
    const key = this.panelKey(this.current.model.neurons, this.state.position);
    const [eq, led] = this.current.windows;
    if (eq.current) this.panels.fitIn(eq.current, key, this.parts.equation);
    if (led.current) this.panels.fitIn(led.current, key, this.parts.ledger);
  }

  /** Redraws the current granularity at `position` (a new drawing, or the checks changed). */
  private redraw(position: number): void {
    const { root, canvas } = this.parts;
    const { model, painter } = this.current;
    painter.draw(position, root.classList.contains("show-fd") ? this.current.checks : undefined);
    const svg = canvas.querySelector("svg");
    this.follow.watch(svg);
    const [x = 0, y = 0, w = 0, h = 0] = (svg?.getAttribute("viewBox") ?? "")
      .split(" ")
      .map(Number);
    root.style.setProperty("--graph-w", `${w}px`);
    root.style.setProperty("--graph-h", `${h}px`);
    root.style.setProperty("--graph-aspect", (w / Math.max(1, h)).toFixed(3));
    root.dataset.shape = w / Math.max(1, h) >= WIDE_ASPECT ? "wide" : "tall";
    root.dataset.neurons = String(model.neurons);
    root.classList.toggle("is-still", model.layout.nodes.length > MOTION_LIMIT);
    this.viewBox = { x, y, width: w };
    this.wide.setWant(w);
    this.focus.reset(stepAt(model.index, position)?.node ?? null);
  }

  /** Shows `position`, coming from `from`: drawing, table, equation, ledger, announcement. */
  private show(from: number, position: number): void {
    const { model, painter, equations, windows } = this.current;
    const { live, root } = this.parts;
    this.shownAt = position;
    painter.show(from, position);
    const step = stepAt(model.index, position);
    for (const w of windows) w.show(position);
    const said = describeStep(model.index, position, model.lookup);
    if (live.textContent !== said) live.textContent = said; // a refresh is not announced again
    root.dataset.position = String(position);
    this.keepPlace();
    equations.ahead(
      position,
      () => this.alive(),
      () => {
        for (const w of windows) w.prepare(position, model.index.count);
      },
    );
    this.panels.fit();
    if (!step) return;
    if (!this.focus.active) this.focus.setTabbable(step.node);
    const box = this.currentBox();
    if (box) this.follow.follow(box, this.viewBox);
  }

  /** The layout box of the node the current step is about. */
  private currentBox(): NodeBox | undefined {
    const { model } = this.current;
    const step = stepAt(model.index, this.shownAt);
    return step ? model.layout.nodes.find((b) => b.id === step.node) : undefined;
  }

  /** Brings the toolbar (buttons, caption) up to the stepper's state. */
  private sync(): void {
    const caption = stepCaption(this.current.model.index, this.state.position);
    syncControls(this.parts.controls, this.state, caption);
  }

  /** Arms the next tick while playing. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.state.playing) return;
    this.timer = setTimeout(() => {
      // A graph removed from the page (a re-run cell) stops playing.
      if (!this.alive()) return this.dispatch({ type: "pause" });
      this.dispatch({ type: "tick" });
    }, 1000 / this.state.speed);
  }

  /**
   * Applies `action`. With `nextFrame` (a held key's repeats) the view catches up once per
   * frame: repeats that come faster than the steps can be typeset then skip the steps between
   * instead of queueing, so the view stops when the key is let go.
   */
  private dispatch(action: StepperAction, nextFrame = false): void {
    const next = stepperReducer(this.state, action);
    if (next === this.state) return;
    this.state = next;
    const win = this.doc.defaultView;
    if (nextFrame && win) {
      if (this.frame === 0) this.frame = win.requestAnimationFrame(() => this.render());
      return;
    }
    this.render();
  }

  /** Brings the view up to the stepper's state. */
  private render(): void {
    if (this.frame !== 0) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.state.position !== this.shownAt) this.show(this.shownAt, this.state.position);
    this.sync();
    this.schedule();
  }

  /** A node's step: its gradient during the backward pass, else its value. */
  private stepOfNode(id: string): number {
    const { index, trace } = this.current.model;
    const gradAt = index.gradAt.get(id) ?? Number.POSITIVE_INFINITY;
    const valueAt = index.valueAt.get(id) ?? 0;
    const backwardPhase = this.state.position > trace.forward.length;
    return (backwardPhase || valueAt === 0) && Number.isFinite(gradAt) ? gradAt : valueAt;
  }

  /** Clicks on nodes and buttons, the keys, and a slide deck's fragment events. */
  private listenToStepper(): void {
    const { root, canvas, controls } = this.parts;
    canvas.addEventListener("click", (event) => {
      const id = nodeIdOf(event.target);
      if (id) this.dispatch({ type: "goto", position: this.stepOfNode(id) });
    });
    for (const [action, b] of Object.entries(controls.buttons)) {
      b.addEventListener("click", () =>
        this.dispatch({ type: action as StepperAction["type"] } as StepperAction),
      );
    }
    controls.speed.addEventListener("change", () =>
      this.dispatch({ type: "speed", speed: Number(controls.speed.value) }),
    );
    root.addEventListener("keydown", (event) => this.onKey(event));
    // Slides: → and ← walk the steps; at either end the event goes through and the deck moves.
    root.addEventListener("fragment-next", (event) => {
      if (this.state.position < this.state.count - 1) {
        event.preventDefault();
        this.dispatch({ type: "next" });
      }
    });
    root.addEventListener("fragment-prev", (event) => {
      if (this.state.position > 0) {
        event.preventDefault();
        this.dispatch({ type: "prev" });
      }
    });
  }

  private onKey(event: KeyboardEvent): void {
    if (event.defaultPrevented) return; // a node took Enter or Space
    const action = actionForKey(event.key, event, event.target as Element | null);
    if (!action) return;
    event.preventDefault(); // the page does not scroll, and a slide deck leaves the key to us
    this.dispatch(action, event.repeat && (action.type === "next" || action.type === "prev"));
  }

  /** The checkboxes and the table button. */
  private listenToSwitches(): void {
    const { controls, canvas, nudgeBox, tableToggle } = this.parts;
    controls.fdToggle.addEventListener("change", () => this.applyChecks(controls.fdToggle.checked));
    controls.sizeToggle.addEventListener("change", () => {
      canvas.classList.toggle("actual-size", controls.sizeToggle.checked);
      // Either way the current step stays in sight.
      const box = this.currentBox();
      if (box) this.follow.reveal(box, this.viewBox);
      this.keepPlace();
    });
    controls.nudgeToggle.addEventListener("change", () => {
      if (controls.nudgeToggle.checked && !nudgeBox.firstChild)
        fillNudge(this.doc, nudgeBox, this.current);
      nudgeBox.hidden = !controls.nudgeToggle.checked;
      this.keepPlace();
    });
    tableToggle.addEventListener("click", () => {
      this.current.painter.settleTable();
      setTableOpen(this.parts, tableToggle.getAttribute("aria-pressed") !== "true");
    });
    controls.neuronsToggle
      .closest("label")
      ?.toggleAttribute("hidden", !neuronsApply(this.layers.model.trace));
    controls.neuronsToggle.addEventListener("change", () => {
      clearTimeout(this.timer);
      if (!this.useNeurons(controls.neuronsToggle.checked)) controls.neuronsToggle.checked = false;
    });
  }

  /** Turns the finite-difference check on or off for the granularity shown. */
  private applyChecks(on: boolean): void {
    const { status, controls, root } = this.parts;
    status.textContent = "";
    const shown = on && switchChecksOn(this.current, status);
    controls.fdToggle.checked = shown;
    root.classList.toggle("show-fd", shown);
    this.redraw(this.state.position);
    this.show(this.state.position, this.state.position);
  }

  /** Switches between the layer graph and its neurons, at the corresponding step. */
  private useNeurons(on: boolean): boolean {
    const { status, controls, nudgeBox } = this.parts;
    if (on === this.current.model.neurons) return true;
    let next: Drawn;
    try {
      next = this.drawnFor(on);
    } catch (error) {
      status.textContent = (error as Error).message;
      return false;
    }
    const position = mapPosition(this.current.model.index, next.model.index, this.state.position);
    this.current.equations.cancel();
    for (const w of this.current.windows) w.clear();
    this.current = next;
    this.state = { ...initialStepper(next.model.index.count, this.state.speed), position };
    if (controls.fdToggle.checked) this.applyChecks(true);
    else {
      this.redraw(position);
      this.show(position, position);
    }
    this.sync();
    if (controls.nudgeToggle.checked) fillNudge(this.doc, nudgeBox, this.current);
    else nudgeBox.replaceChildren();
    return true;
  }

  /** Hands this view's place on to a view drawn here next (the cell re-runs). */
  private keepPlace(): void {
    const { controls } = this.parts;
    rememberPlace(this.root, {
      signature: this.signature,
      position: this.state.position,
      neurons: this.current.model.neurons,
      check: controls.fdToggle.checked,
      nudge: controls.nudgeToggle.checked,
      actualSize: controls.sizeToggle.checked,
    });
  }

  /**
   * Takes up the place of the view drawn here before, if it drew the same computation: the
   * same step on the new numbers, with the same switches on.
   */
  private adoptPlace(): void {
    const place = recallPlace(this.root, this.signature);
    if (place) this.takePlace(place);
    this.keepPlace();
  }

  private takePlace(place: ViewPlace): void {
    const { controls } = this.parts;
    const flip = (box: HTMLInputElement, on: boolean): void => {
      if (box.checked === on) return;
      box.checked = on;
      box.dispatchEvent(new Event("change"));
    };
    flip(controls.neuronsToggle, place.neurons);
    flip(controls.fdToggle, place.check);
    flip(controls.nudgeToggle, place.nudge);
    flip(controls.sizeToggle, place.actualSize);
    this.dispatch({ type: "goto", position: place.position });
  }

  /** The first drawing, at the options' granularity, start and checks. */
  private start(speed: number): void {
    const { options } = this;
    const { controls, status } = this.parts;
    if (options.neurons) {
      controls.neuronsToggle.checked = true;
      try {
        this.current = this.drawnFor(true);
        this.state = initialStepper(this.current.model.index.count, speed);
      } catch (error) {
        status.textContent = (error as Error).message; // the layer graph instead, and why
        controls.neuronsToggle.checked = false;
      }
    }
    this.state = stepperReducer(this.state, {
      type: "goto",
      position: startPosition(this.current.model, options.start ?? "start"),
    });
    this.redraw(this.state.position);
    this.show(this.state.position, this.state.position);
    if (options.tableOpen) this.current.painter.settleTable(); // in sight: not left for idle time
    this.sync();
    if (options.check) this.applyChecks(true);
    if (options.nudge) {
      controls.nudgeToggle.checked = true;
      controls.nudgeToggle.dispatchEvent(new Event("change"));
    }
    whenPlaced(this.root, () => this.adoptPlace());
    warmTypesetter(this.root, () => {
      if (this.alive()) this.show(this.shownAt, this.state.position); // now the neighbours can be built
    });
  }
}
