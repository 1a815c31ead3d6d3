// A live training demo for a cell: a few optimiser steps per animation frame, run only while the
// demo can be seen — on its slide in the deck, or on screen while reading — and never while
// paused, finished or out of view (no frames are requested then, so an idle page does no work).
// It brings its own controls (play/pause, start over, speed in steps per frame) and speaks the
// deck's mirroring protocol (demo-events.ts), so the presenter window shows the projector's run.
import {
  DEMO_ATTRIBUTE,
  DEMO_MIRROR,
  DEMO_REPORT,
  DEMO_STATE,
  type DemoSnapshot,
  FOLLOW_ATTRIBUTE,
} from "./demo-events.ts";
import {
  adaptBudget,
  type DemoSpeed,
  FIRST_BUDGET,
  type FrameBudget,
  framePeriod,
  MIN_BUDGET_MS,
  parseSpeed,
  runFrame,
  SPEEDS,
  speedLabel,
} from "./demo-speed.ts";

/** Options of `demo.train`; only `step` is required. */
export interface TrainOptions<S = unknown> {
  /** One training step (of every network the demo trains). */
  step(): void;
  /** Shows the current state: redraw plots. Called once per frame, and after a mirror update. */
  draw?(): void;
  /** The status line (default "Step N"). */
  status?(steps: number): string;
  /** True when training is over (a step budget reached, a loss no longer finite). */
  done?(steps: number): boolean;
  /** Plain data the presenter window needs to show the same run (parameters, losses). */
  save?(): S;
  /** Shows state saved by `save()` in the other window. */
  load?(state: S): void;
  /** Puts the networks back to their start; adds a "Start over" button. */
  reset?(): void;
  /** Steps per animation frame at first, or "max" (default 1). */
  speed?: DemoSpeed;
  /** What must be on screen for training to run (default the controls themselves). */
  watch?: Element | readonly Element[];
  /** The cell's `invalidation`: the demo stops for good when it resolves. */
  invalidation?: Promise<unknown>;
  /** Names the controls for screen readers (default "Training"). */
  label?: string;
}

/** What the controls show: the play button's text, disabled and pressed state; the status. */
interface ControlsShown {
  readonly play: string;
  readonly over: boolean;
  /** The run reached its end (marked `data-finished` on the controls for the printed page). */
  readonly finished: boolean;
  readonly pressed: string;
  readonly status: string;
}

/** A running demo: its controls element (display it) and a few handles for code. */
export class TrainDemo<S = unknown> {
  /** The controls: play/pause, start over, speed menu and status line. */
  readonly element: HTMLElement;
  private readonly playButton: HTMLButtonElement;
  private readonly speedSelect: HTMLSelectElement;
  private readonly statusText: HTMLElement;
  /** The status line's text, changed in place: a new text node each frame would restyle the slide. */
  private readonly statusNode: Text;
  /** What the controls show now, so a frame writes to the page only what changed. */
  private shown: ControlsShown = {
    play: "",
    over: false,
    finished: false,
    pressed: "",
    status: "",
  };
  private stepsTaken = 0;
  private playing = true;
  private finished = false;
  private stopped = false;
  private visible = false;
  private frame = 0;
  private failure: string | null = null;
  /** Draw on every n-th frame: raised while frames run late (a slow plot), lowered after. */
  private drawEvery = 1;
  private frames = 0;
  private lastFrame = 0;
  private onTimeFrames = 0;
  /** Milliseconds of training per frame at "max", adapted to how long frames take. */
  private budget: FrameBudget = FIRST_BUDGET;
  /** The display's frame time, learnt from the frames (60 Hz until then). */
  private period = 1000 / 60;
  private readonly observer: IntersectionObserver | null = null;
  private readonly followWatch: MutationObserver | null = null;
  private readonly doc: Document;

