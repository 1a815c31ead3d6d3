// bceLoss: binary cross-entropy of probabilities p against targets y ∈ [0, 1],
//   L = −(1/n) Σ [ y log p + (1 − y) log(1 − p) ]
// one primitive so that, as in PyTorch, each log is clamped at −100: a confident wrong
// prediction (p = 0 for y = 1) costs 100, not Infinity, and the gradient stays finite.
import { makeResult, type OpRule, type TensorLike, toTensor } from "../../tensor/op.ts";
import { formatShape, sameShape } from "../../tensor/shape.ts";
import { Tensor } from "../../tensor/tensor.ts";
import type { Reduction } from "./mseLoss.ts";

const LOG_FLOOR = -100;
const EPS = 1e-12; // PyTorch's floor on p(1 − p) in the backward

interface Saved {
  scale: number;
}

function clampedLog(v: number): number {
  return Math.max(Math.log(v), LOG_FLOOR);
}

/** ∂L/∂p (i = 0) or ∂L/∂y (i = 1) per element, times `f`. */
function partials(p: Tensor, y: Tensor, i: number, f: number): Float64Array {
  const P = p.data;
  const Y = y.data;
  const out = new Float64Array(P.length);
  if (i === 0)
    for (let k = 0; k < P.length; k++)
      out[k] = (f * (P[k] - Y[k])) / Math.max(P[k] * (1 - P[k]), EPS);
  else for (let k = 0; k < P.length; k++) out[k] = f * (clampedLog(1 - P[k]) - clampedLog(P[k]));
  return out;
}

const bceRule: OpRule<Saved> = {
  // ∂L/∂p = (p − y) / (p(1 − p)) · scale;  ∂L/∂y = (log(1 − p) − log p) · scale
  vjp(node, i, g) {
    const [p, y] = node.inputs as [Tensor, Tensor];
    return new Tensor(partials(p, y, i, g.data[0] * node.saved.scale), node.inputs[i].shape);
  },
  // dL = Σ (∂L/∂p · dp + ∂L/∂y · dy)
  jvp(node, tangents) {
    const [p, y] = node.inputs as [Tensor, Tensor];
    let s = 0;
    for (let i = 0; i < 2; i++) {
      const t = tangents[i];
      if (!t) continue;
      const d = partials(p, y, i, node.saved.scale);
      for (let k = 0; k < d.length; k++) s += d[k] * t.data[k];
    }
    return new Tensor(new Float64Array([s]), []);
  },
};

/**
 * `F.bceLoss(p, y, reduction = "mean")`: p are probabilities (after a sigmoid), y the targets
 * (0 or 1, or soft labels in between), both of the same shape.
 */
export function bceLoss(
  input: TensorLike,
  target: TensorLike,
  reduction: Exclude<Reduction, "none"> = "mean",
): Tensor {
  const p = toTensor(input, "bceLoss");
  const y = toTensor(target, "bceLoss");
  if (!sameShape(p.shape, y.shape)) {
    throw new Error(
      `bceLoss: input ${formatShape(p.shape)} and target ${formatShape(y.shape)} differ in shape`,
    );
  }
  const P = p.data;
  const Y = y.data;
  let s = 0;
  for (let k = 0; k < P.length; k++) {
    if (!(P[k] >= 0 && P[k] <= 1)) {
      throw new Error(
        `bceLoss: input must hold probabilities in [0, 1], found ${P[k]} at flat index ${k} (apply sigmoid first)`,
      );
    }
    s -= Y[k] * clampedLog(P[k]) + (1 - Y[k]) * clampedLog(1 - P[k]);
  }
  const scale = reduction === "mean" ? 1 / P.length : 1;
  return makeResult(
    new Float64Array([s * scale]),
    [],
    bceRule,
    "bceLoss",
    [p, y],
    { reduction },
    { scale },
  );
}
