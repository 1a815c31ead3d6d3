// Puts one of the page's own slide sections on screen at a placement: fixed position, logical
// 1280 × 720 size, scaled. Content taller or wider than the slide is shrunk to fit (down to
// half size) rather than cut off, because a projector cannot scroll.
import { contentFit, type Placement, SLIDE_HEIGHT, SLIDE_WIDTH } from "./stage-geometry.ts";

/** Smallest content shrink; a slide needing less than half size gets a scroll bar instead. */
const FIT_FLOOR = 0.5;

/** How placeSlide searches for the content scale. */
export interface PlaceOptions {
  /** Bisection rounds after the first guess (default 5: within 1/64 of the best size). */
  rounds?: number;
}

function applyPlacement(section: HTMLElement, placement: Placement, fit: number): void {
  const style = section.style;
  style.setProperty("--slide-x", `${placement.x}px`);
  style.setProperty("--slide-y", `${placement.y}px`);
  style.setProperty("--slide-scale", String(placement.scale * fit));
  style.setProperty("--slide-width", `${SLIDE_WIDTH / fit}px`);
  style.setProperty("--slide-height", `${SLIDE_HEIGHT / fit}px`);
}

/** Elements that scroll sideways on their own instead of widening the slide. */
const SCROLLERS = ".math-display, .katex-display, pre, table";

/**
 * True when something inside is too wide for its own box: a scroller with hidden overflow, or
 * a numbered equation whose tag (KaTeX places it absolutely) runs over the equation.
 */
function innerOverflow(section: HTMLElement): boolean {
  for (const element of section.querySelectorAll<HTMLElement>(SCROLLERS)) {
    if (element.scrollWidth > element.clientWidth + 1) return true;
  }
  for (const line of section.querySelectorAll<HTMLElement>(".katex-display .katex-html")) {
    const tag = line.querySelector(":scope > :is(.tag, .katex-tag)");
    if (!tag) continue;
    // The equation is centred and the tag pinned right: they touch once the equation is wider
    // than the line less a tag's width on each side.
    const tagWidth = tag.getBoundingClientRect().width;
    // Plus half a tag of air, so "= 0" and "(6.6)" read as two things.
    let used = 2.5 * tagWidth;
    for (const base of line.querySelectorAll(":scope > :is(.base, .katex-base)")) {
      used += base.getBoundingClientRect().width;
    }
    if (used > line.getBoundingClientRect().width + 1) return true;
  }
  return false;
}

/** Lays the slide out at content scale `fit` and says whether its content fits. */
function fitsAt(section: HTMLElement, placement: Placement, fit: number): boolean {
  applyPlacement(section, placement, fit);
  // One pixel of slack: sub-pixel line heights round up in scrollHeight.
  return (
    section.scrollHeight <= SLIDE_HEIGHT / fit + 1 &&
    section.scrollWidth <= SLIDE_WIDTH / fit + 1 &&
    !innerOverflow(section)
  );
}

/**
 * Places `section` and finds the largest content scale at which it fits. A wider slide wraps
 * text into fewer lines, so the scale measured at full size is only a first guess that surely
 * fits; bisection between it and full size then finds the best. Returns the scale used.
 */
export function placeSlide(
  section: HTMLElement,
  placement: Placement,
  { rounds = 5 }: PlaceOptions = {},
): number {
  if (fitsAt(section, placement, 1)) {
    section.classList.remove("is-overflowing");
    return 1;
  }
  let fits = contentFit(section.scrollWidth, section.scrollHeight, FIT_FLOOR);
  let tooBig = 1;
  if (!fitsAt(section, placement, fits)) {
    // Something inside overflows on its own (a long equation): search down to the floor.
    tooBig = fits;
    fits = FIT_FLOOR;
    if (!fitsAt(section, placement, fits)) {
      // Even at the floor the content is too long: shrink as far as allowed and let it scroll.
      section.classList.add("is-overflowing");
      return fits;
    }
  }
  for (let round = 0; round < rounds; round++) {
    const middle = (fits + tooBig) / 2;
    if (fitsAt(section, placement, middle)) fits = middle;
    else tooBig = middle;
  }
  applyPlacement(section, placement, fits);
  section.classList.remove("is-overflowing");
  return fits;
}

/** Removes what placeSlide set. */
export function unplaceSlide(section: HTMLElement): void {
  for (const name of [
    "--slide-x",
    "--slide-y",
    "--slide-scale",
    "--slide-width",
    "--slide-height",
  ]) {
    section.style.removeProperty(name);
  }
  section.classList.remove("is-overflowing");
}
