// Where the visible slides go: letterboxed on the screen, in the presenter window's two frames,
// or as overview tiles. It refits when the window or a visible slide's content changes size
// (cells render after the slide shows; plots load lazily), at most once per frame.
import type { DeckOverview } from "./deck-overview.ts";
import type { PresenterView } from "./presenter-view.ts";
import { SlideFitter } from "./slide-fitter.ts";
import { type Box, letterbox } from "./stage-geometry.ts";

/** What is on screen now. */
export interface StageScene {
  readonly current: HTMLElement | undefined;
  /** The next slide, shown only by the presenter window. */
  readonly next: HTMLElement | undefined;
  readonly presenter: PresenterView | null;
  readonly overview: DeckOverview;
}

/** Places and refits the deck's visible slides. */
export class DeckStage {
  private readonly fitter = new SlideFitter();
  private readonly resizeObserver: ResizeObserver;
  private frame = 0;
  private scene: StageScene | null = null;
  /** Slides to fit while the browser is idle, nearest to the current one first. */
  private waiting: HTMLElement[] = [];
  private idle = 0;

  /** `slideWidth`: the deck's logical width (its aspect ratio; the height is always 720). */
  constructor(
    private readonly view: Window,
    private readonly slideWidth: number,
  ) {
    this.resizeObserver = new ResizeObserver(() => this.schedule());
  }

  /** Shows `scene` now and keeps it fitted until the next show or clear. */
  show(scene: StageScene): void {
    this.scene = scene;
    // The overview places every slide as a tile itself: a fit ahead finishing now would put its
    // slide back at full size among the tiles.
    if (scene.overview.isOpen) this.cancelIdle();
    this.resizeObserver.disconnect();
    const visible = scene.overview.isOpen ? [] : [scene.current, scene.next];
    for (const section of visible) {
      for (const child of section?.children ?? []) this.resizeObserver.observe(child);
    }
    this.layout();
  }

  /** Lays the scene out again on the next frame (once, however often it is called). */
  schedule(): void {
    if (!this.scene || this.frame !== 0) return;
    this.frame = this.view.requestAnimationFrame(() => {
      this.frame = 0;
      this.layout();
    });
  }

  /**
   * Fits every slide at full size, as the screen would (before printing, so each prints at the
   * fit it has on screen: slides/print.css zooms it by --slide-fit onto its page). Hidden
   * slides are laid out unseen for the moment it takes.
   */
  fitAll(slides: readonly HTMLElement[]): void {
    const origin = { x: 0, y: 0, scale: 1, slideWidth: this.slideWidth };
    for (const section of slides) {
      const hidden = !section.classList.contains("is-current");
      if (hidden) section.classList.add("is-measuring");
      this.fitter.place(section, origin);
      if (hidden) section.classList.remove("is-measuring");
    }
  }

  /**
   * Fits the slides around `index` while the browser is idle, one per idle slice, nearest
   * first. Fitting a slide lays it out (several times when it does not fit), which with KaTeX,
   * plots or a graph on it takes longer than a frame; done ahead, a slide change only confirms
   * the remembered fit against the content's sizes — the one layout showing a slide costs.
   */
  prefitAround(slides: readonly HTMLElement[], index: number): void {
    const order: HTMLElement[] = [];
    for (let d = 1; d < slides.length; d++) {
      for (const at of [index + d, index - d]) {
        const section = slides[at];
        if (section && !this.fitter.knows(section)) order.push(section);
      }
    }
    this.waiting = order;
    if (this.idle === 0 && order.length > 0) this.idle = this.whenIdle(() => this.prefitNext());
  }

  private prefitNext(): void {
    this.idle = 0;
    const origin = { x: 0, y: 0, scale: 1, slideWidth: this.slideWidth };
    for (let section = this.waiting.shift(); section; section = this.waiting.shift()) {
      if (this.fitter.knows(section)) continue;
      if (section.classList.contains("is-current") || section.classList.contains("is-next"))
        continue;
      section.classList.add("is-measuring");
      this.fitter.prefit(section, origin);
      section.classList.remove("is-measuring");
      break;
    }
    if (this.waiting.length > 0) this.idle = this.whenIdle(() => this.prefitNext());
  }

  private whenIdle(run: () => void): number {
    const view = this.view as Window & Partial<Pick<Window, "requestIdleCallback">>;
    return view.requestIdleCallback
      ? view.requestIdleCallback(run, { timeout: 2000 })
      : view.setTimeout(run, 50);
  }

  private cancelIdle(): void {
    if (this.idle === 0) return;
    const view = this.view as Window & Partial<Pick<Window, "cancelIdleCallback">>;
    if (view.cancelIdleCallback) view.cancelIdleCallback(this.idle);
    else view.clearTimeout(this.idle);
    this.idle = 0;
    this.waiting = [];
  }

  /** Stops watching and removes every placement from `slides`. */
  clear(slides: readonly HTMLElement[]): void {
    this.cancelIdle();
    this.scene = null;
    this.resizeObserver.disconnect();
    this.view.cancelAnimationFrame(this.frame);
    this.frame = 0;
    for (const section of slides) this.fitter.release(section);
  }

  private layout(): void {
    const scene = this.scene;
    if (!scene) return;
    const screen: Box = { x: 0, y: 0, width: this.view.innerWidth, height: this.view.innerHeight };
    if (scene.overview.isOpen) {
      scene.overview.layout(screen, this.fitter, this.slideWidth);
      return;
    }
    const { current, next, presenter } = scene;
    if (!current) return;
    if (presenter) {
      const width = this.slideWidth;
      const frame = presenter.currentFrame.getBoundingClientRect();
      this.fitter.place(current, letterbox(frame, 8, width));
      if (next)
        this.fitter.place(next, letterbox(presenter.nextFrame.getBoundingClientRect(), 4, width));
    } else {
      this.fitter.place(current, letterbox(screen, 0, this.slideWidth));
    }
  }
}
