// A promise rejected inside a cell and never awaited (a `.then` whose callback throws, an async
// function called without `await`) fails after the cell has returned, so the runtime never sees
// it: the browser only logs it. Its stack still names the cell's code ("…md?c3:45:9"), so the
// failure is shown in that cell, the way the cell's own errors are.
import type { CellCode } from "../handle/index.ts";
import { messageNodes } from "../message/index.ts";
import { errorLocation } from "./cell-function.ts";

/** The cell (by id) whose code a stack frame of `error` is in, innermost frame first. */
export function cellOfError(error: unknown, cells: readonly CellCode[]): CellCode | undefined {
  const stack = (error as { stack?: unknown } | null)?.stack;
  if (typeof stack !== "string") return undefined;
  const byId = new Map(cells.map((c) => [c.id, c]));
  for (const [, id] of stack.matchAll(/\.md\?(c\d+)(?:-edited)?:\d+:\d+/g)) {
    const cell = byId.get(id);
    if (cell) return cell;
  }
  return undefined;
}

/**
 * Shows each unhandled rejection that comes from a cell's code in that cell's element (found by
 * `rootOf`), with the Markdown line and column it was thrown at. Returns a function to stop.
 */
export function showUnhandledRejections(
  cells: () => readonly CellCode[],
  rootOf: (id: string) => Element | undefined,
): () => void {
  const onRejection = (event: PromiseRejectionEvent): void => {
    const cell = cellOfError(event.reason, cells());
    const root = cell && rootOf(cell.id);
    if (!cell || !root) return; // not from a cell: the browser's own report stays
    event.preventDefault();
    const where = errorLocation(event.reason, cells()) ?? cell.source;
    const reason = event.reason as { message?: unknown } | null;
    const message = typeof reason?.message === "string" ? reason.message : String(event.reason);
    const box = document.createElement(root.tagName === "SPAN" ? "span" : "div");
    box.className = "cell-error-message";
    box.append(...messageNodes(`A promise failed in the cell at ${where} — ${message}`));
    root.classList.add("cell-failed");
    root.setAttribute("role", "alert");
    root.append(box);
    console.error(`A promise failed in the cell at ${where}:`, event.reason);
  };
  addEventListener("unhandledrejection", onRejection);
  return () => removeEventListener("unhandledrejection", onRejection);
}
