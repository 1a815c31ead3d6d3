// Puts one of the page's own slide sections on screen at a placement: fixed position, logical
// 1280 × 720 size, scaled. Content taller or wider than the slide is shrunk to fit (down to
// half size) rather than cut off, because a projector cannot scroll.
import { contentFit, type Placement, SLIDE_HEIGHT, SLIDE_WIDTH } from "./stage-geometry.ts";

/** Smallest shrink that lets text reflow into a wider slide. */
const FIT_FLOOR = 0.5;
/** Smallest shrink of all; past it the slide scrolls. */
const ZOOM_FLOOR = 0.3;
/** The slide's side padding at full size, in logical pixels (matches styles/slides.css). */
const SIDE_PADDING = 88;

/** The content scale a slide needs, and whether its text reflows into the wider slide. */
export interface SlideFit {
  readonly fit: number;
  readonly reflow: boolean;
}

/** How placeSlide searches for the content scale. */
export interface PlaceOptions {
  /** Bisection rounds after the first guess (default 5: within 1/64 of the best size). */
  rounds?: number;
}

/**
 * Sets the section's position and size. With `reflow` the content gets the whole wider slide;
 * without it the extra width goes to the side padding, so the content keeps its 1280-pixel
 * layout and is only zoomed out (for content whose height grows with its width, like a graph
 * drawn to fill its column).
 */
export function applyPlacement(
  section: HTMLElement,
  placement: Placement,
  fit: number,
  reflow = true,
): void {
  const style = section.style;
  const width = SLIDE_WIDTH / fit;
  style.setProperty("--slide-x", `${placement.x}px`);
  style.setProperty("--slide-y", `${placement.y}px`);
  style.setProperty("--slide-scale", String(placement.scale * fit));
  style.setProperty("--slide-width", `${width}px`);
  style.setProperty("--slide-height", `${SLIDE_HEIGHT / fit}px`);
  if (reflow) style.removeProperty("--slide-pad-x");
  else style.setProperty("--slide-pad-x", `${SIDE_PADDING + (width - SLIDE_WIDTH) / 2}px`);
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
 * fits; bisection between it and full size then finds the best. Returns the fit used.
 */
export function placeSlide(
  section: HTMLElement,
  placement: Placement,
  { rounds = 5 }: PlaceOptions = {},
): SlideFit {
  if (fitsAt(section, placement, 1)) {
    section.classList.remove("is-overflowing");
    return { fit: 1, reflow: true };
  }
  let fits = contentFit(section.scrollWidth, section.scrollHeight, FIT_FLOOR);
  let tooBig = 1;
  if (!fitsAt(section, placement, fits)) {
    // Something inside overflows on its own (a long equation): search down to the floor.
    tooBig = fits;
    fits = FIT_FLOOR;
    if (!fitsAt(section, placement, fits)) return zoomOut(section, placement);
  }
  for (let round = 0; round < rounds; round++) {
    const middle = (fits + tooBig) / 2;
    if (fitsAt(section, placement, middle)) fits = middle;
    else tooBig = middle;
  }
  applyPlacement(section, placement, fits);
  section.classList.remove("is-overflowing");
  return { fit: fits, reflow: true };
}

/**
 * Widening did not help (the content grows as fast as the slide): zoom the 1280-pixel layout
 * out as a whole until it fits, and past ZOOM_FLOOR let the slide scroll.
 */
function zoomOut(section: HTMLElement, placement: Placement): SlideFit {
  applyPlacement(section, placement, 1, false);
  const height = section.scrollHeight;
  const fit = Math.max(ZOOM_FLOOR, Math.min(1, SLIDE_HEIGHT / height));
  applyPlacement(section, placement, fit, false);
  section.classList.toggle("is-overflowing", section.scrollHeight > SLIDE_HEIGHT / fit + 1);
  return { fit, reflow: false };
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
