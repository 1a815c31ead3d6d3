// "Nudge": pick an input, move one of its entries by δ, and compare the change the gradient
// predicts (gradient × δ) with the change that really happens when the graph is re-run.
import { formatNumber } from "../model/format.ts";
import { nudge } from "../model/grad-check.ts";
import type { TracedComputation } from "../model/trace.ts";

/** Builds the nudge panel for the leaves of a computation that have a gradient. */
export function createNudgePanel(doc: Document, computation: TracedComputation): HTMLElement {
  const { trace } = computation;
  const root = doc.createElement("div");
  root.className = "graph-nudge";
  const leaves = trace.nodes.filter((n) => n.op === "leaf" && n.grad);
  if (leaves.length === 0) {
    root.textContent =
      "Nudge needs an input with a gradient (create one with { requiresGrad: true }).";
    return root;
  }
  const outLabel = trace.nodes.find((n) => n.id === trace.output)?.label ?? "output";
  const chosen = () => leaves.find((l) => l.id === select.value) ?? leaves[0];
  const select = doc.createElement("select");
  for (const leaf of leaves) {
    const option = doc.createElement("option");
    option.value = leaf.id;
    option.textContent = leaf.label;
    select.append(option);
  }
  const element = doc.createElement("input");
  element.type = "number";
  element.min = "0";
  element.step = "1";
  element.value = "0";
  element.className = "graph-nudge-element";
  const delta = doc.createElement("input");
  delta.type = "number";
  delta.step = "any";
  delta.value = "0.01";
  delta.className = "graph-nudge-delta";
  const go = doc.createElement("button");
  go.type = "button";
  go.textContent = "Nudge";
  const result = doc.createElement("output");
  result.className = "graph-nudge-result";
  result.setAttribute("aria-live", "polite");

  const elementLabel = doc.createElement("label");
  elementLabel.append("entry ", element);
  const syncEntry = (): void => {
    const leaf = chosen();
    if (!leaf) return;
    element.max = String(leaf.value.data.length - 1);
    elementLabel.hidden = leaf.value.data.length === 1;
  };
  select.addEventListener("change", syncEntry);
  syncEntry();

  go.addEventListener("click", () => {
    const leaf = chosen();
    if (!leaf) return;
    const d = Number(delta.value);
    const k = Number(element.value) || 0;
    try {
      const r = nudge(computation, leaf.id, k, d);
      const entry = leaf.value.data.length > 1 ? `[${k}]` : "";
      const gap = r.actual - r.predicted;
      result.textContent =
        `${leaf.label}${entry} + ${formatNumber(d)}: predicted change ∂${outLabel}/∂${leaf.label}${entry} × δ = ` +
        `${formatNumber(r.predicted)}, actual change ${formatNumber(r.actual)} ` +
        `(${outLabel}: ${formatNumber(r.before)} → ${formatNumber(r.after)}); ` +
        `difference ${formatNumber(gap)}, which shrinks like δ² as δ gets smaller.`;
    } catch (error) {
      result.textContent = (error as Error).message;
    }
  });

  const selectLabel = doc.createElement("label");
  selectLabel.append("Nudge ", select);
  const deltaLabel = doc.createElement("label");
  deltaLabel.append("by δ = ", delta);
  root.append(selectLabel, elementLabel, deltaLabel, go, result);
  return root;
}
