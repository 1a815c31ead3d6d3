// The order the stepper's backward pass shows its steps: output → input, layer by layer. The
// engine's reverse topological order (a depth-first search's) can finish on a late layer's
// weight — chapter 6 ended on ∂ℓ/∂W⁽²⁾ after W⁽¹⁾ was done. Here the steps are sorted by each
// node's longest distance from the output, so a weight's gradient comes right beside the op
// that consumes it and the sweep ends at the first layer. A node still comes after every node
// that uses it (its distance is larger), and each step's terms and running sums stay exactly
// as backward() added them: only the order of showing changes.
import type { BackwardStep, TraceNode } from "./types.ts";

/** Longest distance of each node from `output`, counted in edges (nodes in topological order). */
export function distancesFromOutput(
  nodes: readonly Pick<TraceNode, "id" | "inputs">[],
  output: string,
): Map<string, number> {
  const distance = new Map<string, number>([[output, 0]]);
  for (let k = nodes.length - 1; k >= 0; k--) {
    const node = nodes[k];
    const d = node ? distance.get(node.id) : undefined;
    if (node === undefined || d === undefined) continue;
    for (const input of node.inputs) distance.set(input, Math.max(distance.get(input) ?? 0, d + 1));
  }
  return distance;
}

/** `steps` (the engine's order) sorted output → input; other ties keep the engine's order. */
export function sweepOutputToInput(
  nodes: readonly Pick<TraceNode, "id" | "inputs">[],
  output: string,
  steps: readonly BackwardStep[],
): BackwardStep[] {
  const distance = distancesFromOutput(nodes, output);
  const leaves = new Set(nodes.filter((n) => n.inputs.length === 0).map((n) => n.id));
  const far = Number.POSITIVE_INFINITY;
  // At equal distance a leaf (a weight, a bias) first: its layer is finished before the
  // sweep moves on down.
  return steps
    .map((step, k) => ({ step, k, d: distance.get(step.node) ?? far, leaf: leaves.has(step.node) }))
    .sort((a, b) => a.d - b.d || Number(b.leaf) - Number(a.leaf) || a.k - b.k)
    .map((s) => s.step);
}
