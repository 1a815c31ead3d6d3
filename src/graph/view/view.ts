// graph.view(result): the computation graph with its stepper, equation panel, ledger, checks
// and text alternative, as one focusable element. The SVG is drawn once; a step change then
// rewrites only the attributes, table rows and panels that the step touches (view-painter.ts).
// The view can switch between the layer graph and its neurons (graph-model.ts). This file holds
// the reader's side: clicks, keys, switches and the place kept across re-runs; what is shown at
// each step is StepperView's (stepper-view.ts).
import type { Tensor } from "../../tensor/index.ts";
import { neuronsApply, startPosition } from "./graph-model.ts";
import { nodeIdOf } from "./node-focus.ts";
import { initialStepper, type StepperAction, stepperReducer } from "./stepper.ts";
import { actionForKey } from "./stepper-keys.ts";
import { StepperView } from "./stepper-view.ts";
import { fillNudge } from "./view-checks.ts";
import { recallPlace, type ViewPlace, whenPlaced } from "./view-memory.ts";
import type { ViewOptions } from "./view-options.ts";
import { setTableOpen } from "./view-skeleton.ts";
import { warmTypesetter } from "./warm-typesetter.ts";

/**
 * Draws the graph of `result` with a stepper: → / ← step, Space plays, Home and End jump,
 * equations typeset per step. The element has `data-fragments`, so in slides → walks the steps
 * before the deck moves on.
 */
export function view(result: Tensor, options: ViewOptions = {}): HTMLElement {
  return new GraphView(result, options).root;
}

/** One graph view: the drawing and stepper of StepperView, driven by the reader's inputs. */
class GraphView extends StepperView {
  constructor(result: Tensor, options: ViewOptions) {
    super(result, options);
    this.listenToStepper();
    this.listenToSwitches();
    this.start(this.state.speed);
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

  /**
   * Takes up the place of the view drawn here before, if it drew the same computation: the
   * same step on the new numbers, with the same switches on.
   */
  private adoptPlace(): void {
    this.placeTaken = true;
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
