// On a slide the equation and the ledger get boxes of a fixed size (so stepping never changes
// the slide's layout and the deck never rescales it); a step whose equation is larger than its
// box is set smaller to fit, down to a floor, instead of being cut off or growing the slide.
// Text rewraps as it shrinks (symbols and numbers may move side by side), so the largest scale
// that fits is found by bisection; fits are remembered per box size and content.

/** Smallest text scale a panel is shrunk to. */
export const FIT_FLOOR = 0.45;
/** Bisection rounds: the scale found is within 1/64 of the best. */
const ROUNDS = 6;

const remembered = new WeakMap<HTMLElement, Map<string, number>>();

function fits(el: HTMLElement): boolean {
  return el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth;
}

function setFit(el: HTMLElement, fit: number): void {
  if (fit >= 1) el.style.removeProperty("--fit");
  else el.style.setProperty("--fit", fit.toFixed(3));
}

/**
 * Sets `--fit` on `el` to the largest scale (1 at most) at which its content fits its box.
 * `content` names what the box holds (the step shown), so a fit found once is reused.
 */
export function fitToBox(el: HTMLElement, content: string, floor = FIT_FLOOR): number {
  const { clientWidth, clientHeight } = el;
  if (clientWidth === 0 || clientHeight === 0) return 1; // not on screen: fitted when shown
  const key = `${clientWidth}x${clientHeight} ${content}`;
  const memo = remembered.get(el) ?? new Map<string, number>();
  remembered.set(el, memo);
  const known = memo.get(key);
  if (known !== undefined) {
    setFit(el, known);
    return known;
  }
  setFit(el, 1);
  let best = 1;
  if (!fits(el)) {
    let lo = floor;
    let hi = 1;
    for (let round = 0; round < ROUNDS; round++) {
      const mid = (lo + hi) / 2;
      setFit(el, mid);
      if (fits(el)) lo = mid;
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
