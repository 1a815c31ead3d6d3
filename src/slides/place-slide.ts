// Puts one of the page's own slide sections on screen at a placement: fixed position, logical
// size (720 px tall, as wide as the deck's aspect ratio makes it), scaled. A slide whose content
// does not fit at that size breaks the projection type scale: it is reported with its
// `file:line` (the console here; `npm run check:slides` and the deck test list them all) for
// its author to re-cut. The deck does not rescue it by shrinking its text out of the type
// scale: it shrinks a slide at most to SHRINK_FLOOR (prose 28 → 24 px, 14 px labels → 12 px,
// the scale's own floors), and a slide fuller than that scrolls, marked as such, so the room
// still reads everything on it and the lecturer can bring its end up. Printing cannot scroll:
// the printout alone shrinks such a slide onto its page (slides/print.css).
import { contentFit, type Placement, SLIDE_HEIGHT, SLIDE_WIDTH } from "./stage-geometry.ts";

/** The placement's logical slide width. */
const widthOf = (placement: Placement): number => placement.slideWidth ?? SLIDE_WIDTH;

/**
 * The least a slide is shrunk on screen: 28 px prose stays at 24 px and 14 px labels at 12 px,
 * the type scale's floors. A slide that needs more scrolls instead.
 */
export const SHRINK_FLOOR = 6 / 7;
/** Printing only: smallest shrink that lets text reflow into a wider slide. */
const PRINT_FLOOR = 0.5;
/** Printing only: smallest shrink of all, for content that grows with its column. */
const PRINT_ZOOM_FLOOR = 0.3;
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
  /**
   * For a slide too full for the type scale (it scrolls on screen): the fit that puts all of
   * it on a printed page. Absent when the slide fits on screen.
   */
  readonly print?: { readonly fit: number; readonly contentWidth: number | null };
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
  for (const line of section.querySelectorAll<HTMLElement>(NUMBERED)) {
    if (tagTouches(line)) return true;
  }
  return false;
}

/** A numbered equation's line, with its tag (the number) beside the formula. */
const NUMBERED = ".katex-display:not(.tag-below, .tag-hidden) .katex-html";
const TAG = ":scope > :is(.tag, .katex-tag)";

/**
 * True when the equation number of `line` (KaTeX pins it to the right, over the formula if
 * need be) touches the formula, which KaTeX centres: once the formula is wider than the line
 * less a tag's width on each side, plus half a tag of air so "= 0" and "(6.6)" read as two.
 */
function tagTouches(line: HTMLElement): boolean {
  const tag = line.querySelector(TAG);
  if (!tag) return false;
  let used = 2.5 * tag.getBoundingClientRect().width;
  for (const base of line.querySelectorAll(":scope > :is(.base, .katex-base)")) {
    used += base.getBoundingClientRect().width;
  }
  return used > line.getBoundingClientRect().width + 1;
}

/**
 * Where a formula and its number do not both fit on one line at the slide's full size, the
 * number first moves out into the slide's side margin (`tag-out`), and if that is not room
 * enough it goes on a line of its own below, at the right (`tag-below`, as LaTeX sets a long
 * equation): a line of height instead of setting the whole slide smaller. Call it with the
 * slide laid out at full size.
 */
function dropTouchingTags(section: HTMLElement): void {
  raiseTags(section);
  for (const place of ["tag-out", "tag-below"]) {
    const touching = Array.from(section.querySelectorAll<HTMLElement>(NUMBERED)).filter(tagTouches);
    for (const line of touching) {
      const display = line.closest(".katex-display");
      display?.classList.remove(...TAG_PLACES);
      display?.classList.add(place);
    }
  }
}

const TAG_PLACES = ["tag-out", "tag-below", "tag-hidden"];

/**
 * For a slide still too tall with numbers on lines of their own: each such number that nothing
 * on the slide refers to is left to the reading page (which always shows it). True if any was.
 */
function hideUnreferencedTags(section: HTMLElement): boolean {
  let hidden = false;
  for (const display of section.querySelectorAll<HTMLElement>(".katex-display.tag-below")) {
    const id = display.closest(".math-display")?.id;
    if (id && section.querySelector(`a.eqref[href="#${CSS.escape(id)}"]`)) continue;
    display.classList.replace("tag-below", "tag-hidden");
    hidden = true;
  }
  return hidden;
}

/** Puts every equation number back beside its formula. */
function raiseTags(section: HTMLElement): void {
  for (const display of section.querySelectorAll(
    ".katex-display:is(.tag-out, .tag-below, .tag-hidden)",
  )) {
    display.classList.remove(...TAG_PLACES);
  }
}

/** Slides already reported, so a refit does not repeat the warning. */
const reported = new WeakSet<HTMLElement>();

/**
 * Marks a slide laid out at full size that does not fit (`data-overflow`: how far past the
 * bottom and side, in logical pixels).
 */
