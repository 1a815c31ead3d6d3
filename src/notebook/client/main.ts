import { type Module, Runtime } from "@observablehq/runtime";
import { createCellObserver } from "./cellObserver.ts";
import { input } from "./generators.ts";
import { createBuiltins, type LibraryOptions } from "./library.ts";

/** A cell as the generated page module hands it over: the build's definition with a real body. */
export interface ClientCell {
  id: string;
  inputs: string[];
  outputs: string[];
  expression: boolean;
  inline: boolean;
  /** "content/06-backprop.md:42" */
  source: string;
  body: (...args: never[]) => unknown;
}

/** What tests and the benchmark can wait on: every cell has shown a first value or error. */
export interface NotebookHandle {
  settled: Promise<void>;
  /** `performance.now()` when the last cell settled (for the site benchmark). */
  settledAt?: number;
  /** `performance.now()` when each cell settled, by cell id (to find a slow cell). */
  cellSettledAt: Record<string, number>;
  runtime: Runtime;
}

declare global {
  interface Window {
    __notebook?: NotebookHandle;
  }
}

/**
 * Starts the page's cells on @observablehq/runtime: one variable per cell (observed, so it
 * renders), and one per declared name, reading it off the cell's returned object.
 */
export function boot(cells: readonly ClientCell[], options: LibraryOptions): NotebookHandle {
  const runtime = new Runtime(createBuiltins(options));
  const main = runtime.module();
  const handle: NotebookHandle = { settled: Promise.resolve(), runtime, cellSettledAt: {} };
  const declared = new Set(cells.flatMap((c) => c.outputs));
  let remaining = cells.length;
  let resolve!: () => void;
  const settled = new Promise<void>((y) => {
    resolve = y;
  });
  handle.settled = settled;
  for (const cell of cells) {
    const root = document.querySelector(`[data-cell="${cell.id}"]`);
    if (!root) {
      remaining--; // nowhere to render (the page and its module disagree); do not wait for it
      continue;
    }
    const observer = createCellObserver(root, cell, declared, () => {
      handle.cellSettledAt[cell.id] = performance.now();
      if (--remaining === 0) resolve();
    });
    defineCell(main, cell, observer);
  }
  // Cells settle asynchronously (the runtime computes on the next frame), never inside this loop.
  if (remaining === 0) resolve();
  void settled.then(() => (handle.settledAt = performance.now()));
  window.__notebook = handle;
  return handle;
}

/** `display` and `view` are per cell, so they come through the variable's shadow scope. */
function defineCell(
  main: Module,
  cell: ClientCell,
  observer: ReturnType<typeof createCellObserver>,
): void {
  const view = (element: Element): unknown => input(observer.display(element));
  const variable = main.variable(observer, {
    shadow: { display: () => observer.display, view: () => view },
  });
  variable.define(`cell ${cell.id}`, cell.inputs, cell.body);
  for (const name of cell.outputs) {
    main.define(name, [`cell ${cell.id}`], (exports: Record<string, unknown>) => exports[name]);
  }
}
