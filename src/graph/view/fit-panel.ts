// On a slide the equation and the ledger get boxes of a fixed size (so stepping never changes
// the slide's layout and the deck never rescales it). A step whose content is larger than its
// box is set smaller to fit, but never so small that its smallest text (a KaTeX superscript,
// a ledger number) falls under the projection type scale's 14 px: past that floor the content
// keeps that size and its box scrolls, with a cue saying that more lies below (or above) and a
// Tab stop so the keys can scroll it. Text rewraps as it shrinks (symbols and numbers may move
// side by side), so the largest scale that fits is found by bisection; fits are remembered per
// box size and content.

/** Smallest scale a panel is ever set at (a bound on the bisection). */
export const FIT_FLOOR = 0.45;
/** Smallest text a panel is shrunk to, in the slide's pixels: the projection type scale's 14. */
export const FIT_MIN_PX = 14;
/** Bisection rounds: the scale found is within 1/64 of the best. */
const ROUNDS = 6;

/**
 * Where the panels have boxes of a fixed size: a view on a slide (graph.css, "On a slide").
 * Matching a selector reads no style, so a step in reading mode costs no style recalculation.
 */
export const ON_SLIDE = "body.deck-mode .slide .graph-view";

/** A fit: the scale, and whether the content still overflows its box at that scale. */
interface Fit {
  readonly scale: number;
  readonly overflows: boolean;
}

const remembered = new WeakMap<HTMLElement, Map<string, Fit>>();
/** Each content's smallest text as a share of its own font size (KaTeX's scripts are 0.7). */
const smallestShare = new WeakMap<HTMLElement, number>();

/** Whether `el`'s content fits the box `box` (`el` itself, or a child as tall as its content). */
function fits(el: HTMLElement, box: HTMLElement): boolean {
  return el.scrollHeight <= box.clientHeight + 1 && el.scrollWidth <= box.clientWidth + 1;
}

function setFit(el: HTMLElement, fit: number): void {
  if (fit >= 1) el.style.removeProperty("--fit");
  else el.style.setProperty("--fit", fit.toFixed(3));
}

const fontPx = (el: Element): number =>
  Number.parseFloat(el.ownerDocument.defaultView?.getComputedStyle(el).fontSize ?? "") || 0;

/** The smallest drawn text in `el` over `el`'s own font size (1 when it has no text). */
function smallestTextShare(el: HTMLElement): number {
  const known = smallestShare.get(el);
  if (known !== undefined) return known;
  const own = fontPx(el);
  if (own === 0) return 1;
  let least = own;
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.nodeValue?.trim()) continue;
    // KaTeX's MathML copy is for screen readers; a part the slide leaves out has no boxes.
    if (parent.closest(".katex-mathml") || parent.getClientRects().length === 0) continue;
    least = Math.min(least, fontPx(parent));
  }
  const share = least / own;
  if (el.ownerDocument.fonts?.status !== "loading") smallestShare.set(el, share);
  return share;
}

/**
 * The smallest scale for `el` in `box`: the one that sets its smallest text at `minPx` (the
 * content's size is `--fit` times the box's font size).
 */
function floorFor(el: HTMLElement, box: HTMLElement, minPx: number): number {
  const base = fontPx(box);
  if (base === 0) return FIT_FLOOR;
  return Math.min(1, Math.max(FIT_FLOOR, minPx / (base * smallestTextShare(el))));
}

/** A box's inner size, as `clientWidth` and `clientHeight` give it. */
export interface BoxSize {
  readonly width: number;
  readonly height: number;
}

/** Marks `el` as overflowing its box at its fit (the CSS lets it scroll), or not. */
function markOverflow(el: HTMLElement, overflows: boolean): void {
  if (overflows) el.dataset.overflows = "";
  else delete el.dataset.overflows;
}

/**
 * Sets `--fit` on `el` to the largest scale (1 at most) at which its content fits `box`, but
 * not under the scale that sets its smallest text at `minPx`; returns the scale and whether the
 * content overflows at it. `content` names what `el` holds (the step), so a fit found once is
 * reused; given the box's `size` (known from an observer), a fit found before is applied
 * without reading any layout.
 */
export function fitToBox(
  el: HTMLElement,
  content: string,
  box: HTMLElement = el,
  size: BoxSize | null = null,
  minPx = FIT_MIN_PX,
): Fit {
  const width = size?.width ?? box.clientWidth;
  const height = size?.height ?? box.clientHeight;
  if (width === 0 || height === 0) return { scale: 1, overflows: false }; // fitted when shown
  const key = `${width}x${height} ${content}`;
  const memo = remembered.get(box) ?? new Map<string, Fit>();
  remembered.set(box, memo);
  const known = memo.get(key);
  if (known !== undefined) {
    setFit(el, known.scale);
    markOverflow(el, known.overflows);
    return known;
  }
  setFit(el, 1);
  let best = 1;
  let overflows = false;
  if (!fits(el, box)) {
    const floor = floorFor(el, box, minPx);
    setFit(el, floor);
    if (fits(el, box)) {
      let lo = floor;
      let hi = 1;
      for (let round = 0; round < ROUNDS; round++) {
        const mid = (lo + hi) / 2;
        setFit(el, mid);
        if (fits(el, box)) lo = mid;
        else hi = mid;
      }
      best = lo;
    } else {
      best = floor;
      overflows = true;
    }
    setFit(el, best);
  }
  markOverflow(el, overflows);
  const fit = { scale: best, overflows };
  // A fit measured while a font is still loading (KaTeX loads its fonts on first use) is not
  // kept: the view fits again when the fonts are in.
  if (el.ownerDocument.fonts?.status !== "loading") memo.set(key, fit);
  return fit;
}