function markOverflow(section: HTMLElement, placement: Placement): void {
  const y = Math.max(0, Math.round(section.scrollHeight - SLIDE_HEIGHT));
  const x = Math.max(0, Math.round(section.scrollWidth - widthOf(placement)));
  section.dataset.overflow = `${x} ${y}`;
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
    `${where}: this slide does not fit at ${width}×${SLIDE_HEIGHT} (${y} px too tall${x ? `, ${x} px too wide` : ""}); the deck does not shrink text below the projection type scale, so ${section.classList.contains("is-overflowing") ? "it scrolls" : "its text is set slightly smaller"}; split it, or move material into a \`::: reading\` block or the notes`,
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
 * The largest content scale from `floor` up to 1 at which the slide fits, or null when it
 * does not fit even at `floor`. A wider slide wraps text into fewer lines, so the scale
 * measured at full size is only a first guess that surely fits; bisection between it and full
 * size then finds the best. Leaves the slide laid out at some trial scale.
 */
function largestFit(
  section: HTMLElement,
  placement: Placement,
  floor: number,
  rounds: number,
): number | null {
  let fits = contentFit(section.scrollWidth, section.scrollHeight, floor, widthOf(placement));
  let tooBig = 1;
  if (!fitsAt(section, placement, fits)) {
    // Something inside overflows on its own (a long equation): search down to the floor.
    tooBig = fits;
    fits = floor;
    if (!fitsAt(section, placement, fits)) return null;
  }
  for (let round = 0; round < rounds; round++) {
    const middle = (fits + tooBig) / 2;
    if (fitsAt(section, placement, middle)) fits = middle;
    else tooBig = middle;
  }
  return fits;
}

/**
 * Places `section` at the largest content scale, no smaller than SHRINK_FLOOR, at which it
 * fits; a slide that does not fit even there is placed at SHRINK_FLOOR and scrolls
 * (`is-overflowing`), and the fit that would put it all on a printed page is worked out for
 * printing. Returns the fits used.
 */
export function placeSlide(
  section: HTMLElement,
  placement: Placement,
  { rounds = 5, quiet = false }: PlaceOptions = {},
): SlideFit {
  section.classList.remove("is-overflowing");
  clearPrintPlacement(section);
  applyPlacement(section, placement, 1);
  dropTouchingTags(section);
  if (
    fitsAt(section, placement, 1) ||
    (hideUnreferencedTags(section) && fitsAt(section, placement, 1))
  ) {
    delete section.dataset.overflow;
    return { fit: 1, contentWidth: null };
  }
  // Lines of numbers did not make room enough: the slide is too full either way, and smaller
  // type gives the formulas their width back.
  raiseTags(section);
  markOverflow(section, placement);
  const onScale = largestFit(section, placement, SHRINK_FLOOR, rounds);
  if (onScale !== null) {
    applyPlacement(section, placement, onScale);
    if (!quiet) warnOverflow(section, widthOf(placement));
    return { fit: onScale, contentWidth: null };
  }
  const rescued = largestFit(section, placement, PRINT_FLOOR, rounds);
  const print =
    rescued === null ? bestColumn(section, placement) : { fit: rescued, contentWidth: null };
  applyPrintPlacement(section, placement, print);
  applyPlacement(section, placement, SHRINK_FLOOR);
  section.classList.add("is-overflowing");
  if (!quiet) warnOverflow(section, widthOf(placement));
  return { fit: SHRINK_FLOOR, contentWidth: null, print };
}

/** Content widths tried when widening alone fails: from the normal column to 2.5 times it. */
const COLUMN_STEPS = [1, 1.25, 1.5, 1.75, 2, 2.5];

/**
 * Printing a slide that widening the whole slide does not help (the content grows as fast as
 * the slide, like a graph drawn to fill its column): tries a few column widths, each laid out
 * once, and keeps the one that lets the slide be largest, down to PRINT_ZOOM_FLOOR.
 */
function bestColumn(
  section: HTMLElement,
  placement: Placement,
): { fit: number; contentWidth: number } {
  const slideWidth = widthOf(placement);
  const column = slideWidth - 2 * SIDE_PADDING;
  let best = { fit: 0, contentWidth: column };
  for (const step of COLUMN_STEPS) {
    const contentWidth = column * step;
    // Lay out at exactly this column (a slide just wide enough), then read the height.
    const trialFit = slideWidth / (contentWidth + 2 * SIDE_PADDING);
    applyPlacement(section, placement, trialFit, contentWidth);
    const fit = Math.min(1, trialFit, SLIDE_HEIGHT / section.scrollHeight);
    if (fit > best.fit) best = { fit, contentWidth };
  }
  return { fit: Math.max(PRINT_ZOOM_FLOOR, best.fit), contentWidth: best.contentWidth };
}

/** The custom properties slides/print.css lays a slide out by when it prints smaller. */
const PRINT_PROPERTIES = [
  "--slide-print-fit",
  "--slide-print-width",
  "--slide-print-height",
  "--slide-print-pad-x",
];

/**
 * Records how `section` prints: laid out `width / fit` wide (its content `contentWidth` wide,
 * if set) and zoomed by `fit` onto its page.
 */
function applyPrintPlacement(
  section: HTMLElement,
  placement: Placement,
  { fit, contentWidth }: { fit: number; contentWidth: number | null },
): void {
  const width = widthOf(placement) / fit;
  const style = section.style;
  style.setProperty("--slide-print-fit", String(fit));
  style.setProperty("--slide-print-width", `${width}px`);
  style.setProperty("--slide-print-height", `${SLIDE_HEIGHT / fit}px`);
  style.setProperty(
    "--slide-print-pad-x",
    `${contentWidth === null ? SIDE_PADDING : Math.max(SIDE_PADDING, (width - contentWidth) / 2)}px`,
  );
}

function clearPrintPlacement(section: HTMLElement): void {
  for (const name of PRINT_PROPERTIES) section.style.removeProperty(name);
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
  clearPrintPlacement(section);
  section.classList.remove("is-overflowing");
  delete section.dataset.overflow;
  raiseTags(section);
}
