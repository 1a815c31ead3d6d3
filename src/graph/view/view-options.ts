// The options a cell passes to graph.view, and the two thresholds that shape a drawing.
import type { LayoutOptions } from "../layout/index.ts";
import type { TraceOptions } from "../model/index.ts";

/** Options for `graph.view`. */
export interface ViewOptions extends TraceOptions, LayoutOptions {
  /** Where the stepper starts: "start" (default), "forward" (forward pass done), "end", or a position. */
  start?: "start" | "forward" | "end" | number;
  /** Steps per second when playing (default 1). */
  speed?: number;
  /** Finite-difference check on from the start (default false). */
  check?: boolean;
  /** Nudge panel open from the start (default false). */
  nudge?: boolean;
  /** Accessible name of the widget (default "Computation graph"). */
  title?: string;
  /** Show the text alternative table (default false; screen readers always have it). */
  tableOpen?: boolean;
  /** Draw every neuron and weight as its own scalar node (small networks, ≤ 8 units per layer). */
  neurons?: boolean;
  /** The document to build in (default: the global one). */
  document?: Document;
}

/**
 * Graphs at least this much wider than tall put the panels under the drawing on a slide; the
 * others beside it. Where the two layouts of styles/graph/on-slide.css draw a graph equally
 * large: under, the drawing gets the view's width and its height less the toolbar and the
 * equation's row (1240 × 354 px of a 1248 × 564 px stepper at 16:9); beside, 56% of its width
 * and nearly all its height (700 × 500), so they break even at 700 / 354, about 2.
 */
export const WIDE_ASPECT = 2;
/**
 * Drawings with more nodes than this hold still: no fades, no flowing dashes (graph.css,
 * `.is-still`). Each frame of motion repaints the whole drawing, about 0.025 ms a node here, so
 * on a 1,000-node graph the page was never idle while it lasted, and the next steps' equations,
 * built in idle time, were typeset on the key press instead (two or three frames a step).
 */
export const MOTION_LIMIT = 400;
