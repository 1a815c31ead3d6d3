// bceWithLogitsLoss: binary cross-entropy of σ(z) against y, computed from the logit z itself,
//   ℓ = −[y log σ(z) + (1 − y) log(1 − σ(z))] = softplus(z) − y·z,
// which never forms σ(z), so it neither overflows nor clamps; its gradient is σ(z) − y
// (torch.nn.functional.binary_cross_entropy_with_logits).
import { mul, sub, sum, type Tensor, type TensorLike, toTensor } from "../../tensor/index.ts";
import { checkReduction, matchTarget, type Reduction } from "./reduction.ts";
import { softplus } from "./softplus.ts";

/**
 * `F.bceWithLogitsLoss(logits, target, reduction = "mean")`: logits and targets in [0, 1] of
 * the same shape (a single number as target is compared with every element).
 */
export function bceWithLogitsLoss(
  logits: TensorLike,
  target: TensorLike,
  reduction: Reduction = "mean",
): Tensor {
  const z = toTensor(logits, "bceWithLogitsLoss", "the logits");
  const y = matchTarget(
    "bceWithLogitsLoss",
    z,
    toTensor(target, "bceWithLogitsLoss", "the target"),
  );
  const mode = checkReduction("bceWithLogitsLoss", reduction);
  const terms = sub(softplus(z), mul(y, z));
  if (mode === "none") return terms;
  const total = sum(terms);
  return mode === "sum" ? total : mul(total, 1 / Math.max(z.data.length, 1));
}
