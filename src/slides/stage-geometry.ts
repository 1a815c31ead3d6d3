// Where a slide goes on a screen: the largest box of the deck's shape inside a given box,
// centred (letterboxed), and the tiles of the overview grid. Pure arithmetic, tested in Node.

/** A box in CSS pixels, as getBoundingClientRect gives it. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * A slide's logical size: every slide is laid out at this size, then scaled to its box. The
 * height is the same for every aspect ratio (the type scale is set against it); a 4:3 or 16:10
 * deck is narrower (deck-aspect.ts).
 */
export const SLIDE_WIDTH = 1280;
export const SLIDE_HEIGHT = 720;

/** A placed slide: the top-left corner and the scale from logical to screen pixels. */
export interface Placement {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
  /** The slide's logical width (its aspect ratio; SLIDE_WIDTH when absent). */
  readonly slideWidth?: number;
}

/** The largest `slideWidth` × SLIDE_HEIGHT slide that fits `box`, centred in it. */
export function letterbox(box: Box, margin = 0, slideWidth = SLIDE_WIDTH): Placement {
  const width = Math.max(0, box.width - 2 * margin);
  const height = Math.max(0, box.height - 2 * margin);
  const scale = Math.min(width / slideWidth, height / SLIDE_HEIGHT);
  return {
    x: box.x + (box.width - slideWidth * scale) / 2,
    y: box.y + (box.height - SLIDE_HEIGHT * scale) / 2,
    scale,
    slideWidth,
  };
}

/** The overview grid: one placement per slide and the column count (for ↑/↓ moves). */
export interface OverviewGrid {
  readonly columns: number;
  readonly tiles: readonly Placement[];
}

/**
 * Lays `count` slides `slideWidth` wide out in the grid whose tiles are largest while all of
 * them fit `box`, with `gap` pixels between tiles and around the edge.
 */
export function overviewGrid(
  count: number,
  box: Box,
  gap = 24,
  slideWidth = SLIDE_WIDTH,
): OverviewGrid {
  if (count <= 0) return { columns: 1, tiles: [] };
  let best = { columns: 1, scale: 0 };
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const scale = Math.min(
      (box.width - gap * (columns + 1)) / (columns * slideWidth),
      (box.height - gap * (rows + 1)) / (rows * SLIDE_HEIGHT),
    );
    if (scale > best.scale) best = { columns, scale };
  }
  const { columns, scale } = best;
  const rows = Math.ceil(count / columns);
  // Centre the whole grid in the box, so a short deck sits in the middle of the screen.
  const gridWidth = columns * slideWidth * scale + (columns - 1) * gap;
  const gridHeight = rows * SLIDE_HEIGHT * scale + (rows - 1) * gap;
  const left = box.x + (box.width - gridWidth) / 2;
  const top = box.y + (box.height - gridHeight) / 2;
  const tiles: Placement[] = [];
  for (let i = 0; i < count; i++) {
    const column = i % columns;
    const row = Math.floor(i / columns);
    tiles.push({
      x: left + column * (slideWidth * scale + gap),
      y: top + row * (SLIDE_HEIGHT * scale + gap),
      scale: Math.max(0, scale),
      slideWidth,
    });
  }
  return { columns, tiles };
}

/**
 * How much to shrink a slide whose content is larger than the slide, so nothing is cut off on
 * the projector: 1 when it fits, never below `floor` (past that the slide scrolls instead).
 */
export function contentFit(
  contentWidth: number,
  contentHeight: number,
  floor = 0.5,
  slideWidth = SLIDE_WIDTH,
): number {
  const fit = Math.min(1, slideWidth / contentWidth, SLIDE_HEIGHT / contentHeight);
  return Number.isFinite(fit) && fit > 0 ? Math.max(floor, fit) : 1;
}
