// bceWithLogitsLoss: binary cross-entropy of σ(z) against y, computed from the logit z itself,
//   ℓ = −[p·y log σ(z) + (1 − y) log(1 − σ(z))] = p·y·softplus(−z) + (1 − y)·softplus(z)
// (log σ(z) = −softplus(−z), log(1 − σ(z)) = −softplus(z)), which never forms σ(z), so it
// neither overflows nor clamps. p is the weight of the positive class (posWeight, 1 unless
// given: then ℓ = softplus(z) − y·z and the gradient is σ(z) − y); written as PyTorch does,
// (1 − y)·z + (1 + (p − 1)·y)·softplus(−z)
// (torch.nn.functional.binary_cross_entropy_with_logits).
import {
  add,
  broadcastShapes,
  describeValue,
  formatShape,
  mul,
  neg,
  sameShape,
  sub,
  sum,
  type Tensor,
  type TensorLike,
  toTensor,
} from "../../tensor/index.ts";
import { checkReduction, matchTarget, type Reduction } from "./reduction.ts";
import { softplus } from "./softplus.ts";

/** Options of `F.binaryCrossEntropyWithLogits` (and of `nn.BCEWithLogitsLoss`). */
export interface BceWithLogitsOptions {
  /** "mean" (default), "sum" or "none". */
  reduction?: Reduction;
  /**
   * Weight of the positive examples' term, one per class (the last axis) or one for all: above
   * 1 it raises recall on a rare class — PyTorch suggests #negatives/#positives.
   */
  posWeight?: TensorLike | null;
  /** A weight for each element's loss, broadcast over the logits' shape. */
  weight?: TensorLike | null;
}

/**
 * `F.binaryCrossEntropyWithLogits(logits, target, { reduction, posWeight, weight })`: logits and
 * targets in [0, 1] of the same shape (a single number as target is compared with every
 * element), as torch.nn.functional.binary_cross_entropy_with_logits.
 */
export function binaryCrossEntropyWithLogits(
  logits: TensorLike,
  target: TensorLike,
  options: BceWithLogitsOptions = {},
): Tensor {
  return bceWithLogits("binaryCrossEntropyWithLogits", logits, target, options);
}

/**
 * `F.bceWithLogitsLoss(logits, target, reduction = "mean")` — or, in place of the reduction,
 * the options `{ reduction, posWeight, weight }` of `F.binaryCrossEntropyWithLogits`.
 */
export function bceWithLogitsLoss(
  logits: TensorLike,
  target: TensorLike,
  reduction: Reduction | BceWithLogitsOptions = "mean",
): Tensor {
  const options = typeof reduction === "string" ? { reduction } : reduction;
  return bceWithLogits("bceWithLogitsLoss", logits, target, options);
}

function bceWithLogits(
  op: string,
  logits: TensorLike,
  target: TensorLike,
  options: BceWithLogitsOptions,
): Tensor {
  if (typeof options !== "object" || options === null) {
    throw new Error(
      `${op}: expected "mean", "sum", "none" or options such as { posWeight }, found ${describeValue(options)}`,
    );
  }
  const z = toTensor(logits, op, "the logits");
  const y = matchTarget(op, z, toTensor(target, op, "the target"));
  const mode = checkReduction(op, options.reduction ?? "mean");
  const posWeight = perElement(op, "posWeight", options.posWeight, z);
  const weight = perElement(op, "weight", options.weight, z);
  let terms =
    posWeight === null
      ? sub(softplus(z), mul(y, z))
      : add(mul(sub(1, y), z), mul(add(1, mul(sub(posWeight, 1), y)), softplus(neg(z))));
  if (weight !== null) terms = mul(terms, weight);
  if (mode === "none") return terms;
  const total = sum(terms);
  return mode === "sum" ? total : mul(total, 1 / Math.max(z.data.length, 1));
}

/** A weight that broadcasts over the logits without changing their shape, or null. */
function perElement(op: string, name: string, w: TensorLike | null | undefined, z: Tensor) {
  if (w === undefined || w === null) return null;
  const t = toTensor(w, op, name);
  const ok = (() => {
    try {
      return sameShape(broadcastShapes(op, z.shape, t.shape), z.shape);
    } catch {
      return false;
    }
  })();
  if (!ok) {
    throw new Error(
      `${op}: ${name} of shape ${formatShape(t.shape)} does not broadcast over the logits ${formatShape(z.shape)}` +
        (name === "posWeight" ? " (one weight per class, the last axis, or one number)" : ""),
    );
  }
  return t;
}
