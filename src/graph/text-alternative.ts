// The graph as a table (the text alternative): one row per node with its value and, once the
// backward pass has reached it, its gradient. Rows are updated in place as the stepper moves.
import { formatShape, formatValues } from "./format.ts";
import { escapeXml } from "./render-svg.ts";
import type { StepIndex } from "./step-index.ts";
import { stepAt } from "./step-index.ts";
import type { TraceNode } from "./types.ts";

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
