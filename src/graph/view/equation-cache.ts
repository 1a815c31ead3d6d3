// The panels' content per stepper position — the typeset equation and the ledger — built once
// and kept as detached elements. KaTeX takes a few milliseconds per equation and parsing its
// markup about as long again, so the neighbours of the shown step, and then (for
// lecture-sized graphs) every step, are built while the browser is idle: a key press then
// only moves an element that already exists into the panel. Until KaTeX has loaded nothing is
// built ahead; a step shown before then gets a placeholder, typeset in place when KaTeX comes.

import { stepAt } from "../model/step-index.ts";
import { stepCaption } from "../render/describe-step.ts";
import { equationHtml, needsKatex } from "../render/equation-panel.ts";
import { ledgerHtml } from "../render/ledger.ts";
import { katexNow, loadKatex } from "../tex/katex-loader.ts";
import type { GraphModel } from "./graph-model.ts";
import { cancelIdle, whenIdle } from "./idle.ts";

/** Timelines up to this many positions get every step built in idle time. */
export const PRETYPESET_LIMIT = 400;
/**
 * Longer timelines keep this many steps built at most, letting go of the least recently shown:
 * a 2,000-step walk would otherwise hold some two million detached elements, and collecting
 * garbage among them took tens of milliseconds in the middle of a step.
 */
export const KEEP_LIMIT = 300;
/** Steps this close to the shown one are never let go (the panels hold some of them). */
const KEEP_NEAR = 4;

/** What the panels show at one position. */
export interface PanelContent {
  readonly equation: HTMLElement;
  readonly ledger: HTMLElement;
}

/** The panels' content over one timeline. */
export interface EquationCache {
  /** The content at `position` (built now if it was not yet). */
  at(position: number): PanelContent;
  /** Whether `position` is built already. */
  has(position: number): boolean;
  /**
   * Builds around `position` in idle time, while `alive()` holds; `near` runs in the same idle
   * period once the neighbours are built.
   */
  ahead(position: number, alive: () => boolean, near?: () => void): void;
  /** Stops the idle work. */
  cancel(): void;
}

/** A detached element of `doc` holding `html` (the class marks it for the CSS). */
function holder(doc: Document, cls: string, html: string): HTMLElement {
  const el = doc.createElement("div");
  el.className = cls;
  el.innerHTML = html;
  return el;
}

/**
 * A cache for the timeline of `model`, building its elements in `doc`. `typeset` runs when
 * placeholders shown before KaTeX loaded have been typeset (so the view can refit its panels).
 */
export function createEquationCache(
  doc: Document,
  model: GraphModel,
  typeset: () => void = () => {},
): EquationCache {
  const { index } = model;
  const built = new Map<number, PanelContent>();
  const pending = new Set<number>();
  let idle = 0;
  const equationOf = (position: number): string =>
    equationHtml(stepAt(index, position), stepCaption(index, position));
  const fillPending = (): void => {
    for (const p of pending) {
      const content = built.get(p);
      if (content) content.equation.innerHTML = equationOf(p);
    }
    pending.clear();
    typeset();
  };
  const all = index.count <= PRETYPESET_LIMIT;
  const at = (position: number): PanelContent => {
    let content = built.get(position);
    if (content !== undefined && !all) {
      built.delete(position); // now the most recent
      built.set(position, content);
    }
    if (content === undefined) {
      const step = stepAt(index, position);
      content = {
        equation: holder(doc, "eq-step", equationOf(position)),
        ledger: holder(doc, "ledger-step", ledgerHtml(step, model.output, model.lookup)),
      };
      built.set(position, content);
      if (needsKatex(step) && !katexNow()) {
        // One wait for all placeholders; a failure shows the TeX instead.
        if (pending.size === 0) loadKatex().then(fillPending, fillPending);
        pending.add(position);
      }
    }
    return content;
  };
  /** Lets go of the least recently shown steps beyond KEEP_LIMIT (not those near `position`). */
  const forget = (position: number): void => {
    for (const p of built.keys()) {
      if (built.size <= KEEP_LIMIT) return;
      if (Math.abs(p - position) > KEEP_NEAR) built.delete(p);
    }
  };
  const ahead = (position: number, alive: () => boolean, near?: () => void): void => {
    cancelIdle(idle);
    // Building ahead before KaTeX is here would only make placeholders (and fetch KaTeX for a
    // reader who may never step); the view calls again once it has loaded.
    if (!katexNow()) return;
    idle = whenIdle((deadline) => {
      if (!alive()) return;
      for (const p of [position + 1, position + 2, position - 1]) {
        if (p >= 0 && p < index.count) at(p);
      }
      near?.();
      if (!all) forget(position);
      // Then the rest in order from here, a few per idle period (thousands of steps would be
      // many megabytes of markup, so only lecture-sized timelines).
      for (let k = 1; all && k < index.count && deadline && deadline.timeRemaining() > 4; k++) {
        const p = (position + k) % index.count;
        if (!built.has(p)) at(p);
      }
      if (all && deadline && built.size < index.count) ahead(position, alive);
    });
  };
  return {
    at,
    has: (position) => built.has(position),
    ahead,
    cancel: () => cancelIdle(idle),
  };
}
