// A plot on a slide takes the space the slide leaves it. The slide's styles size the figure
// (styles/slides/cells.css: the cell holding it grows into the room below the prose, a grid
// of plots splits that room into cells) and keep the drawing out of that layout, so the figure's
// box is the room the plot has. The view is then redrawn to fill that box exactly, axes and
// legend included, at the projection type scale: the drawing is zoomed by the slide's
// --plot-zoom, so its 12 px labels are drawn at 15 px or more. Back on the reading page the
// plot takes the size its cell asked for again.
import type { VegaViewHandle } from "./vega-view.ts";

/** The part of a Vega view this needs: size, autosize and a redraw. */
interface SizableView extends VegaViewHandle {
  width(value: number): SizableView;
  height(value: number): SizableView;
  autosize(value: unknown): SizableView;
  autosize(): unknown;
}

/** The size a plot asked for on the page, to go back to after the deck. */
export interface PageSize {
  readonly width: number | "container";
  readonly height: number;
}

/** Specs whose parts size themselves (concatenated, faceted, repeated): left as they are. */
export function fillsOnSlide(spec: Record<string, unknown>): boolean {
  return !["concat", "hconcat", "vconcat", "facet", "repeat"].some((key) => key in spec);
}

/** The slide a plot is shown on, in the deck; null on the reading page. */
const slideOf = (figure: Element): Element | null =>
  figure.closest("body.deck-mode article.chapter > section.slide");

/** How much the slide's styles zoom a plot's drawing (the `--plot-zoom` custom property). */
function zoomOf(figure: Element): number {
  const zoom = Number.parseFloat(getComputedStyle(figure).getPropertyValue("--plot-zoom"));
  return Number.isFinite(zoom) && zoom > 0 ? zoom : 1;
}

/** Smallest drawing a plot is given, in its own pixels: below that the slide is too full. */
const MIN_SIDE = 80;

/**
 * The plot's size in its own (unzoomed) pixels when `figure` is a room on a slide of the deck:
 * the figure's box divided by the zoom. Null on the reading page, for a plot laid out by its
 * cell, or when the box is empty (a slide not shown).
 */
export function slideSize(figure: HTMLElement): { width: number; height: number } | null {
  if (!slideOf(figure)) return null;
  // Only a figure the slide's styles size (its drawing taken out of the layout) is a room to
  // fill; one inside a cell's own layout keeps the size its cell asked for.
  const drawing = figure.firstElementChild;
  if (!drawing || getComputedStyle(drawing).position !== "absolute") return null;
  const { width, height } = figure.getBoundingClientRect();
  if (width <= 0 || height <= 0) return null;
  // The box is measured on screen, after the deck scaled the slide: back to slide pixels.
  const slideScale = figure.offsetWidth > 0 ? width / figure.offsetWidth : 1;
  const zoom = zoomOf(figure);
  return {
    width: Math.max(MIN_SIDE, Math.floor(width / slideScale / zoom)),
    height: Math.max(MIN_SIDE, Math.floor(height / slideScale / zoom)),
  };
}

/**
 * Keeps `view` at the size of the room `figure` has on a slide, and at `page` size elsewhere.
 * Stops by itself once the figure leaves the document (its cell ran again).
 */
export function followSlideSize(figure: HTMLElement, view: VegaViewHandle, page: PageSize): void {
  if (typeof ResizeObserver !== "function") return;
  const sizable = view as SizableView;
  const pageAutosize = sizable.autosize();
  let onSlide = "";
  const update = (): void => {
    if (!figure.isConnected) {
      observer.disconnect();
      return;
    }
    const size = slideSize(figure);
    if (size) {
      const key = `${size.width}x${size.height}`;
      if (key === onSlide) return;
      onSlide = key;
      figure.dataset.slideSize = key;
      sizable.autosize({ type: "fit", contains: "padding" }).width(size.width).height(size.height);
      void sizable.runAsync();
    } else if (onSlide && !slideOf(figure)) {
      // Back on the reading page: the size the cell asked for.
      onSlide = "";
      delete figure.dataset.slideSize;
      sizable.autosize(pageAutosize);
      if (typeof page.width === "number") sizable.width(page.width);
      else sizable.width(figure.clientWidth);
      sizable.height(page.height);
      void sizable.runAsync();
    }
  };
  const observer = new ResizeObserver(update);
  observer.observe(figure);
  update();
}
