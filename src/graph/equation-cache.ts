// The equation panel's HTML per stepper position, typeset once. KaTeX takes a few milliseconds
// per equation, so the neighbours of the shown step, and then (for lecture-sized graphs) every
// step, are typeset while the browser is idle: a key press then only swaps HTML.
import { stepCaption } from "./describe-step.ts";
import { equationHtml } from "./equation-panel.ts";
import { type StepIndex, stepAt } from "./step-index.ts";

/** Timelines up to this many positions get every equation typeset in idle time. */
export const PRETYPESET_LIMIT = 400;

/** Typeset equations of one timeline. */
export interface EquationCache {
  /** The panel's HTML at `position` (typeset now if it was not yet). */
  at(position: number): string;
  /** Whether `position` is typeset already. */
  has(position: number): boolean;
  /** Typesets around `position` in idle time, while `alive()` holds. */
  ahead(position: number, alive: () => boolean): void;
  /** Stops the idle work. */
  cancel(): void;
}

type Later = (fn: (deadline?: IdleDeadline) => void) => number;

const later: Later = (fn) =>
  typeof requestIdleCallback === "function"
    ? requestIdleCallback(fn, { timeout: 2000 })
    : (setTimeout(fn, 30) as unknown as number);
const cancelLater = (id: number): void =>
  typeof cancelIdleCallback === "function" ? cancelIdleCallback(id) : clearTimeout(id);

/** A cache for the timeline `index`. */
export function createEquationCache(index: StepIndex): EquationCache {
  const html = new Map<number, string>();
  let idle = 0;
  const at = (position: number): string => {
    let eq = html.get(position);
    if (eq === undefined) {
      eq = equationHtml(stepAt(index, position), stepCaption(index, position));
      html.set(position, eq);
    }
    return eq;
  };
  const all = index.count <= PRETYPESET_LIMIT;
  const ahead = (position: number, alive: () => boolean): void => {
    cancelLater(idle);
    idle = later((deadline) => {
      if (!alive()) return;
      for (const p of [position + 1, position + 2, position - 1]) {
        if (p >= 0 && p < index.count) at(p);
      }
      // Then the rest in order from here, a few per idle period (thousands of steps would be
      // many megabytes of HTML, so only lecture-sized timelines).
      for (let k = 1; all && k < index.count && deadline && deadline.timeRemaining() > 4; k++) {
        const p = (position + k) % index.count;
        if (!html.has(p)) at(p);
      }
      if (all && deadline && html.size < index.count) ahead(position, alive);
    });
  };
  return {
    at,
    has: (position) => html.has(position),
    ahead,
    cancel: () => cancelLater(idle),
  };
}
