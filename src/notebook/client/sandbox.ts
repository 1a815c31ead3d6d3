// `Sandbox`, a cell built-in for labs that run code a reader types into a box: compiles it as a
// plain function (it sees its parameters and the browser's globals, nothing of the page's
// cells) and reports any error at a line and column of what the reader typed. Its loops are
// guarded as an edited cell's are, so a loop that never ends is stopped after about 2 s, and
// `remember` keeps what was typed into the box with the page's saved work.
import { instrumentLoops } from "../cell/index.ts";
import { mapColumn, stopMessage } from "../guard/index.ts";
import { installLoopGuard } from "../loop-guard/index.ts";
import { messageNodes } from "../message/index.ts";
import {
  type CodeError,
  type CodeMode,
  codeExcerpt,
  formatCodeError,
  locateRuntimeError,
  locateSyntaxError,
} from "./locate-error.ts";

export { remember } from "./remember-field.ts";
export type { CodeError, CodeMode };

/** Options for `Sandbox.compile`. */
export interface CompileOptions {
  /** Names the code sees as parameters (default none). */
  params?: readonly string[];
  /** "body": statements ending in `return` (default); "expression": one expression. */
  mode?: CodeMode;
}

/** Compiled code: `fn`, and `locate` to place an error it throws; or why it did not compile. */
export type Compiled =
  | { fn: (...args: unknown[]) => unknown; locate: (error: unknown) => CodeError; error: null }
  | { fn: null; error: CodeError };

let compiled = 0;

/** The first line of the reader's code, as the stack numbers lines of a function like `make`. */
function firstLineOf(url: string, make: (body: string) => () => unknown, mode: CodeMode): number {
  try {
    make(mode === "expression" ? "(() => { throw new Error(); })()" : "throw new Error();")();
  } catch (error) {
    const frame = String((error as Error).stack ?? "").match(
      new RegExp(`${url.replace(/[.]/g, "\\.")}:(\\d+):\\d+`),
    );
    if (frame) return Number(frame[1]);
  }
  return Number.NaN; // no positions from this browser's stack
}

/** Compiles the reader's `code`. */
export function compile(code: string, options: CompileOptions = {}): Compiled {
  const params = [...(options.params ?? [])];
  const mode = options.mode ?? "body";
  const url = `your-code-${++compiled}.js`;
  // The reader's text starts a line of its own, so its columns are the browser's.
  const wrap = (text: string): string =>
    mode === "expression"
      ? `"use strict";\nreturn (\n${text}\n);\n//# sourceURL=${url}`
      : `"use strict";\n${text}\n//# sourceURL=${url}`;
  const make = (text: string) => new Function(...params, wrap(text)) as () => unknown;
  try {
    make(code);
  } catch (error) {
    const fallback = error instanceof Error ? error.message : String(error);
    return { fn: null, error: locateSyntaxError(code, mode, fallback) };
  }
  // The guard's calls go onto the lines they guard, so line numbers hold and columns map back.
  const guarded = instrumentLoops(code, mode === "expression", url);
  installLoopGuard();
  const fn = make(guarded.code) as (...args: unknown[]) => unknown;
  let first: number | undefined;
  const locate = (error: unknown): CodeError => {
    first ??= firstLineOf(url, make, mode);
    const found = Number.isNaN(first)
      ? locateRuntimeError(error, "", 0)
      : locateRuntimeError(error, url, first);
    const message = stopMessage(error) ?? found.message;
    if (found.line === undefined) return { message };
    const column = mapColumn(found.line, (found.column ?? 1) - 1, guarded.insertions) + 1;
    return { message, line: found.line, column };
  };
  return { fn, locate, error: null };
}

/** "`lead` on line 3, column 10: message" (or without `lead`: "Line 3, column 10: message"). */
export function describeError(error: CodeError, lead = ""): string {
  if (error.line === undefined) return lead ? `${lead}: ${error.message}` : error.message;
  const place = formatCodeError(error);
  return lead ? `${lead} on ${place}` : place.charAt(0).toUpperCase() + place.slice(1);
}

/** The error as an alert: "⚠ " and `describeError`, then its line with a caret under the column. */
export function errorView(code: string, error: CodeError, lead = ""): HTMLElement {
  const box = document.createElement("div");
  box.className = "code-error lab-error";
  box.setAttribute("role", "alert");
  const p = document.createElement("p");
  p.append("⚠ ", ...messageNodes(describeError(error, lead)));
  box.append(p);
  const excerpt = codeExcerpt(code, error);
  if (excerpt) {
    const pre = document.createElement("pre");
    pre.className = "code-error-excerpt";
    pre.setAttribute("aria-hidden", "true"); // the message already says where
    pre.textContent = excerpt;
    box.append(pre);
  }
  return box;
}
