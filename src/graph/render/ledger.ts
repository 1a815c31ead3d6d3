// The ledger beside the graph: for the current backward step, one row per edge —
// upstream × local = contribution — and the running sum; for a forward step, the inputs read
// and the value produced. Plain HTML strings, built from trace data only. Tensors up to 4×4
// are written out (columns as [a; b], a matrix one row per line), larger ones by their shape,
// the same rule the equation panel follows. Each number cell also carries its column's name
// (`data-label`): a box too narrow for the columns stacks a row's cells under its "from" cell
// and names each one in front (graph.css, "narrow ledger").

import { formatMatrixLines, type Step, type TraceNode, type Values } from "../model/index.ts";
import { edgeLocal } from "./edge-local.ts";
import { escapeXml } from "./render-svg.ts";

const numbers = (values: Values): string =>
  formatMatrixLines(values)
    .map((line) => escapeXml(line))
    .join("<br>");

const cell = (text: string, cls = ""): string =>
  `<td${cls ? ` class="${cls}"` : ""}>${escapeXml(text)}</td>`;

/** The columns of a backward row, as their headers name them and a stacked row labels them. */
const COLUMNS = {
  upstream: "upstream g",
  local: "×\u00a0local", // an operator never ends a line on its own
  contribution: "=\u00a0contribution",
  running: "running sum",
} as const;

const labelled = (label: string | undefined): string =>
  label ? ` data-label="${escapeXml(label)}"` : "";

const numberCell = (values: Values, cls: string, label?: string): string =>
  `<td${labelled(label)} class="${cls}">${numbers(values)}</td>`;

const WORD = /\p{L}{3,}/u;

/**
 * Text whose symbols a narrow column must not break apart: "(W⁽²⁾)ᵀ g" and "2(ŷ − y) · g"
 * stay one piece; a space next to a word ("𝟏 g (g copied to every entry)") may still wrap.
 */
function unbroken(text: string): string {
  const parts = text.split(" ");
  return parts
    .map((part, i) => {
      const next = parts[i + 1];
      if (next === undefined) return escapeXml(part);
      return escapeXml(part) + (WORD.test(part) || WORD.test(next) ? " " : "\u00a0");
    })
    .join("");
}

/** The "× local" cell: the factor's numbers, with how it meets g when it is a matrix. */
function localCell(
  term: Parameters<typeof edgeLocal>[0],
  child: TraceNode,
  lookup: (id: string) => TraceNode,
): string {
  const local = edgeLocal(term, child, child.inputs.map(lookup));
  const open = `<td${labelled(COLUMNS.local)} class="num">`;
  if (!local.symbol) {
    return local.values
      ? numberCell(local.values, "num", COLUMNS.local)
      : `${open}<span class="how">${unbroken(local.how)}</span></td>`;
  }
  const value = local.values ? `<br>${unbroken(`${local.symbol} =`)} ${numbers(local.values)}` : "";
  return `${open}<span class="how">${unbroken(local.how)}</span>${value}</td>`;
}

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
  if (step.kind === "forward") {
    const rows = step.inputs
      .map((id, i) => {
        const input = lookup(id);
        return `<tr>${cell(`argument ${i + 1}`)}${cell(input.label, "sym")}${numberCell(input.value, "num")}</tr>`;
      })
      .join("");
    return (
      `<table class="ledger ledger-forward"><caption>Computing ${escapeXml(node.label)}</caption>` +
      `<thead><tr><th scope="col">slot</th><th scope="col">input</th><th scope="col">value</th></tr></thead>` +
      `<tbody>${rows}</tbody><tfoot><tr>${cell("result")}${cell(node.label, "sym")}${numberCell(step.value, "num")}</tr></tfoot></table>`
    );
  }
  const d = (of: TraceNode, by: TraceNode): string => `∂${of.label}/∂${by.label}`;
  if (step.terms.length === 0) {
    return (
      `<table class="ledger ledger-backward"><caption>Seed: ${escapeXml(d(root, node))}</caption>` +
      `<tbody><tr>${cell("the output's gradient with respect to itself")}${numberCell(step.grad, "num")}</tr></tbody></table>`
    );
  }
  // One term is its own running sum: the column only appears where terms add up.
  const several = step.terms.length > 1;
  const rows = step.terms
    .map((term) => {
      const child = lookup(term.child);
      return (
        `<tr data-edge="${term.edge}">${cell(`${child.label} (arg ${term.argIndex + 1})`, "sym")}` +
        numberCell(term.upstream, "num", COLUMNS.upstream) +
        localCell(term, child, lookup) +
        // One term is the total: a slide's stacked ledger leaves it to the total's row.
        numberCell(
          term.product,
          several ? "num contribution" : "num contribution is-total",
          COLUMNS.contribution,
        ) +
        (several ? numberCell(term.runningSum, "num running", COLUMNS.running) : "") +
        "</tr>"
      );
    })
    .join("");
  return (
    `<table class="ledger ledger-backward"><caption>Gradient arriving at ${escapeXml(node.label)}` +
    `${several ? ` — ${step.terms.length} terms add up` : ""}</caption>` +
    `<thead><tr><th scope="col">from</th><th scope="col">${COLUMNS.upstream} = ${escapeXml(`∂${root.label}/∂·`)}</th>` +
    `<th scope="col">${COLUMNS.local}</th><th scope="col">${COLUMNS.contribution}</th>${several ? `<th scope="col">${COLUMNS.running}</th>` : ""}</tr></thead>` +
    `<tbody>${rows}</tbody><tfoot><tr><th scope="row" colspan="${several ? 4 : 3}">${escapeXml(d(root, node))}</th>${numberCell(step.grad, "num total")}</tr></tfoot></table>`
  );
}
