import type { Observer } from "@observablehq/runtime";
import { stopMessage } from "../guard/index.ts";
import type { CellCode } from "../handle/index.ts";
import { messageNodes } from "../message/index.ts";
import { inspect } from "./inspect.ts";
import { sizeNumberBoxes } from "./size-number-boxes.ts";
import { fitCellTables } from "./wide-blocks.ts";

/** What the client knows about a cell besides its body. */
export interface CellInfo extends Pick<CellCode, "id" | "source"> {
  inputs: readonly string[];
  expression: boolean;
  inline: boolean;
}

/** What an observer needs to know about the page. */
export interface PageContext {
  /** The cell (its "file:line") declaring each name of the page, failed cells' names included. */
  declaredBy: ReadonlyMap<string, string>;
  /** The Markdown "file:line:col" where an error was thrown, when a stack frame says. */
  locate(error: unknown): string | null;
}

/** An observer bound to a cell's element, plus the cell's own `display`. */
export interface CellObserver extends Required<Observer> {
  display<T>(value: T): T;
  /** The cell awaits `visibility()` below the fold: it counts as settled meanwhile. */
  waitingForVisibility(): void;
  /** Called when a new run starts (its `visibility` waits are dropped). */
  onRestart?: () => void;
  /** The runtime's `visibility` built-in watches this element (an Observable convention). */
  _node: Element;
}

/**
 * Renders one cell's life into its element: old output stays until the new run shows
 * something; an expression's value is displayed unless the cell displayed something itself;
 * a failure shows the Markdown line and column it was thrown at (and goes to the console), and
 * a cell whose input failed says it is waiting. `onSettled` is called once, after the first
 * value, error or wait for visibility.
 */
export function createCellObserver(
  root: Element,
  cell: CellInfo,
  page: PageContext,
  onSettled: () => void,
): CellObserver {
  let displayed = false;
  let settled = false;
  let fresh = true;
  // Outputs that draw asynchronously (plots) expose a `ready` (or `rendered`) promise; the cell
  // counts as settled once they are drawn, or parked below the fold to draw later.
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
    const output = value as { ready?: unknown; rendered?: unknown } | null;
    const rendered = output?.ready ?? output?.rendered;
    if (!settled && rendered instanceof Promise) drawing.push(rendered.catch(() => undefined));
    root.append(inspect(value, cell.inline));
    sizeNumberBoxes(value);
    fitCellTables(value);
  };
  const observer: CellObserver = {
    _node: root,
    pending() {
      displayed = false;
      fresh = true;
      observer.onRestart?.();
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
      const { box, waiting } = failureMessage(error, cell, page);
      root.classList.add(waiting ? "cell-waiting" : "cell-failed");
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
    waitingForVisibility: settle,
  };
  return observer;
}

/**
 * What a failed run shows: that the cell waits on a failed input, or the error at the Markdown
 * line and column it was thrown at (also to the console, whose stack links to the cell's code).
 */
function failureMessage(
  error: unknown,
  cell: CellInfo,
  page: PageContext,
): { box: HTMLElement; waiting: boolean } {
  const input = (error as { input?: string } | null)?.input;
  const waitingOn =
    error instanceof Error &&
    error.name === "RuntimeError" &&
    input !== undefined &&
    cell.inputs.includes(input)
      ? page.declaredBy.get(input)
      : undefined;
  const box = document.createElement(cell.inline ? "span" : "div");
  box.className = waitingOn ? "cell-waiting-message" : "cell-error-message";
  if (waitingOn) {
    box.append(
      ...messageNodes(
        `Waiting on a failed cell: \`${input}\` (${waitingOn}) could not be computed.`,
      ),
    );
  } else {
    const where = page.locate(error) ?? cell.source;
    const message = stopMessage(error) ?? (error instanceof Error ? error.message : String(error));
    box.append(...messageNodes(`Error in cell at ${where} — ${message}`));
    console.error(`Error in cell at ${where}:`, error);
  }
  return { box, waiting: Boolean(waitingOn) };
}
