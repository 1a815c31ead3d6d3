// The run-time half of the loop guard (cell/instrument-loops.ts puts the calls in). A cell's
// loops may run for `budget` ms within one task of the page; past that, every guarded loop of
// that cell throws until the task ends, so a `try` inside the loop cannot swallow the stop. The
// clock restarts for each task: a message through a MessageChannel arrives as the next task,
// unthrottled, even in a background tab. A loop that awaits timers or frames yields between
// its iterations and is never stopped; one that only awaits settled promises (which never
// yields) is stopped like a synchronous one.
import { GUARD_NAME } from "../guard/index.ts";

/** Options of the guard. */
export interface LoopGuardOptions {
  /** Milliseconds a cell's loops may run within one task of the page (default 2000). */
  budget?: number;
  /** The clock (default `performance.now`). */
  now?: () => number;
  /** Schedules the restart of the clocks after the current task (default a MessageChannel). */
  afterTask?: (restart: () => void) => void;
}

/** Raised by the guard; its message is what the cell shows. */
export class LoopStopped extends Error {
  constructor(budget: number) {
    super(
      `stopped after ${formatSeconds(budget)}: is there a loop that never ends? (the rest of the page kept working)`,
    );
    this.name = "LoopStopped";
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/**
 * Makes the guard function: called with the cell's id (and, for code with a budget of its own,
 * that budget in ms) at the top of each loop iteration.
 */
export function createLoopGuard(
  options: LoopGuardOptions = {},
): (id: string, budget?: number) => void {
  const standard = options.budget ?? 2000;
  const now = options.now ?? (() => performance.now());
  const afterTask = options.afterTask ?? messageChannelTask();
  const started = new Map<string, number>();
  let restartQueued = false;
  const restart = (): void => {
    started.clear();
    restartQueued = false;
  };
  return (id, budget = standard) => {
    const t = now();
    const start = started.get(id);
    if (start === undefined) {
      started.set(id, t);
      if (!restartQueued) {
        restartQueued = true;
        afterTask(restart);
      }
    } else if (t - start > budget) {
      throw new LoopStopped(budget);
    }
  };
}

function messageChannelTask(): (restart: () => void) => void {
  let pending: (() => void) | null = null;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const run = pending;
    pending = null;
    run?.();
  };
  // In Node (tests, the build) an open port would keep the process alive after its work.
  (channel.port1 as { unref?: () => void }).unref?.();
  return (restart) => {
    pending = restart;
    channel.port2.postMessage(null);
  };
}

/** Puts the guard where guarded code calls it (once per page; later calls keep the first). */
export function installLoopGuard(options: LoopGuardOptions = {}): void {
  const scope = globalThis as Record<string, unknown>;
  if (typeof scope[GUARD_NAME] === "function") return;
  Object.defineProperty(scope, GUARD_NAME, { value: createLoopGuard(options), configurable: true });
}
