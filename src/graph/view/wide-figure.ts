// Reading mode: a graph wider than the text column breaks out of it, as a wide figure, up to
// the window's edges less a margin, as far as its drawing needs. `--graph-bleed` on an ancestor
// (the page's CSS) says how: "both" (centred on the column), "right" (beside a table of
// contents: rightwards first, over the contents' column only for what the right lacks) or
// "none". On a slide the CSS ignores what this sets.

/**
 * Space kept between a wide figure and the window's edge, px: little, since at 1024 px every
 * pixel of width is type size for chapter 6's drawing (its values at 14 px need all of it).
 */
const EDGE = 8;

/** Sizes the view `root` as a wide figure when its drawing, `want` px wide, needs the room. */
export class WideFigure {
  private lastWidth = -1;
  private connected = false;
  private readonly observer: ResizeObserver | null;

  constructor(
    private readonly root: HTMLElement,
    private want: number,
  ) {
    const doc = root.ownerDocument;
    const RO = doc.defaultView?.ResizeObserver;
    this.observer = RO ? new RO(() => this.update()) : null;
    this.observer?.observe(root);
    this.observer?.observe(doc.documentElement);
  }

  /** A new natural width (another drawing, finite-difference labels). */
  setWant(want: number): void {
    this.want = want;
    this.lastWidth = -1;
    this.update();
  }

  update(): void {
    const { root } = this;
    const doc = root.ownerDocument;
    const parent = root.parentElement;
    if (!parent || !root.isConnected) {
      // Removed from the page (a re-run cell): the window's observer must not keep it alive.
      if (this.connected) this.disconnect();
      return;
    }
    this.connected = true;
    const viewport = doc.documentElement.clientWidth;
    const column = parent.clientWidth;
    const key = viewport * 100_000 + column;
    if (key === this.lastWidth) return; // only width matters; heights change at every step
    this.lastWidth = key;
    const style = doc.defaultView?.getComputedStyle(root);
    const bleed = style?.getPropertyValue("--graph-bleed").trim() || "none";
    const chrome =
      Number.parseFloat(style?.paddingLeft ?? "0") +
      Number.parseFloat(style?.paddingRight ?? "0") +
      Number.parseFloat(style?.borderLeftWidth ?? "0") +
      Number.parseFloat(style?.borderRightWidth ?? "0");
    const extra = Math.ceil(this.want + chrome) - column;
    if (bleed === "none" || extra <= 0) {
      root.style.removeProperty("--graph-grow-left");
      root.style.removeProperty("--graph-grow-right");
      root.classList.remove("is-wide");
      return;
    }
    const rect = parent.getBoundingClientRect();
    const width = Math.min(column + extra, viewport - 2 * EDGE);
    // Centred on the column; beside a table of contents ("right") it grows rightwards first and
    // covers the contents' column only for what the right side lacks. Either way it keeps EDGE
    // from the window's edges.
    const wanted = bleed === "right" ? rect.left : rect.left + column / 2 - width / 2;
    const left = Math.min(rect.left, Math.max(EDGE, Math.min(wanted, viewport - EDGE - width)));
    const growLeft = Math.max(0, Math.floor(rect.left - left));
    const growRight = Math.max(0, Math.floor(width - column - growLeft));
    root.style.setProperty("--graph-grow-left", `${growLeft}px`);
    root.style.setProperty("--graph-grow-right", `${growRight}px`);
    root.classList.toggle("is-wide", growLeft + growRight > 0);
  }

  disconnect(): void {
    this.observer?.disconnect();
  }
}
