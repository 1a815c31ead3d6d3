// The ledger beside the graph: for the current backward step, one row per edge —
// upstream × local = contribution — and the running sum; for a forward step, the inputs read
// and the value produced. Plain HTML strings, built from trace data only.

import { formatValues } from "./format.ts";
import { texToPlain } from "./labels.ts";
import { escapeXml } from "./render-svg.ts";
import type { Step, TraceNode } from "./types.ts";

/** Entries shown per tensor in the ledger before it falls back to the shape. */
const LEDGER_ITEMS = 4;

const cell = (text: string, cls = ""): string =>
  `<td${cls ? ` class="${cls}"` : ""}>${escapeXml(text)}</td>`;

/** The ledger for a step (or the start), as an HTML table string. */
export function ledgerHtml(
  step: Step | null,
  root: TraceNode,
  lookup: (id: string) => TraceNode,
): string {
  if (!step) {
    return '<p class="ledger-note">Start: only the inputs, parameters and constants are known. Press → to compute.</p>';
  }
  const node = lookup(step.node);
  const v = (values: Parameters<typeof formatValues>[0]): string =>
    formatValues(values, LEDGER_ITEMS);
  if (step.kind === "forward") {
    const rows = step.inputs
      .map((id, i) => {
        const input = lookup(id);
        return `<tr>${cell(`argument ${i + 1}`)}${cell(input.label, "sym")}${cell(v(input.value), "num")}</tr>`;
      })
      .join("");
    return (
      `<table class="ledger ledger-forward"><caption>Computing ${escapeXml(node.label)}</caption>` +
      `<thead><tr><th scope="col">slot</th><th scope="col">input</th><th scope="col">value</th></tr></thead>` +
      `<tbody>${rows}</tbody><tfoot><tr>${cell("result")}${cell(node.label, "sym")}${cell(v(step.value), "num")}</tr></tfoot></table>`
    );
  }
  const d = (of: TraceNode, by: TraceNode): string => `∂${of.label}/∂${by.label}`;
  if (step.terms.length === 0) {
    return (
      `<table class="ledger ledger-backward"><caption>Seed: ${escapeXml(d(root, node))}</caption>` +
      `<tbody><tr>${cell("the output's gradient with respect to itself")}${cell(v(step.grad), "num")}</tr></tbody></table>`
    );
  }
  const rows = step.terms
    .map((term) => {
      const child = lookup(term.child);
      const local = term.local
        ? v(term.local)
        : texToPlain(term.localTex).replace(/\\frac|\\partial/g, "");
      return (
        `<tr data-edge="${term.edge}">${cell(`${child.label} (arg ${term.argIndex + 1})`, "sym")}` +
        cell(v(term.upstream), "num") +
        cell(term.local ? local : "(see equation)", "num") +
        cell(v(term.product), "num contribution") +
        cell(v(term.runningSum), "num running") +
        "</tr>"
      );
    })
    .join("");
  return (
    `<table class="ledger ledger-backward"><caption>Gradient arriving at ${escapeXml(node.label)}` +
    `${step.terms.length > 1 ? ` — ${step.terms.length} terms add up` : ""}</caption>` +
    `<thead><tr><th scope="col">from</th><th scope="col">upstream ${escapeXml(`∂${root.label}/∂·`)}</th>` +
    `<th scope="col">× local</th><th scope="col">= contribution</th><th scope="col">running sum</th></tr></thead>` +
    `<tbody>${rows}</tbody><tfoot><tr><th scope="row" colspan="4">${escapeXml(d(root, node))}</th>${cell(v(step.grad), "num total")}</tr></tfoot></table>`
  );
}
