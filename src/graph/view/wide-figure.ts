// Reading mode: a graph wider than the text column breaks out of it, as a wide figure, up to
// the window's edges (keeping clear of the table of contents), as far as its drawing needs.
// The room on each side comes from the page's CSS: `--graph-bleed` on an ancestor says which
// sides may be used ("both", "right" beside a table of contents, or "none"). On a slide the
// CSS ignores what this sets.

/** Space kept between a wide figure and the window's edge, px. */
const EDGE = 16;

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
      return;
    }
    const rect = parent.getBoundingClientRect();
    const leftRoom = bleed === "both" ? Math.max(0, rect.left - EDGE) : 0;
    const rightRoom = Math.max(0, viewport - EDGE - rect.left - column);
    // Grow evenly where both sides have room, then take what one side lacks from the other.
    let left = Math.min(leftRoom, extra / 2);
    const right = Math.min(rightRoom, extra - left);
    left = Math.min(leftRoom, extra - right);
    root.style.setProperty("--graph-grow-left", `${Math.floor(left)}px`);
    root.style.setProperty("--graph-grow-right", `${Math.floor(right)}px`);
  }

  disconnect(): void {
    this.observer?.disconnect();
  }
}
