// The overview: every slide as a tile on one screen, one of them selected. The arrows move the
// selection (↑/↓ by a row), Enter or a click opens the slide.
import type { SlideFitter } from "./slide-fitter.ts";
import { type Box, overviewGrid } from "./stage-geometry.ts";

/** Which tile is selected, and how the grid is laid out. */
export class DeckOverview {
  private openNow = false;
  private selected = 0;
  private columns = 1;

  constructor(
    private readonly body: HTMLElement,
    private readonly slides: readonly HTMLElement[],
  ) {}

  get isOpen(): boolean {
    return this.openNow;
  }

  /** The selected tile's 0-based slide. */
  get selection(): number {
    return this.selected;
  }

  /** Opens or closes the overview with `slide` selected. */
  setOpen(open: boolean, slide: number): void {
    this.openNow = open;
    this.body.classList.toggle("deck-overview", open);
    for (const section of this.slides) section.classList.toggle("is-tile", open);
    this.select(slide);
  }

  /** Selects a tile (clamped); returns the slide selected. */
  select(slide: number): number {
    this.selected = Math.min(this.slides.length - 1, Math.max(0, slide));
    this.slides.forEach((section, i) => {
      section.classList.toggle("is-selected", this.openNow && i === this.selected);
    });
    return this.selected;
  }

  /** Moves the selection by `rows` whole rows of the grid. */
  selectRow(rows: number): number {
    return this.select(this.selected + rows * this.columns);
  }

  /** Places every slide (`slideWidth` logical pixels wide) on its tile in `screen`. */
  layout(screen: Box, fitter: SlideFitter, slideWidth: number): void {
    const grid = overviewGrid(this.slides.length, screen, 24, slideWidth);
    this.columns = grid.columns;
    // Tiles are small: a rough fit is enough, found for all slides in one batch.
    fitter.placeMany(this.slides, grid.tiles);
  }
}
