// Puts one of the page's own slide sections on screen at a placement: fixed position, logical
// 1280 × 720 size, scaled. Content taller or wider than the slide is shrunk to fit (down to
// half size) rather than cut off, because a projector cannot scroll.
import { contentFit, type Placement, SLIDE_HEIGHT, SLIDE_WIDTH } from "./stage-geometry.ts";

/** Smallest content shrink; a slide needing less than half size gets a scroll bar instead. */
const FIT_FLOOR = 0.5;

function applyPlacement(section: HTMLElement, placement: Placement, fit: number): void {
  const style = section.style;
  style.setProperty("--slide-x", `${placement.x}px`);
  style.setProperty("--slide-y", `${placement.y}px`);
  style.setProperty("--slide-scale", String(placement.scale * fit));
  style.setProperty("--slide-width", `${SLIDE_WIDTH / fit}px`);
  style.setProperty("--slide-height", `${SLIDE_HEIGHT / fit}px`);
}

/**
 * Places `section` and shrinks its content until it fits: each round lays the slide out at
 * the current size and shrinks to what the content measured (wider slides wrap text into fewer
 * lines, so two or three rounds settle it). Returns the content scale used.
 */
export function placeSlide(section: HTMLElement, placement: Placement): number {
  let fit = 1;
  applyPlacement(section, placement, fit);
  for (let round = 0; round < 3; round++) {
    const wanted = Math.min(fit, contentFit(section.scrollWidth, section.scrollHeight, FIT_FLOOR));
    if (wanted > fit - 0.005) break;
    fit = wanted;
    applyPlacement(section, placement, fit);
  }
  section.classList.toggle("is-overflowing", fit <= FIT_FLOOR);
  return fit;
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
