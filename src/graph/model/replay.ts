// Re-runs a traced computation with some node values replaced, for the checks that must not
// trust autograd: finite differences and "nudge". Each op is called again through the tensor
// library's own forward (its definition's `replay`, in the op registry), with grad recording off.
import { noGrad } from "../../tensor/grad-mode.ts";
import { Tensor } from "../../tensor/tensor.ts";
import { opDefinition } from "./op-definitions.ts";
import type { TracedComputation } from "./trace.ts";

/** Whether every op of the computation can be re-run (the checks need that). */
export function canReplay(computation: TracedComputation): string | null {
  for (const node of computation.trace.nodes) {
    if (node.op !== "leaf" && !opDefinition(node.op)) return node.op;
  }
  return null;
}

/**
 * The output's values after replacing node `id`'s values by `data`: only nodes after it in
 * topological order are recomputed, earlier ones keep their recorded values.
 */
export function replayWith(
  computation: TracedComputation,
  id: string,
  data: Float64Array,
): Float64Array {
  const { trace, tensors } = computation;
  const start = trace.nodes.findIndex((n) => n.id === id);
  if (start < 0) throw new Error(`replay: no node "${id}" in this graph`);
  const current = new Map<string, Tensor>();
  const tensorOf = (nodeId: string): Tensor => {
    const t = current.get(nodeId) ?? tensors.get(nodeId);
    if (!t) throw new Error(`replay: node "${nodeId}" has no recorded tensor`);
    return t;
  };
  const nodes = trace.nodes;
  return noGrad(() => {
    current.set(id, new Tensor(data, nodes[start]?.shape ?? []));
    for (const node of nodes.slice(start + 1)) {
      if (node.op === "leaf" || !node.inputs.some((i) => current.has(i))) continue;
      const def = opDefinition(node.op);
      if (!def) throw new Error(`replay: cannot re-run op "${node.op}" (node ${node.label})`);
      current.set(node.id, def.replay(node.inputs.map(tensorOf), node.attrs));
    }
    return Float64Array.from(tensorOf(trace.output).data);
  });
}

/** The scalar the gradients are of: the output, summed when it is not a scalar (seed of ones). */
export function outputScalar(data: Float64Array): number {
  let s = 0;
  for (const v of data) s += v;
  return s;
}
