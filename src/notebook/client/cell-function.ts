// A cell's body becomes a function through the browser's own compiler, not the bundle: the
// source is padded so the code sits on its Markdown line, and named after the Markdown file,
// so a stack trace (and the browser's tools) point into the chapter itself, minified or not.

import { mapColumn } from "../guard/index.ts";
import type { CellCode } from "../handle/index.ts";

/** The name stack frames of a cell's code carry: "content/06-backprop.md?c3". */
export function cellUrl(cell: Pick<CellCode, "id" | "source" | "edited">): string {
  return `${fileOf(cell.source)}?${cell.id}${cell.edited ? "-edited" : ""}`;
}

function fileOf(source: string): string {
  return source.replace(/:\d+$/, "");
}

/** Compiles a cell's body (strict mode, global scope) so its lines are the Markdown's. */
export function cellFunction(cell: CellCode): (...inputs: unknown[]) => unknown {
  // Line 1 holds the directive; the padding puts the body's first line just above `line`.
  const padding = "\n".repeat(Math.max(0, cell.line - 2));
  const text = `"use strict";${padding}(${cell.body})\n//# sourceURL=${cellUrl(cell)}`;
  // Indirect eval (called by another name): the code sees the page's globals, never this
  // module's names. The code is the chapter author's own, checked at build time.
  // biome-ignore lint/security/noGlobalEval: compiling cell code at its Markdown line is the point
  const evaluate: (source: string) => (...inputs: unknown[]) => unknown = eval;
  return evaluate(text);
}

/**
 * Where an error happened in the Markdown: the innermost stack frame in any cell of the page
 * ("content/06-backprop.md:45:9"), or null when no frame is in a cell (a thrown string, say).
 */
export function errorLocation(error: unknown, cells: readonly CellCode[]): string | null {
  const stack = (error as { stack?: unknown } | null)?.stack;
  if (typeof stack !== "string" || cells.length === 0) return null;
  const byId = new Map(cells.map((c) => [c.id, c]));
  const file = fileOf(cells[0].source).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const frames = new RegExp(`${file}\\?(c\\d+)(-edited)?:(\\d+):(\\d+)`, "g");
  for (const frame of stack.matchAll(frames)) {
    const cell = byId.get(frame[1]);
    // A frame of a cell's earlier code (a function it declared before an edit) is passed over.
    if (!cell || Boolean(frame[2]) !== Boolean(cell.edited)) continue;
    const line = Number(frame[3]);
    const codeLine = line - cell.line + 1;
    const column = mapColumn(codeLine, Number(frame[4]) - 1, cell.insertions ?? []) + 1;
    if (cell.edited) return `line ${codeLine}:${column} of the edited code`;
    const start = cell.columns?.[codeLine - 1] ?? 1;
    return `${fileOf(cell.source)}:${line}:${start + column - 1}`;
  }
  return null;
}
