// The equation panel: the current step typeset with KaTeX, in symbols and then with numbers.
// KaTeX runs in the browser here (the step depends on the reader's position), and its output
// carries MathML as well, so screen readers can read the equation. KaTeX loads on first need
// (katex-loader.ts); until it is there a step shows its caption and a short "typesetting" line.

import type { Step } from "../model/types.ts";
import { type Katex, katexFailure, katexNow } from "../tex/katex-loader.ts";
import { escapeXml } from "./escape-xml.ts";

/** Marks the TeX as display style; KaTeX keeps it in the MathML annotation. */
export const DISPLAY_STYLE = "\\displaystyle ";

/**
 * Display-style math set inline: fractions as large as in a display, but a line too long for
 * its box breaks after an = or an operator instead of running out of it (a phone, a slide).
 */
function typeset(katex: Katex, tex: string): string {
  return katex.renderToString(DISPLAY_STYLE + tex, {
    displayMode: false,
    throwOnError: false,
    strict: false,
  });
}

/** Whether the panel's HTML for `step` needs KaTeX (the start does not). */
export function needsKatex(step: Step | null): boolean {
  return step !== null;
}

/**
 * The panel's HTML for a step (or the start), with a caption such as "Backward 3 of 9". Before
 * KaTeX has loaded (`loadKatex()`), a step's equations are a placeholder marked `.eq-pending`.
 */
export function equationHtml(step: Step | null, caption: string): string {
  if (!step) {
    return (
      `<p class="eq-caption">${escapeXml(caption)}</p>` +
      '<p class="eq-hint">Press → (or Next) to compute the graph one node at a time, then send the gradient back.</p>'
    );
  }
  const phase =
    step.kind === "forward" ? "forward: compute the value" : "backward: collect the gradient";
  const head = `<p class="eq-caption">${escapeXml(caption)} <span class="eq-phase">${phase}</span></p>`;
  const katex = katexNow();
  const failure = katexFailure();
  if (failure) {
    // No typesetter (the script could not be fetched): the TeX itself still says it all.
    return (
      `${head}<p class="eq-failed">The equation typesetter did not load (${escapeXml(failure.message)}); in TeX:</p>` +
      `<pre class="eq-tex">${escapeXml(step.texSymbolic)}\n${escapeXml(step.texNumeric)}</pre>`
    );
  }
  if (!katex) return `${head}<p class="eq-pending">Typesetting the equation…</p>`;
  return (
    head +
    `<div class="eq eq-symbolic">${typeset(katex, step.texSymbolic)}</div>` +
    `<div class="eq eq-numeric eq-${step.kind}">${typeset(katex, step.texNumeric)}</div>` +
    (step.kind === "backward" && step.texLayer
      ? `<div class="eq eq-layer"><span class="eq-layer-caption">layer form</span>${typeset(katex, step.texLayer)}</div>`
      : "")
  );
}
