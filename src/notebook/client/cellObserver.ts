import type { Observer } from "@observablehq/runtime";
import { inspect } from "./inspect.ts";

/** What the client knows about a cell besides its body. */
export interface CellInfo {
  id: string;
  inputs: readonly string[];
  expression: boolean;
  inline: boolean;
  /** "content/06-backprop.md:42" */
  source: string;
}

/** An observer bound to a cell's element, plus the cell's own `display`. */
export interface CellObserver extends Required<Observer> {
  display<T>(value: T): T;
  /** The runtime's `visibility` built-in watches this element (an Observable convention). */
  _node: Element;
}

/**
 * Renders one cell's life into its element: old output stays until the new run shows
 * something; an expression's value is displayed unless the cell displayed something itself;
 * a failure shows the cell's Markdown line, and a cell whose input failed says it is waiting.
 * `declared` holds the names cells on the page declare (to tell "upstream failed" from
 * "undefined name"); `onSettled` is called after the first value or error.
 */
export function createCellObserver(
  root: Element,
  cell: CellInfo,
  declared: ReadonlySet<string>,
  onSettled: () => void,
): CellObserver {
  let displayed = false;
  let settled = false;
  let fresh = true;
  // Outputs that draw asynchronously (plots) expose a `rendered` promise; the cell counts as
  // settled once they are drawn.
  const drawing: Promise<unknown>[] = [];
  const settle = (): void => {
    if (!settled) {
      settled = true;
      void Promise.all(drawing).then(onSettled);
    }
  };
  const clearOnce = (): void => {
    if (fresh) {
      root.replaceChildren();
      fresh = false;
    }
  };
  const show = (value: unknown): void => {
    clearOnce();
    const rendered = (value as { rendered?: unknown } | null)?.rendered;
    if (!settled && rendered instanceof Promise) drawing.push(rendered.catch(() => undefined));
    root.append(inspect(value, cell.inline));
  };
  return {
    _node: root,
    pending() {
      displayed = false;
      fresh = true;
      root.classList.add("cell-pending");
    },
    fulfilled(value) {
      root.classList.remove("cell-pending", "cell-failed", "cell-waiting");
      root.removeAttribute("role");
      if (cell.expression && !displayed) {
        fresh = true;
        if (value !== undefined) show(value);
        else clearOnce();
      } else if (!displayed) {
        clearOnce();
      }
      settle();
    },
    rejected(error) {
      root.classList.remove("cell-pending");
      fresh = true;
      clearOnce();
      const input = (error as { input?: string } | null)?.input;
      const waiting =
        error instanceof Error &&
        error.name === "RuntimeError" &&
        input !== undefined &&
        declared.has(input) &&
        cell.inputs.includes(input);
      root.classList.add(waiting ? "cell-waiting" : "cell-failed");
      const box = document.createElement(cell.inline ? "span" : "div");
      box.className = waiting ? "cell-waiting-message" : "cell-error-message";
      box.textContent = waiting
        ? `Waiting on a failed cell: \`${input}\` could not be computed.`
        : `Error in cell at ${cell.source} — ${error instanceof Error ? error.message : String(error)}`;
      if (!waiting) root.setAttribute("role", "alert");
      root.append(box);
      settle();
    },
    display(value) {
      if (!displayed) {
        fresh = true;
        displayed = true;
      }
      show(value);
      return value;
    },
  };
}
