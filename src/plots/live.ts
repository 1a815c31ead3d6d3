import { type PlotElement, type VegaLiteOptions, vegaLite } from "./vega-lite.ts";

/** Options for a live plot: the named datasets the spec reads, with their first rows. */
export interface LiveOptions extends VegaLiteOptions {
  datasets: Record<string, unknown[]>;
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
 * A Vega-Lite view whose named datasets (`data: {name: "loss"}` in the spec) can be streamed:
 * updates are batched per animation frame so a training loop can push every step. A legend
 * whose entries come from a dataset that starts empty may stay blank once rows arrive (Vega
 * sizes it on the first pass): give that colour scale an explicit `domain`.
 */
export function live(spec: Record<string, unknown>, options: LiveOptions): LivePlot {
  const element = vegaLite({ ...spec, datasets: options.datasets }, options);
  const pending = new Map<string, { replace: boolean; rows: unknown[] }>();
  let scheduled = false;
  const flush = async (): Promise<void> => {
    scheduled = false;
    const view = await element.view;
    const vega = await import("vega");
    for (const [name, update] of pending) {
      const changes = update.replace
        ? vega
            .changeset()
            .remove(() => true)
            .insert(update.rows)
        : vega.changeset().insert(update.rows);
      view.change(name, changes);
    }
    pending.clear();
    await view.runAsync();
  };
  const schedule = (): void => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(() => void flush());
    }
  };
  return {
    element,
    push(dataset, rows) {
      const entry = pending.get(dataset) ?? { replace: false, rows: [] };
      entry.rows.push(...rows);
      pending.set(dataset, entry);
      schedule();
    },
    replace(dataset, rows) {
      pending.set(dataset, { replace: true, rows: [...rows] });
      schedule();
    },
  };
}
