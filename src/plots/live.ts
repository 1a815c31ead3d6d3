import { boundRows, type HistoryMode } from "./bound-rows.ts";
import { redrawQueue } from "./redraw-queue.ts";
import { replaceRows } from "./replace-rows.ts";
import { type PlotElement, type VegaLiteOptions, vegaLite } from "./vega-lite.ts";
import type { VegaViewHandle } from "./vega-view.ts";

/** Options for a live plot: the named datasets the spec reads, with their first rows. */
export interface LiveOptions extends VegaLiteOptions {
  datasets: Record<string, unknown[]>;
  /**
   * Rows a dataset keeps at most (default 2000): a run pushing a loss every step for a whole
   * lecture would otherwise grow the page's memory and each redraw's work without end.
   */
  maxRows?: number;
  /** How older rows go past `maxRows` (default "downsample": the whole run at lower density). */
  history?: HistoryMode;
}

/** A plot that grows while a network trains. */
export interface LivePlot {
  element: PlotElement;
  /** Adds rows to a dataset (drawn at the next animation frame, however many calls came in). */
  push(dataset: string, rows: unknown[]): void;
  /** Replaces a dataset's rows. */
  replace(dataset: string, rows: unknown[]): void;
}

/**
 * How often a live plot redraws for a reader who asked for reduced motion: the lines still
 * grow, twice a second, instead of a redraw on every frame flickering while a network trains.
 */
export const CALM_REDRAW_MS = 500;

/** Removed items a live plot's marks may hold before Vega lets them go. */
const LIVE_CLEAN_THRESHOLD = 256;

const reducedMotion = (): boolean =>
  typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;

/**
 * A Vega-Lite view whose named datasets (`data: {name: "loss"}` in the spec) can be streamed:
 * updates are batched per animation frame (every half second under reduced motion) so a
 * training loop can push every step; when several plots change at once, a frame redraws those
 * that fit in its drawing budget and the others on the next (redraw-queue.ts). A legend
 * whose entries come from a dataset that starts empty may stay blank once rows arrive (Vega
 * sizes it on the first pass): give that colour scale an explicit `domain`.
 */
export function live(spec: Record<string, unknown>, options: LiveOptions): LivePlot {
  const element = vegaLite({ ...spec, datasets: options.datasets }, options);
  const maxRows = options.maxRows ?? 2000;
  const history = options.history ?? "downsample";
  // What each dataset holds (once the pending updates are drawn), to thin it when it is full.
  const held = new Map(Object.entries(options.datasets).map(([name, rows]) => [name, [...rows]]));
  const pending = new Map<string, { replace: boolean; rows: unknown[] }>();
  let scheduled = false;
  // Vega keeps the items of removed rows in each mark's join until more than `cleanThreshold`
  // (10 000) have piled up; a plot thinning its history every few hundred frames would carry
  // thousands of dead items (and their SVG nodes) at all times. Its own few hundred rows make
  // an early clean cheap.
  let view: VegaViewHandle | null = null;
  void element.view.then((drawn) => {
    drawn.cleanThreshold = LIVE_CLEAN_THRESHOLD;
    view = drawn;
    // Rows that came while the plot was not drawn yet (parked below the fold).
    if (pending.size > 0) schedule();
  });
  // Applies the pending rows; settles once Vega has drawn them. Plots redraw through the page's
  // queue, so several live plots changing on every frame share each frame's drawing time.
  const flush = (): Promise<unknown> => {
    scheduled = false;
    if (!view) return Promise.resolve();
    for (const [name, update] of pending) {
      const changes = update.replace
        ? replaceRows(view.changeset(), view.data(name), update.rows)
        : view.changeset().insert(update.rows);
      view.change(name, changes);
    }
    pending.clear();
    return view.runAsync();
  };
  const schedule = (): void => {
    if (scheduled || !view) return;
    scheduled = true;
    if (reducedMotion()) setTimeout(() => void flush(), CALM_REDRAW_MS);
    else redrawQueue().add(flush);
  };
  return {
    element,
    push(dataset, rows) {
      const all = held.get(dataset) ?? [];
      for (const row of rows) all.push(row);
      const kept = boundRows(all, maxRows, history);
      held.set(dataset, kept);
      if (kept !== all) {
        // Thinned: the view gets the kept rows whole (and nothing piles up while no frame
        // comes, in a background tab). A copy: rows pushed before the next frame are added to
        // it, and `held` has them already.
        pending.set(dataset, { replace: true, rows: [...kept] });
      } else {
        const entry = pending.get(dataset) ?? { replace: false, rows: [] };
        for (const row of rows) entry.rows.push(row);
        pending.set(dataset, entry);
      }
      schedule();
    },
    replace(dataset, rows) {
      const kept = boundRows([...rows], maxRows, history);
      held.set(dataset, kept);
      pending.set(dataset, { replace: true, rows: [...kept] });
      schedule();
    },
  };
}
