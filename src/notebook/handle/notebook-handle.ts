// The running notebook as the parts a page loads later (the editor, the exercises) see it: the
// handle `boot` returns (also at `window.__notebook`) and the cells it runs. Types only, so
// those parts depend on this and not on the client that boots the page.

import type { Runtime } from "@observablehq/runtime";
import type { Insertion } from "../guard/index.ts";

/** What a cell's code needs to be compiled and its errors placed. */
export interface CellCode {
  id: string;
  /** Source of a function of the cell's inputs; the code starts on its second line. */
  body: string;
  /** "content/06-backprop.md:42" */
  source: string;
  /** The Markdown line of the code's first line. */
  line: number;
  /** The Markdown column of each code line, when any is not 1. */
  columns?: readonly number[];
  /**
   * Set for code a reader edited in the page: its lines are the editor's (code line 1 on body
   * line 2, `line` is 2) and errors are placed in the edited code, not the Markdown.
   */
  edited?: boolean;
  /** Text the loop guard put into the code, so columns after it map back to what was written. */
  insertions?: readonly Insertion[];
}

/** A cell as the generated page module hands it over: the build's definition, as data. */
export interface ClientCell extends CellCode {
  inputs: string[];
  outputs: string[];
  expression: boolean;
  inline: boolean;
  /** Set when the cell does not compile (dev): its outputs exist, failing with this. */
  error?: string;
}

/**
 * What tests and the benchmark can wait on: every cell has shown a first value or an error,
 * or waits for the reader to scroll to it (`visibility`).
 */
export interface NotebookHandle {
  settled: Promise<void>;
  /** `performance.now()` when the last cell settled (for the site benchmark). */
  settledAt?: number;
  /** `performance.now()` when each cell settled, by cell id (to find a slow cell). */
  cellSettledAt: Record<string, number>;
  /** The cells not settled yet, as "file:line" (for a test that gives up waiting). */
  pending(): string[];
  runtime: Runtime;
  /** The page's cells as they run now (an edited cell's entry is its edited code). */
  cells(): readonly ClientCell[];
  /**
   * Runs new code in a cell's place (a reader's edit): the cell's variable takes the new
   * definition and its declared names follow, so every cell using them runs again.
   */
  redefine(cell: ClientCell): void;
  /** Names the runtime has as built-ins (the standard ones and the library exports the page uses). */
  builtins: ReadonlySet<string>;
  /** Defines a name the page's cells did not use so far (a library export an edit uses). */
  defineBuiltin(name: string, definition: () => unknown): void;
}

declare global {
  interface Window {
    __notebook?: NotebookHandle;
  }
}