/** What each panel box is called when its content scrolls (a Tab stop's name). */
const BOX_NAMES: Readonly<Record<string, string>> = {
  "graph-equation": "Equation",
  "graph-ledger": "Ledger",
};

/**
 * Keeps the view's panels fitted while `root` is on a slide: `fitShown` runs after each step,
 * when a box changes size (the slide shows) and when fonts arrive. The boxes' sizes come from
 * an observer, so fitting a step fitted before reads no layout. A shown content that overflows
 * at the floor scrolls: it becomes a Tab stop, and its box says (`data-more`) whether more
 * lies below or above, which the CSS shows as a cue.
 */
export class PanelFit {
  private readonly observer: ResizeObserver | null;
  private readonly sizes = new Map<Element, BoxSize>();
  /** Contents a reader has scrolled: shown again, they start from their top. */
  private readonly scrolled = new WeakSet<Element>();
  private readonly onFonts = (): void => {
    if (this.root.isConnected) this.fit();
    else this.disconnect();
  };
  private readonly onScroll = (event: Event): void => {
    const el = event.target as HTMLElement;
    const box = el.parentElement;
    if (!box || !el.classList.contains("is-shown")) return;
    this.scrolled.add(el);
    this.markMore(box, el);
  };

  constructor(
    private readonly root: HTMLElement,
    private readonly boxes: readonly HTMLElement[],
    /** Fits what the boxes show now. */
    private readonly fitShown: () => void,
  ) {
    const view = root.ownerDocument.defaultView;
    this.observer = view?.ResizeObserver
      ? new view.ResizeObserver((entries) => {
          for (const entry of entries) {
            const box = entry.target as HTMLElement;
            this.sizes.set(box, { width: box.clientWidth, height: box.clientHeight });
          }
          this.fit();
        })
      : null;
    for (const box of boxes) {
      this.observer?.observe(box);
      // Scroll events do not bubble: the box hears its contents' in the capture phase.
      box.addEventListener("scroll", this.onScroll, { capture: true, passive: true });
    }
    root.ownerDocument.fonts?.addEventListener("loadingdone", this.onFonts);
  }

  /** Whether the view is on a slide, where its panels are fitted. */
  get active(): boolean {
    return this.root.matches(ON_SLIDE);
  }

  /**
   * Fits `el` (what `box` shows, or will show, for `content`), if the view is on a slide.
   * `shown` says `el` is what the box shows now: its Tab stop and the box's cue follow it.
   */
  fitIn(el: HTMLElement, content: string, box: HTMLElement, shown = false): void {
    if (!this.active) {
      if (shown) this.release(box, el);
      return;
    }
    const { overflows } = fitToBox(el, content, box, this.sizes.get(box) ?? null);
    if (!shown) return;
    if (overflows) {
      if (this.scrolled.has(el)) {
        el.scrollTop = 0;
        el.scrollLeft = 0;
        this.scrolled.delete(el);
      }
      el.tabIndex = 0;
      el.setAttribute("role", "region");
      el.setAttribute("aria-label", `${this.nameOf(box)}, scrollable`);
      box.dataset.more = "below";
    } else this.release(box, el);
  }

  /** Takes the Tab stop and the cue away from `el`, which fits (or is not on a slide). */
  private release(box: HTMLElement, el: HTMLElement): void {
    if (el.hasAttribute("tabindex")) {
      el.removeAttribute("tabindex");
      el.removeAttribute("role");
      el.removeAttribute("aria-label");
    }
    if (box.dataset.more !== undefined) delete box.dataset.more;
  }

  private nameOf(box: HTMLElement): string {
    for (const [cls, name] of Object.entries(BOX_NAMES))
      if (box.classList.contains(cls)) return name;
    return "Panel";
  }

  /** Says on the box where the shown content `el` has more than it shows: below, above, both. */
  private markMore(box: HTMLElement, el: HTMLElement): void {
    const above = el.scrollTop > 1;
    const below = el.scrollHeight - el.scrollTop - el.clientHeight > 1;
    const more = [above ? "above" : "", below ? "below" : ""].filter(Boolean).join(" ");
    if (more) box.dataset.more = more;
    else delete box.dataset.more;
  }

  /** Fits the panels, if the view is on a slide. */
  fit(): void {
    if (this.active) this.fitShown();
  }

  disconnect(): void {
    this.observer?.disconnect();
    for (const box of this.boxes)
      box.removeEventListener("scroll", this.onScroll, { capture: true });
    this.root.ownerDocument.fonts?.removeEventListener("loadingdone", this.onFonts);
  }
}
