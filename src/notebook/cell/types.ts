// One cell as plain data, from its source to its runtime definition, and a compile error.

import type { Insertion } from "../guard/index.ts";

/** A position in a Markdown source file, 1-based line and column. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** One live cell after parsing: its code, where it sits, what it declares and uses. */
export interface CellSource {
  /** Stable id within the page ("c1", "c2", … in source order). */
  id: string;
  /** JavaScript as written in the Markdown. */
  code: string;
  /** Where the first line of `code` sits in the Markdown file. */
  position: SourcePosition;
  /**
   * The file column of each line of `code` (its lines sit on consecutive file lines); inside a
   * list or quote they start after the markers. Missing: line 1 at `position`, the rest at 1.
   */
  columns?: number[];
  /** True for `${…}` in prose. */
  inline: boolean;
  /** `echo` in the fence info: show the source under the output. */
  echo: boolean;
}

/** A cell after acorn has read it. */
export interface ParsedCell extends CellSource {
  /** True when the cell is a single expression whose value is displayed. */
  expression: boolean;
  /** Top-level names the cell declares (become reactive variables), where each is declared. */
  declarations: NameSite[];
  /** Free names the cell reads, each at its first use, in first-use order. */
  references: NameSite[];
  /** Free names the cell assigns to (`x = …`, `x++`): never allowed for another cell's names. */
  assignments: NameSite[];
  /** True when the cell uses `await` at top level. */
  async: boolean;
  /** Set when the cell could not be compiled; the page shows it in place of the cell. */
  error?: CompileErrorData;
}

/** A name and where it appears in the Markdown file (1-based line and column). */
export interface NameSite {
  name: string;
  line: number;
  column: number;
}

/** A cell ready for the client: the runtime definition `{id, inputs, outputs, body}`. */
export interface CellDefinition {
  id: string;
  inputs: string[];
  outputs: string[];
  expression: boolean;
  inline: boolean;
  /** JavaScript source of a function taking `inputs` in order; the cell's code starts on its line 2. */
  body: string;
  /** "content/06-backprop.md:42" — used in run-time error messages. */
  source: string;
  /** The Markdown file line of the code's first line (body line 2). */
  line: number;
  /** The file column of each code line, when any is not 1 (inline cells, lists, quotes). */
  columns?: number[];
  /** What the loop guard put into the code (instrument-loops.ts), when it put anything. */
  insertions?: readonly Insertion[];
  /**
   * Set for a cell that does not compile (dev): the page shows this error in its place, and
   * its `outputs` exist as failed variables, so the cells using them say they are waiting.
   */
  error?: string;
}

/** A compile error as data (line and column are 1-based). */
export interface CompileErrorData {
  file: string;
  line: number;
  column: number;
  message: string;
  /** The cell the error belongs to, when it belongs to one (dev pages show it there). */
  cellId?: string;
}