  constructor(private readonly options: TrainOptions<S>) {
    if (typeof options?.step !== "function") {
      throw new TypeError(
        "demo.train: expected options with a step() function, e.g. demo.train({ step: () => fits.forEach(trainStep) })",
      );
    }
    this.doc = document;
    const doc = this.doc;
    // A reader who asked for reduced motion starts the training (and its moving plot) with Play.
    this.playing = !doc.defaultView?.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    const root = doc.createElement("div");
    root.className = "demo-controls";
    root.setAttribute(DEMO_ATTRIBUTE, "train");
    root.setAttribute("role", "group");
    root.setAttribute("aria-label", options.label ?? "Training");
    this.element = root;

    this.playButton = doc.createElement("button");
    this.playButton.type = "button";
    this.playButton.className = "demo-play";
    this.playButton.addEventListener("click", () => this.setPlaying(!this.playing));
    root.append(this.playButton);
    if (options.reset) {
      const again = doc.createElement("button");
      again.type = "button";
      again.className = "demo-restart";
      again.textContent = "Start over";
      again.addEventListener("click", () => this.restart());
      root.append(again);
    }
    const speedLabelEl = doc.createElement("label");
    speedLabelEl.className = "demo-speed";
    speedLabelEl.append("Speed ");
    this.speedSelect = doc.createElement("select");
    const initial = options.speed ?? 1;
    const speeds = SPEEDS.includes(initial) ? SPEEDS : [...SPEEDS, initial];
    for (const speed of speeds) {
      const option = doc.createElement("option");
      option.value = String(speed);
      option.textContent = speedLabel(speed);
      this.speedSelect.append(option);
    }
    this.speedSelect.value = String(initial);
    this.speedSelect.addEventListener("change", () => this.report());
    speedLabelEl.append(this.speedSelect);
    this.statusText = doc.createElement("span");
    this.statusText.className = "demo-status";
    this.statusNode = doc.createTextNode("");
    this.statusText.append(this.statusNode);
    root.append(speedLabelEl, this.statusText);
    root.addEventListener(DEMO_MIRROR, (event) => this.mirror((event as CustomEvent).detail));
    root.addEventListener(DEMO_REPORT, () => this.report());

    if (typeof IntersectionObserver === "function") {
      const watched = options.watch
        ? Array.isArray(options.watch)
          ? (options.watch as readonly Element[])
          : [options.watch as Element]
        : [root];
      const seen = new Set<Element>();
      this.observer = new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) seen.add(entry.target);
          else seen.delete(entry.target);
        }
        this.visible = seen.size > 0;
        this.schedule();
      });
      for (const element of watched) this.observer.observe(element);
    } else {
      this.visible = true;
    }
    if (typeof MutationObserver === "function") {
      this.followWatch = new MutationObserver(() => this.schedule());
      this.followWatch.observe(doc.documentElement, { attributeFilter: [FOLLOW_ATTRIBUTE] });
    }
    void options.invalidation?.then(() => this.stop());
    this.showControls();
    this.schedule();
  }

  /** Steps trained so far. */
  get steps(): number {
    return this.stepsTaken;
  }

  /** True while frames are being trained (playing, in view, not finished, not mirroring). */
  get running(): boolean {
    return this.frame !== 0;
  }

  /** Steps per frame as chosen in the menu. */
  get speed(): DemoSpeed {
    return parseSpeed(this.speedSelect.value) ?? 1;
  }

  play(): void {
    this.setPlaying(true);
  }

  pause(): void {
    this.setPlaying(false);
  }

  /**
   * One step by hand (a Step button): pauses, trains one step, draws it and tells the other
   * window, so a lecturer can walk through the first steps one at a time.
   */
  stepOnce(): void {
    if (this.stopped || this.finished || this.failure !== null || this.following) return;
    this.playing = false;
    try {
      this.options.step();
      this.stepsTaken += 1;
      if (this.options.done?.(this.stepsTaken)) this.finished = true;
      this.options.draw?.();
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    }
    this.showControls();
    this.report();
    this.schedule();
  }

  /** Back to the start (the options' reset), keeping play or pause. */
  restart(): void {
    if (!this.options.reset || this.stopped) return;
    this.options.reset();
    this.stepsTaken = 0;
    this.finished = false;
    this.failure = null;
    this.options.draw?.();
    this.showControls();
    this.report();
    this.schedule();
  }

  /** Stops for good (the cell re-ran or the page is going). */
  stop(): void {
    this.stopped = true;
    this.cancelFrame();
    this.observer?.disconnect();
    this.followWatch?.disconnect();
  }

  private get following(): boolean {
    return this.doc.documentElement.hasAttribute(FOLLOW_ATTRIBUTE);
  }

  private setPlaying(on: boolean): void {
    this.playing = on;
    this.showControls();
    this.report();
    this.schedule();
  }

  /** Requests a frame when the demo should train and none is pending; cancels it otherwise. */
  private schedule(): void {
    const run =
      !this.stopped &&
      this.playing &&
      this.visible &&
      !this.finished &&
      this.failure === null &&
      !this.following;
    if (!run) this.cancelFrame();
    else if (this.frame === 0) this.frame = requestAnimationFrame((time) => this.tick(time));
  }

  private cancelFrame(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.lastFrame = 0;
  }

  /**
   * Learns from the time since the last frame: the display's frame time, the training budget at
   * "max" (cut when frames run late, given back while they are on time), and whether this frame
   * redraws. Training is cheap next to redrawing a plot, so when frames still run late the demo
   * redraws every second, fourth or eighth frame, keeping the page (and the lecturer's pointer)
   * smooth; after a second of frames on time it redraws more often.
   */
  private pace(now: number): boolean {
    const interval = this.lastFrame === 0 ? 0 : now - this.lastFrame;
    this.lastFrame = now;
    if (interval > 0) {
      this.period = framePeriod(this.period, interval);
      // Only frames that trained for the budget say whether it was too much.
      if (this.speed === "max") this.budget = adaptBudget(this.budget, interval, this.period);
    }
    if (interval > this.period * 1.25) {
      this.onTimeFrames = 0;
      if (this.drawEvery < 8) this.drawEvery *= 2;
    } else if (++this.onTimeFrames >= 60 && this.drawEvery > 1) {
      this.onTimeFrames = 0;
      this.drawEvery /= 2;
    }
    this.frames += 1;
    return this.frames % this.drawEvery === 0;
  }

  private tick(frameTime: number): void {
    this.frame = 0;
    const draw = this.pace(frameTime);
    const done = () => this.options.done?.(this.stepsTaken) ?? false;
    // At "max" the budget counts from the frame's start: whatever ran before the demo in this
    // frame (the plots drawing the last frame's curves) comes out of the training time.
    const spent = Math.max(0, performance.now() - frameTime);
    try {
      const taken = runFrame(
        this.speed,
        () => {
          this.options.step();
          this.stepsTaken += 1;
        },
        done,
        () => performance.now(),
        Math.max(MIN_BUDGET_MS, this.budget.ms - spent),
      );
      if (taken === 0 || done()) this.finished = true;
      if (draw || this.finished) this.options.draw?.();
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    }
    this.showControls();
    // The other window shows what this one draws: a report on each drawn frame (and at the end).
    if (draw || this.finished || this.failure !== null) this.report();
    this.schedule();
  }

  /** Tells the deck (and through it the other window) where this run stands. */
  private report(): void {
    if (this.following) return;
    const snapshot: DemoSnapshot = {
      steps: this.stepsTaken,
      playing: this.playing,
      finished: this.finished,
      speed: this.speedSelect.value,
      state: this.options.save?.(),
    };
    this.element.dispatchEvent(new CustomEvent(DEMO_STATE, { bubbles: true, detail: snapshot }));
  }

  /** Shows the other window's run. */
  private mirror(snapshot: DemoSnapshot): void {
    if (this.stopped || !snapshot) return;
    if (snapshot.state !== undefined) this.options.load?.(snapshot.state as S);
    this.stepsTaken = snapshot.steps;
    this.playing = snapshot.playing;
    this.finished = snapshot.finished;
    if (parseSpeed(snapshot.speed) !== null) this.speedSelect.value = snapshot.speed;
    this.options.draw?.();
    this.showControls();
  }

  private showControls(): void {
    const over = this.finished || this.failure !== null;
    const play = over ? "Finished" : this.playing ? "Pause" : "Play";
    const pressed = String(this.playing && !over);
    const status = this.options.status?.(this.stepsTaken) ?? `Step ${this.stepsTaken}`;
    const line =
      this.failure !== null
        ? `Stopped: ${this.failure}`
        : `${status}${this.finished ? " — done" : ""}`;
    // Only what changed: every write inside a slide makes the browser restyle it.
    const shown = this.shown;
    if (shown.play !== play) this.playButton.textContent = play;
    if (shown.over !== over) this.playButton.disabled = over;
    if (shown.pressed !== pressed) this.playButton.setAttribute("aria-pressed", pressed);
    if (shown.status !== line) this.statusNode.data = line;
    if (shown.finished !== this.finished)
      this.element.toggleAttribute("data-finished", this.finished);
    this.shown = { play, over, finished: this.finished, pressed, status: line };
  }
}

/** `demo.train(options)`: see TrainOptions. */
export function train<S>(options: TrainOptions<S>): TrainDemo<S> {
  return new TrainDemo(options);
}
