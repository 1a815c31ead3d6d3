// What a graph view shows at each position: the granularities drawn so far (the layer graph
// and, on demand, its neurons), the stepper's state, and the drawing, table, equation and
// ledger brought up to it. The reader's inputs that drive it are GraphView's (view.ts).
import type { Tensor } from "../../tensor/index.ts";
import { canReplay, type NodeBox, stepAt } from "../model/index.ts";
import { describeStep, stepCaption } from "../render/index.ts";
import { syncControls } from "./controls.ts";
import { createEquationCache, type EquationCache } from "./equation-cache.ts";
import { PanelFit } from "./fit-panel.ts";
import { buildModel, mapPosition } from "./graph-model.ts";
import { NodeFocus } from "./node-focus.ts";
import { PanelWindow } from "./panel-window.ts";
import { ScrollFollow } from "./scroll-follow.ts";
import {
  initialStepper,
  type StepperAction,
  type StepperState,
  stepperReducer,
} from "./stepper.ts";
import { uniqueId } from "./unique-id.ts";
import { type Checkable, fillNudge, switchChecksOn } from "./view-checks.ts";
import { rememberPlace } from "./view-memory.ts";
import { MOTION_LIMIT, type ViewOptions, WIDE_ASPECT } from "./view-options.ts";
import { createPainter, type Painter } from "./view-painter.ts";
import { createSkeleton, type ViewSkeleton } from "./view-skeleton.ts";
import { WideFigure } from "./wide-figure.ts";

/** One granularity as drawn: the model, its painter, its typeset equations and checks. */
export interface Drawn extends Checkable {
  readonly painter: Painter;
  readonly equations: EquationCache;
  /** The equation box and the ledger box, each with the neighbours' content ready. */
  readonly windows: readonly [PanelWindow, PanelWindow];
}

/**
 * The drawing and the stepper of one graph view. Methods come in three groups: drawing
 * (`redraw`, `show`), the stepper (`dispatch`, `render`, `schedule`) and the reader's switches
 * as they take effect (`applyChecks`, `useNeurons`, `keepPlace`).
 */
export class StepperView {
  readonly root: HTMLElement;
  protected readonly doc: Document;
  protected readonly parts: ViewSkeleton;
  protected readonly prefix: string;
  protected readonly drawn = new Map<boolean, Drawn>();
  protected readonly layers: Drawn;
  protected current: Drawn;
  protected state: StepperState;
  /** The position the view shows (it lags `state` until a pending frame has run). */
  protected shownAt: number;
  /** A pending animation frame of `render`, or 0. */
  protected frame = 0;
  protected timer: ReturnType<typeof setTimeout> | undefined;
  protected viewBox = { x: 0, y: 0, width: 0 };
  protected readonly follow: ScrollFollow;
  protected readonly focus: NodeFocus;
  protected readonly wide: WideFigure;
  protected readonly panels: PanelFit;
  /** Which computation this is, for the view drawn in its place when the cell re-runs. */
  protected readonly signature: string;

  constructor(
    protected readonly result: Tensor,
    protected readonly options: ViewOptions,
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
  }

  protected alive(): boolean {
    return this.root.isConnected;
  }

  /** The key of a panel's content at `position` in the granularity shown. */
  protected panelKey(neurons: boolean, position: number): string {
    return `${neurons ? "n" : "l"}${position}`;
  }

  /** The layer graph (false) or the neuron graph (true), built and drawn on first use. */
  protected drawnFor(neurons: boolean): Drawn {
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
  protected refitPanels(): void {
    const key = this.panelKey(this.current.model.neurons, this.state.position);
    const [eq, led] = this.current.windows;
    if (eq.current) this.panels.fitIn(eq.current, key, this.parts.equation, true);
    if (led.current) this.panels.fitIn(led.current, key, this.parts.ledger, true);
  }

  /** Redraws the current granularity at `position` (a new drawing, or the checks changed). */
  protected redraw(position: number): void {
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
  protected show(from: number, position: number): void {
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
  protected currentBox(): NodeBox | undefined {
    const { model } = this.current;
    const step = stepAt(model.index, this.shownAt);
    return step ? model.layout.nodes.find((b) => b.id === step.node) : undefined;
  }

  /** Brings the toolbar (buttons, caption) up to the stepper's state. */
  protected sync(): void {
    const caption = stepCaption(this.current.model.index, this.state.position);
    syncControls(this.parts.controls, this.state, caption);
  }

  /** Arms the next tick while playing. */
  protected schedule(): void {
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
  protected dispatch(action: StepperAction, nextFrame = false): void {
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
  protected render(): void {
    if (this.frame !== 0) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.state.position !== this.shownAt) this.show(this.shownAt, this.state.position);
    this.sync();
    this.schedule();
  }

  /** A node's step: its gradient during the backward pass, else its value. */
  protected stepOfNode(id: string): number {
    const { index, trace } = this.current.model;
    const gradAt = index.gradAt.get(id) ?? Number.POSITIVE_INFINITY;
    const valueAt = index.valueAt.get(id) ?? 0;
    const backwardPhase = this.state.position > trace.forward.length;
    return (backwardPhase || valueAt === 0) && Number.isFinite(gradAt) ? gradAt : valueAt;
  }

  /** Turns the finite-difference check on or off for the granularity shown. */
  protected applyChecks(on: boolean): void {
    const { status, controls, root } = this.parts;
    status.textContent = "";
    const shown = on && switchChecksOn(this.current, status);
    controls.fdToggle.checked = shown;
    root.classList.toggle("show-fd", shown);
    this.redraw(this.state.position);
    this.show(this.state.position, this.state.position);
  }

  /** Switches between the layer graph and its neurons, at the corresponding step. */
  protected useNeurons(on: boolean): boolean {
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

  /**
   * Whether this view has taken up the place of the view drawn here before it. Until then it
   * keeps no place of its own: a step shown meanwhile (a resize redraws it at its start) would
   * overwrite the place it is about to take, and a view drawn over it in that time (a second
   * re-run) would start at step 0.
   */
  protected placeTaken = false;

  /** Hands this view's place on to a view drawn here next (the cell re-runs). */
  protected keepPlace(): void {
    if (!this.placeTaken) return;
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
}
