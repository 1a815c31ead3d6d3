// Forward mode. Every value carries a tangent — the dual number (x, ẋ) — and each op maps its
// inputs' tangents to its output's tangent with its `jvp` rule (element-wise ops: Σ f′ · ẋ).
// The values are computed first, recording the graph; the tangents follow in the same
// topological order, so each op's rule sees its inputs' tangents already done.
import { topologicalOrder } from "./autograd.ts";
import { enableGrad, noGrad } from "./grad-mode.ts";
import { OpNode } from "./op.ts";
import { broadcastData } from "./ops/broadcast.ts";
import { formatShape, sameShape } from "./shape.ts";
import { Tensor } from "./tensor.ts";

/** What `jvp` returns: f(inputs) and its directional derivative J·tangents. */
export interface JvpResult {
  value: Tensor;
  tangent: Tensor;
}

/**
 * Forward-mode derivative of `f` at `inputs` in the direction `tangents` (one per input, same
 * shapes), as torch.func.jvp: returns f(inputs) and J·tangents.
 */
export function jvp(
  f: (...inputs: Tensor[]) => Tensor,
  inputs: readonly Tensor[],
  tangents: readonly Tensor[],
): JvpResult {
  if (inputs.length !== tangents.length) {
    throw new Error(
      `jvp: ${inputs.length} inputs but ${tangents.length} tangents — give one tangent per input`,
    );
  }
  const primals = inputs.map((x, i) => {
    const t = tangents[i];
    if (!sameShape(x.shape, t.shape)) {
      throw new Error(
        `jvp: input ${i} has shape ${formatShape(x.shape)} but its tangent has shape ${formatShape(t.shape)}`,
      );
    }
    const p = new Tensor(x.data, x.shape); // same values, a fresh leaf to record from
    p.requiresGrad = true;
    p.name = x.name;
    return p;
  });
  const value = enableGrad(() => f(...primals));
  const tangentOf = new Map<Tensor, Tensor | null>();
  for (let i = 0; i < primals.length; i++) tangentOf.set(primals[i], tangents[i]);
  const tangent = noGrad(() => {
    for (const t of topologicalOrder(value)) {
      if (tangentOf.has(t)) continue;
      const node = t.gradFn;
      if (node === null) {
        tangentOf.set(t, null); // constants and other leaves do not move
        continue;
      }
      const ins = node.inputs.map((x) => tangentOf.get(x) ?? null);
      tangentOf.set(t, ins.every((x) => x === null) ? null : pushForward(node, ins));
    }
    return tangentOf.get(value) ?? null;
  });
  return {
    value: value.detach(),
    tangent: tangent ?? new Tensor(new Float64Array(value.data.length), value.shape),
  };
}

function pushForward(
  node: NonNullable<Tensor["gradFn"]>,
  moving: readonly (Tensor | null)[],
): Tensor {
  if (!(node instanceof OpNode)) {
    throw new Error(`jvp: the op "${node.op}" was not recorded by this library`);
  }
  // Inputs that do not move get a zero tangent, so each rule sees one tensor per input.
  const tangents = moving.map(
    (t, i) => t ?? new Tensor(new Float64Array(node.inputs[i].data.length), node.inputs[i].shape),
  );
  if (node.rule.jvp) return node.rule.jvp(node, tangents);
  // Element-wise: ẏ = Σᵢ ∂y/∂xᵢ · ẋᵢ, tangents broadcast to the output's shape.
  const out = new Float64Array(node.output.data.length);
  for (let i = 0; i < tangents.length; i++) {
    if (moving[i] === null) continue;
    const local = node.localGrad(i);
    if (local === null) throw new Error(`jvp: the op "${node.op}" has no forward-mode rule`);
    const T = broadcastData(tangents[i], local.shape);
    const L = local.data;
    for (let k = 0; k < L.length; k++) out[k] += L[k] * T[k];
  }
  return new Tensor(out, node.output.shape);
}
