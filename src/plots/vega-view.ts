// The part of a live Vega view the plots use, apart from the code that makes one (vega-lite.ts),
// so the files that drive a view (live.ts, slide-size.ts) need not import the renderer.
import type { Changeset } from "./replace-rows.ts";

/** The live Vega view behind a plot, once it has rendered. */
export interface VegaViewHandle {
  change(name: string, changeset: unknown): VegaViewHandle;
  /** An empty changeset for `change` (Vega's own, without importing it again). */
  changeset(): Changeset;
  insert(name: string, rows: unknown[]): VegaViewHandle;
  runAsync(): Promise<unknown>;
  finalize(): void;
  /** How many removed items a mark's join may hold before it lets them go (Vega: 10 000). */
  cleanThreshold: number;
  /** The tuples a dataset holds now. */
  data(name: string): unknown[];
  data(name: string, rows: unknown[]): VegaViewHandle;
}
