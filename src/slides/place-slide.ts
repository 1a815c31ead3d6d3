// Puts one of the page's own slide sections on screen at a placement: fixed position, logical
// size (720 px tall, as wide as the deck's aspect ratio makes it), scaled. A slide whose content
// does not fit at that size breaks the projection type scale: it is reported with its
// `file:line` (the console here; `npm run check:slides` and the deck test list them all) for
// its author to re-cut. Until then it is shrunk to fit (down to half size) rather than cut off,
// because a projector cannot scroll.
import { contentFit, type Placement, SLIDE_HEIGHT, SLIDE_WIDTH } from "./stage-geometry.ts";

/** The placement's logical slide width. */
const widthOf = (placement: Placement): number => placement.slideWidth ?? SLIDE_WIDTH;

/** Smallest shrink that lets text reflow into a wider slide. */
const FIT_FLOOR = 0.5;
/** Smallest shrink of all; past it the slide scrolls. */
const ZOOM_FLOOR = 0.3;
/** The slide's side padding at full size, in logical pixels (matches styles/slides/stage.css). */
const SIDE_PADDING = 88;

/**
 * The content scale a slide needs and the width its content is laid out at: null when the
 * content takes the whole (wider) slide, a number of logical pixels when it keeps a narrower
 * column and the rest goes to the side padding.
 */
export interface SlideFit {
  readonly fit: number;
  readonly contentWidth: number | null;
}

/** How placeSlide searches for the content scale. */
export interface PlaceOptions {
  /** Bisection rounds after the first guess (default 5: within 1/64 of the best size). */
  rounds?: number;
  /** Mark a slide that does not fit without warning yet (fitting ahead of time; default false). */
  quiet?: boolean;
}

/**
 * Sets the section's position and size. With `contentWidth` null the content gets the whole
 * wider slide; otherwise it keeps that width and the extra goes to the side padding (for
 * content whose height grows with its width, like a graph drawn to fill its column).
 */
export function applyPlacement(
  section: HTMLElement,
  placement: Placement,
  fit: number,
  contentWidth: number | null = null,
): void {
  const style = section.style;
  const width = widthOf(placement) / fit;
  style.setProperty("--slide-x", `${placement.x}px`);
  style.setProperty("--slide-y", `${placement.y}px`);
  style.setProperty("--slide-scale", String(placement.scale * fit));
  style.setProperty("--slide-fit", String(fit)); // what the deck draws on a slide undoes it
  style.setProperty("--slide-width", `${width}px`);
  style.setProperty("--slide-height", `${SLIDE_HEIGHT / fit}px`);
  if (contentWidth === null) style.removeProperty("--slide-pad-x");
  else
    style.setProperty("--slide-pad-x", `${Math.max(SIDE_PADDING, (width - contentWidth) / 2)}px`);
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

/** Slides already reported, so a refit does not repeat the warning. */
const reported = new WeakSet<HTMLElement>();

/**
 * Says where a slide that does not fit at full size comes from, once, and marks it
 * (`data-overflow`: how far past the bottom and side, in logical pixels).
 */
function reportOverflow(section: HTMLElement, placement: Placement, quiet: boolean): void {
  const width = widthOf(placement);
  const y = Math.max(0, Math.round(section.scrollHeight - SLIDE_HEIGHT));
  const x = Math.max(0, Math.round(section.scrollWidth - width));
  section.dataset.overflow = `${x} ${y}`;
  if (!quiet) warnOverflow(section, width);
}

/**
 * Warns once that `section` (marked by placeSlide) does not fit: a slide fitted ahead of time
 * is reported when it is shown.
 */
export function warnOverflow(section: HTMLElement, width: number = SLIDE_WIDTH): void {
  if (reported.has(section) || section.dataset.overflow === undefined) return;
  reported.add(section);
  const [x = 0, y = 0] = section.dataset.overflow.split(" ").map(Number);
  const where = section.dataset.source ?? `slide ${section.dataset.slide ?? "?"}`;
  console.warn(
    `${where}: this slide does not fit at ${width}×${SLIDE_HEIGHT} (${y} px too tall${x ? `, ${x} px too wide` : ""}), so the deck shrinks its text below the projection type scale; split it, or move material into a \`::: reading\` block or the notes`,
  );
}

/** Lays the slide out at content scale `fit` and says whether its content fits. */
function fitsAt(section: HTMLElement, placement: Placement, fit: number): boolean {
  applyPlacement(section, placement, fit);
  // One pixel of slack: sub-pixel line heights round up in scrollHeight.
  return (
    section.scrollHeight <= SLIDE_HEIGHT / fit + 1 &&
    section.scrollWidth <= widthOf(placement) / fit + 1 &&
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
  { rounds = 5, quiet = false }: PlaceOptions = {},
): SlideFit {
  if (fitsAt(section, placement, 1)) {
    section.classList.remove("is-overflowing");
    delete section.dataset.overflow;
    return { fit: 1, contentWidth: null };
  }
  reportOverflow(section, placement, quiet);
  let fits = contentFit(section.scrollWidth, section.scrollHeight, FIT_FLOOR, widthOf(placement));
  let tooBig = 1;
  if (!fitsAt(section, placement, fits)) {
    // Something inside overflows on its own (a long equation): search down to the floor.
    tooBig = fits;
    fits = FIT_FLOOR;
    if (!fitsAt(section, placement, fits)) return bestColumn(section, placement);
  }
  for (let round = 0; round < rounds; round++) {
    const middle = (fits + tooBig) / 2;
    if (fitsAt(section, placement, middle)) fits = middle;
    else tooBig = middle;
  }
  applyPlacement(section, placement, fits);
  section.classList.remove("is-overflowing");
  return { fit: fits, contentWidth: null };
}

/** Content widths tried when widening alone fails: from the normal column to 2.5 times it. */
const COLUMN_STEPS = [1, 1.25, 1.5, 1.75, 2, 2.5];

/**
 * Widening the whole slide did not help (the content grows as fast as the slide, like a graph
 * drawn to fill its column): try a few column widths, each laid out once, and keep the one
 * that lets the slide be largest. Past ZOOM_FLOOR the slide scrolls.
 */
function bestColumn(section: HTMLElement, placement: Placement): SlideFit {
  const slideWidth = widthOf(placement);
  const column = slideWidth - 2 * SIDE_PADDING;
  let best: SlideFit = { fit: 0, contentWidth: column };
  for (const step of COLUMN_STEPS) {
    const contentWidth = column * step;
    // Lay out at exactly this column (a slide just wide enough), then read the height.
    const trialFit = slideWidth / (contentWidth + 2 * SIDE_PADDING);
    applyPlacement(section, placement, trialFit, contentWidth);
    const fit = Math.min(1, trialFit, SLIDE_HEIGHT / section.scrollHeight);
    if (fit > best.fit) best = { fit, contentWidth };
  }
  const fit = Math.max(ZOOM_FLOOR, best.fit);
  applyPlacement(section, placement, fit, best.contentWidth);
  section.classList.toggle("is-overflowing", section.scrollHeight > SLIDE_HEIGHT / fit + 1);
  return { fit, contentWidth: best.contentWidth };
}

/** Removes what placeSlide set. */
export function unplaceSlide(section: HTMLElement): void {
  for (const name of [
    "--slide-x",
    "--slide-y",
    "--slide-scale",
    "--slide-fit",
    "--slide-width",
    "--slide-height",
    "--slide-pad-x",
  ]) {
    section.style.removeProperty(name);
  }
  section.classList.remove("is-overflowing");
  delete section.dataset.overflow;
}
