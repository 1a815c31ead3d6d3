// The graph in words (the text alternative): a table with one row per node, its value and,
// once the backward pass has reached it, its gradient; each node's accessible name in the
// drawing; and a description of the drawing as a whole. Rows and names follow the stepper.

import { formatShape, formatValues } from "../model/format.ts";
import type { StepIndex } from "../model/step-index.ts";
import { stepAt } from "../model/step-index.ts";
import type { NodeKind, Trace, TraceNode } from "../model/types.ts";
import { escapeXml } from "./escape-xml.ts";
import { opCaption, opName } from "./op-caption.ts";

/** Entries written out per tensor in the table. */
const TABLE_ITEMS = 16;

/** The value and gradient cells' text for a node at a position. */
export function textCells(
  index: StepIndex,
  node: TraceNode,
  position: number,
): { value: string; grad: string; current: boolean } {
  const known = (index.valueAt.get(node.id) ?? 0) <= position;
  const graded = (index.gradAt.get(node.id) ?? Number.POSITIVE_INFINITY) <= position;
  return {
    value: known ? formatValues(node.value, TABLE_ITEMS) : "not computed yet",
    grad: graded && node.grad ? formatValues(node.grad, TABLE_ITEMS) : "—",
    current: stepAt(index, position)?.node === node.id,
  };
}

/** A node's accessible name in the drawing at a position: label, kind or op, value, gradient. */
export function nodeAriaLabel(index: StepIndex, node: TraceNode, position: number): string {
  const c = textCells(index, node, position);
  const grad = c.grad === "—" ? "" : `, gradient ${c.grad}`;
  const current = c.current ? ", current step" : "";
  return `${nodeName(node)}: value ${c.value}${grad}${current}`;
}

/**
 * A node's words as drawn, then what it is: "W⁽¹⁾, parameter", "a tanh", "ℓ MSE (mean squared
 * error), output". The caption drawn above an op comes right after the label, so the name holds
 * the words on the node in the order they are seen; a symbol caption ("+") is said as its name.
 */
function nodeName(node: TraceNode): string {
  if (node.kind !== "intermediate" && node.kind !== "output") return `${node.label}, ${node.kind}`;
  const caption = opCaption(node);
  const name = opName(node);
  const head = !/[\p{L}\p{N}]/u.test(caption)
    ? `${node.label}, ${name}`
    : caption === name
      ? `${node.label} ${caption}`
      : `${node.label} ${caption} (${name})`;
  return node.kind === "output" ? `${head}, output` : head;
}

/** What the drawing shows, in two or three sentences (the SVG's description). */
export function graphDescription(trace: Trace): string {
  const named = (kind: NodeKind): string[] =>
    trace.nodes.filter((n) => n.kind === kind).map((n) => n.label);
  const list = (word: string, labels: string[]): string =>
    labels.length ? `${word}${labels.length > 1 ? "s" : ""} ${labels.join(", ")}` : "";
  const leaves = [
    list("input", named("input")),
    list("parameter", named("parameter")),
    list("constant", named("constant")),
  ].filter(Boolean);
  const output = trace.nodes.find((n) => n.id === trace.output);
  return (
    `Left to right: ${leaves.join("; ") || "no leaves"}; ${trace.forward.length} operations lead to ` +
    `the output ${output?.label ?? ""}. Arrows run from each argument to the result it feeds. ` +
    "Every node is listed with its value and gradient in the table after the drawing."
  );
}

function inputsText(node: TraceNode, lookup: (id: string) => TraceNode): string {
  return node.inputs.length
    ? `${node.op}(${node.inputs.map((id) => lookup(id).label).join(", ")})`
    : node.kind;
}

/** The whole table at a position, as an HTML string. Rows carry `data-node`. */
export function textAlternativeHtml(
  index: StepIndex,
  position: number,
  lookup: (id: string) => TraceNode,
): string {
  const root = lookup(index.trace.output);
  const rows = index.trace.nodes
    .map((node) => {
      const c = textCells(index, node, position);
      return (
        `<tr data-node="${node.id}"${c.current ? ' class="current" aria-current="step"' : ""}>` +
        `<th scope="row">${escapeXml(node.label)}</th><td>${escapeXml(inputsText(node, lookup))}</td>` +
        `<td>${escapeXml(formatShape(node.shape))}</td><td class="value">${escapeXml(c.value)}</td>` +
        `<td class="grad">${escapeXml(c.grad)}</td></tr>`
      );
    })
    .join("");
  return (
    `<table class="graph-table"><caption>Nodes in topological order (inputs first)</caption><thead><tr>` +
    `<th scope="col">node</th><th scope="col">computed as</th><th scope="col">shape</th>` +
    `<th scope="col">value</th><th scope="col">${escapeXml(`gradient ∂${root.label}/∂node`)}</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>`
  );
}
