// Keeps the current node in sight when the drawing is larger than its box and scrolls (a big
// graph at its readable minimum scale, or at actual size). Sizes and the scroll offset are
// cached from observers, so following a step reads no layout; it scrolls only when the node
// is out of view. It also marks the sides that hide part of the drawing (`data-more`: "left",
// "right" or both), for the shadows graph.css draws there: shadows made with backgrounds that
// scroll along (`background-attachment: local`) kept the browser from scrolling the canvas on
// its own, so each frame of a scroll repainted the whole drawing on the page's main thread.
import type { NodeBox } from "../model/types.ts";

/** The drawing's viewBox origin and width, to map layout coordinates to pixels. */
export interface ViewBoxInfo {
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

/** Scroll-following for one canvas. */
export class ScrollFollow {
  private box = { width: 0, height: 0 };
  private drawing = { width: 0, height: 0 };
  private left = 0;
  private top = 0;
  private readonly observer: ResizeObserver | null;
  private svg: Element | null = null;

  constructor(private readonly canvas: HTMLElement) {
    const RO = canvas.ownerDocument.defaultView?.ResizeObserver;
    this.observer = RO
      ? new RO((entries) => {
          for (const entry of entries) {
            const { width, height } = entry.contentRect;
            if (entry.target === canvas) this.box = { width, height };
            else this.drawing = { width, height };
          }
          this.markSides();
        })
      : null;
    this.observer?.observe(canvas);
    canvas.addEventListener(
      "scroll",
      () => {
        this.left = canvas.scrollLeft;
        this.top = canvas.scrollTop;
        this.markSides();
      },
      { passive: true },
    );
  }

  private sides = "";

  /** Sets `data-more` on the canvas to the sides a part of the drawing is hidden on. */
  private markSides(): void {
    const { box, drawing, left } = this;
    const hidden: string[] = [];
    if (drawing.width > box.width + 1) {
      if (left > 1) hidden.push("left");
      if (left + box.width < drawing.width - 1) hidden.push("right");
    }
    const sides = hidden.join(" ");
    if (sides === this.sides) return;
    this.sides = sides;
    if (sides) this.canvas.dataset.more = sides;
    else delete this.canvas.dataset.more;
  }

  /** Watches the drawing now in the canvas (after a redraw). */
  watch(svg: Element | null): void {
    if (this.svg) this.observer?.unobserve(this.svg);
    this.svg = svg;
    if (svg) this.observer?.observe(svg);
  }

  private pending: { node: NodeBox; viewBox: ViewBoxInfo } | null = null;
  private frame = 0;

  /**
   * Scrolls the node into view if the drawing overflows its box and the node is outside it, in
   * the next frame: scrolling needs an up-to-date layout, which the frame makes anyway, so a
   * step never lays the page out twice. The last call of a frame wins.
   */
  follow(node: NodeBox, viewBox: ViewBoxInfo): void {
    const { box, drawing } = this;
    if (drawing.width <= box.width + 1 && drawing.height <= box.height + 1) return;
    this.pending = { node, viewBox };
    const view = this.canvas.ownerDocument.defaultView;
    if (this.frame || !view) return;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = 0;
      const next = this.pending;
      this.pending = null;
      if (next) this.scrollTo(next.node, next.viewBox);
    });
  }

  /**
   * Brings `node` into view once the drawing has its new size (actual size switched on or off):
   * the sizes are measured in the next frame rather than taken from the observers, which
   * report only after that frame.
   */
  reveal(node: NodeBox, viewBox: ViewBoxInfo): void {
    const view = this.canvas.ownerDocument.defaultView;
    if (!view) return;
    view.requestAnimationFrame(() => {
      const { canvas, svg } = this;
      if (!svg) return;
      const r = svg.getBoundingClientRect();
      this.box = { width: canvas.clientWidth, height: canvas.clientHeight };
      this.drawing = { width: r.width, height: r.height };
      this.left = canvas.scrollLeft;
      this.top = canvas.scrollTop;
      this.markSides();
      this.scrollTo(node, viewBox);
    });
  }

  private scrollTo(node: NodeBox, viewBox: ViewBoxInfo): void {
    const { box, drawing } = this;
    if (drawing.width <= box.width + 1 && drawing.height <= box.height + 1) return;
    if (box.width === 0 || viewBox.width === 0) return;
    const scale = drawing.width / viewBox.width;
    const margin = 24;
    const x0 = (node.x - node.width / 2 - viewBox.x) * scale - margin;
    const x1 = (node.x + node.width / 2 - viewBox.x) * scale + margin;
    const y0 = (node.y - node.height / 2 - viewBox.y) * scale - margin;
    const y1 = (node.y + node.height / 2 - viewBox.y) * scale + margin;
    const inX = x0 >= this.left && x1 <= this.left + box.width;
    const inY = y0 >= this.top && y1 <= this.top + box.height;
    if (inX && inY) return;
    const view = this.canvas.ownerDocument.defaultView;
    const still = view?.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? true;
    this.canvas.scrollTo({
      left: inX ? this.left : (x0 + x1) / 2 - box.width / 2,
      top: inY ? this.top : (y0 + y1) / 2 - box.height / 2,
      behavior: still ? "auto" : "smooth",
    });
  }

  disconnect(): void {
    this.observer?.disconnect();
  }
}
