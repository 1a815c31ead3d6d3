// On a slide the equation and the ledger get boxes of a fixed size (so stepping never changes
// the slide's layout and the deck never rescales it); a step whose equation is larger than its
// box is set smaller to fit, down to a floor, instead of being cut off or growing the slide.
// Text rewraps as it shrinks (symbols and numbers may move side by side), so the largest scale
// that fits is found by bisection; fits are remembered per box size and content.

/** Smallest text scale a panel is shrunk to. */
export const FIT_FLOOR = 0.45;
/** Bisection rounds: the scale found is within 1/64 of the best. */
const ROUNDS = 6;

/**
 * Where the panels have boxes of a fixed size: a view on a slide (graph.css, "On a slide").
 * Matching a selector reads no style, so a step in reading mode costs no style recalculation.
 */
export const ON_SLIDE = "body.deck-mode .slide .graph-view";

const remembered = new WeakMap<HTMLElement, Map<string, number>>();

/** Whether `el`'s content fits the box `box` (`el` itself, or a child as tall as its content). */
function fits(el: HTMLElement, box: HTMLElement): boolean {
  return el.scrollHeight <= box.clientHeight && el.scrollWidth <= box.clientWidth;
}

function setFit(el: HTMLElement, fit: number): void {
  if (fit >= 1) el.style.removeProperty("--fit");
  else el.style.setProperty("--fit", fit.toFixed(3));
}

/** A box's inner size, as `clientWidth` and `clientHeight` give it. */
export interface BoxSize {
  readonly width: number;
  readonly height: number;
}

/**
 * Sets `--fit` on `el` to the largest scale (1 at most) at which its content fits `box`.
 * `content` names what `el` holds (the step), so a fit found once is reused; given the box's
 * `size` (known from an observer), a fit found before is applied without reading any layout.
 */
export function fitToBox(
  el: HTMLElement,
  content: string,
  box: HTMLElement = el,
  size: BoxSize | null = null,
  floor = FIT_FLOOR,
): number {
  const width = size?.width ?? box.clientWidth;
  const height = size?.height ?? box.clientHeight;
  if (width === 0 || height === 0) return 1; // not on screen: fitted when shown
  const key = `${width}x${height} ${content}`;
  const memo = remembered.get(box) ?? new Map<string, number>();
  remembered.set(box, memo);
  const known = memo.get(key);
  if (known !== undefined) {
    setFit(el, known);
    return known;
  }
  setFit(el, 1);
  let best = 1;
  if (!fits(el, box)) {
    let lo = floor;
    let hi = 1;
    for (let round = 0; round < ROUNDS; round++) {
      const mid = (lo + hi) / 2;
      setFit(el, mid);
      if (fits(el, box)) lo = mid;
      else hi = mid;
    }
    best = lo;
    setFit(el, best);
  }
  // A fit measured while a font is still loading (KaTeX loads its fonts on first use) is not
  // kept: the view fits again when the fonts are in.
  if (el.ownerDocument.fonts?.status !== "loading") memo.set(key, best);
  return best;
}

/**
 * Keeps the view's panels fitted while `root` is on a slide: `fitShown` runs after each step,
 * when a box changes size (the slide shows) and when fonts arrive. The boxes' sizes come from
 * an observer, so fitting a step fitted before reads no layout.
 */
export class PanelFit {
  private readonly observer: ResizeObserver | null;
  private readonly sizes = new Map<Element, BoxSize>();
  private readonly onFonts = (): void => {
    if (this.root.isConnected) this.fit();
    else this.disconnect();
  };

  constructor(
    private readonly root: HTMLElement,
    boxes: readonly HTMLElement[],
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
    for (const box of boxes) this.observer?.observe(box);
    root.ownerDocument.fonts?.addEventListener("loadingdone", this.onFonts);
  }

  /** Whether the view is on a slide, where its panels are fitted. */
  get active(): boolean {
    return this.root.matches(ON_SLIDE);
  }

  /** Fits `el` (what `box` shows, or will show, for `content`), if the view is on a slide. */
  fitIn(el: HTMLElement, content: string, box: HTMLElement): void {
    if (this.active) fitToBox(el, content, box, this.sizes.get(box) ?? null);
  }

  /** Fits the panels, if the view is on a slide. */
  fit(): void {
    if (this.active) this.fitShown();
  }

  disconnect(): void {
    this.observer?.disconnect();
    this.root.ownerDocument.fonts?.removeEventListener("loadingdone", this.onFonts);
  }
}
