// Live plots redraw through one queue per page, drawn at the start of the next animation frame,
// oldest first, until the frame's drawing budget is spent; the rest wait for the next frame and
// draw their newest rows then. Four plots of a training demo changing on every frame would
// otherwise all redraw in one frame (each is a Vega dataflow run and an SVG update, a few
// milliseconds on a slow machine), and that frame would be late however little the demo trained.

/** A plot's redraw: applies its pending rows and settles once its drawing is on the page. */
export type Redraw = () => Promise<unknown>;

/**
 * Milliseconds of a frame that queued redraws may take before the rest wait a frame: a third of
 * a 60 Hz frame, so training and the browser's own paint keep the remainder. At least one plot
 * redraws every frame, however slow.
 */
export const REDRAW_BUDGET_MS = 6;

/** Redraws queued for the coming frames, drawn in order. */
export class RedrawQueue {
  private readonly waiting: Redraw[] = [];
  private frame = 0;

  constructor(
    private readonly requestFrame: (run: () => void) => number,
    private readonly now: () => number,
    private readonly budgetMs = REDRAW_BUDGET_MS,
  ) {}

  /** Plots waiting to redraw. */
  get size(): number {
    return this.waiting.length;
  }

  /** Queues `redraw` (once: a plot already waiting keeps its place) for the next frame. */
  add(redraw: Redraw): void {
    if (!this.waiting.includes(redraw)) this.waiting.push(redraw);
    if (this.frame === 0) this.frame = this.requestFrame(() => void this.draw());
  }

  /**
   * Draws waiting plots until the budget is spent. Each redraw is awaited: Vega updates the SVG
   * in a microtask after its dataflow ran, and that is part of its cost. All of it still happens
   * in this frame's task, before the frame's next callback (a demo's training step) runs.
   */
  async draw(): Promise<void> {
    this.frame = 0;
    const until = this.now() + this.budgetMs;
    for (let redraw = this.waiting.shift(); redraw; redraw = this.waiting.shift()) {
      try {
        await redraw();
      } catch {
        // A plot that failed to draw says so in its own place (Vega logs it); the others go on.
      }
      if (this.now() >= until) break;
    }
    if (this.waiting.length > 0 && this.frame === 0) {
      this.frame = this.requestFrame(() => void this.draw());
    }
  }
}

let pageQueue: RedrawQueue | null = null;

/** The page's queue, made on first use (a page has one display, so one frame budget). */
export function redrawQueue(): RedrawQueue {
  pageQueue ??= new RedrawQueue(
    (run) => requestAnimationFrame(run),
    () => performance.now(),
  );
  return pageQueue;
}
