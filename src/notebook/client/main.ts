import { type Module, Runtime, type Variable } from "@observablehq/runtime";
import type { ClientCell, NotebookHandle } from "../handle/index.ts";
import { cellFunction, errorLocation } from "./cell-function.ts";
import { type CellObserver, createCellObserver, type PageContext } from "./cell-observer.ts";
import { addEditButtons } from "./edit-buttons.ts";
import { input } from "./generators.ts";
import { createBuiltins, type LibraryOptions } from "./library.ts";
import { nameControls } from "./name-controls.ts";
import { snapNumberBoxes } from "./snap-number-boxes.ts";
import { showUnhandledRejections } from "./unhandled-rejections.ts";
import { createVisibility } from "./visibility.ts";

/** A cell's variable and the variables of the names it declares. */
interface DefinedCell {
  variable: Variable;
  outputs: Map<string, Variable>;
}

/**
 * Starts the page's cells on @observablehq/runtime: one variable per cell (observed, so it
 * renders), and one per declared name, reading it off the cell's returned object. Cells whose
 * loops call the guard need it installed first (the page module does so: notebook/loop-guard).
 */
export function boot(cells: readonly ClientCell[], options: LibraryOptions): NotebookHandle {
  snapNumberBoxes(document);
  const builtins = createBuiltins(options);
  const runtime = new Runtime(builtins);
  const main = runtime.module();
  const waiting = new Map<string, string>();
  const current = new Map(cells.map((c) => [c.id, c]));
  const defined = new Map<string, DefinedCell>();
  const builtinsAdded = new Set<string>();
  const handle: NotebookHandle = {
    settled: Promise.resolve(),
    runtime,
    cellSettledAt: {},
    pending: () => [...waiting.values()],
    cells: () => [...current.values()],
    // The runtime adds these per cell (observable convention), besides the page's built-ins.
    builtins: new Set([...Object.keys(builtins), "invalidation", "visibility", "display", "view"]),
    redefine(cell) {
      const cellState = defined.get(cell.id);
      if (!cellState) throw new Error(`no cell ${cell.id} runs on this page`);
      current.set(cell.id, cell);
      for (const name of cell.outputs) page.declaredBy.set(name, cell.source);
      redefineCell(main, cell, cellState);
    },
    defineBuiltin(name, definition) {
      if (builtinsAdded.has(name)) return;
      builtinsAdded.add(name);
      main.define(name, [], definition);
    },
  };
  const page: PageContext & { declaredBy: Map<string, string> } = {
    declaredBy: new Map(cells.flatMap((c) => c.outputs.map((name) => [name, c.source] as const))),
    locate: (error) => errorLocation(error, [...current.values()]),
  };
  let resolve!: () => void;
  const settled = new Promise<void>((y) => {
    resolve = y;
  });
  handle.settled = settled;
  const roots = new Map<string, Element>();
  for (const cell of cells) {
    const root = cell.error === undefined && document.querySelector(`[data-cell="${cell.id}"]`);
    if (!root) continue; // nowhere to render (the page and its module disagree); do not wait for it
    roots.set(cell.id, root);
    waiting.set(cell.id, cell.source);
  }
  showUnhandledRejections(handle.cells, (id) => roots.get(id));
  void settled.then(() => (handle.settledAt = performance.now()));
  window.__notebook = handle;
  // The runtime computes cells in animation frames, which run before a frame is painted: started
  // at once, a page of heavy cells would keep its prose and math off the screen until they are
  // done. So the prose is painted first, then the cells start.
  afterFirstPaint(() => {
    for (const cell of cells) {
      if (cell.error !== undefined) {
        defineFailed(main, cell);
        continue;
      }
      const root = roots.get(cell.id);
      if (!root) continue;
      const observer = createCellObserver(root, cell, page, () => {
        handle.cellSettledAt[cell.id] = performance.now();
        waiting.delete(cell.id);
        if (waiting.size === 0) resolve();
      });
      defined.set(cell.id, defineCell(main, cell, observer));
    }
    addEditButtons(handle, [...roots.keys()]);
    // Cells settle asynchronously (the runtime computes on the next frame), never in this loop.
    if (waiting.size === 0) resolve();
  });
  return handle;
}

/** Runs `start` just after the page's next paint (a frame callback, then a task after it). */
function afterFirstPaint(start: () => void): void {
  if (document.visibilityState === "hidden") {
    setTimeout(start, 0); // a background tab paints nothing; frames would never come
    return;
  }
  requestAnimationFrame(() => setTimeout(start, 0));
}

/** `display`, `view` and `visibility` are per cell, so they come through the variable's shadow scope. */
function defineCell(main: Module, cell: ClientCell, observer: CellObserver): DefinedCell {
  // A control shown with `view` is named after the variable it defines when nothing else names it.
  const view = (element: Element): unknown =>
    input(observer.display(nameControls(element, cell.outputs[0])));
  const seen = createVisibility(observer._node, observer.waitingForVisibility);
  observer.onRestart = seen.cancel;
  const variable = main.variable(observer, {
    shadow: {
      display: () => observer.display,
      view: () => view,
      visibility: () => seen.visibility,
    },
  });
  variable.define(`cell ${cell.id}`, cell.inputs, cellFunction(cell));
  const outputs = new Map<string, Variable>();
  for (const name of cell.outputs) outputs.set(name, defineOutput(main, cell, name));
  return { variable, outputs };
}

function defineOutput(main: Module, cell: ClientCell, name: string): Variable {
  return main.define(
    name,
    [`cell ${cell.id}`],
    (exports: Record<string, unknown>) => exports[name],
  );
}

/** New code for a defined cell: names it no longer declares go, new ones are added. */
function redefineCell(main: Module, cell: ClientCell, defined: DefinedCell): void {
  defined.variable.define(`cell ${cell.id}`, cell.inputs, cellFunction(cell));
  for (const [name, variable] of defined.outputs) {
    if (cell.outputs.includes(name)) continue;
    variable.delete();
    defined.outputs.delete(name);
  }
  for (const name of cell.outputs)
    if (!defined.outputs.has(name)) defined.outputs.set(name, defineOutput(main, cell, name));
}

/** The names of a cell that does not compile: each fails, so the cells using them wait. */
function defineFailed(main: Module, cell: ClientCell): void {
  for (const name of cell.outputs) {
    main.define(name, [], () => {
      throw new Error(`${name} comes from a cell that does not compile: ${cell.error}`);
    });
  }
}
