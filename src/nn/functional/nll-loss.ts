// nllLoss: the negative log-likelihood of the right class, given log-probabilities,
//   L = −(1/N) Σₙ logp[n, yₙ]
// — crossEntropy without the logSoftmax (torch.nn.functional.nll_loss). The right entries are
// picked with `where`, not multiplied by a one-hot, so a masked class (logp = −∞) costs nothing
// unless it is the right one.
import {
  allocate,
  formatShape,
  mul,
  neg,
  sameShape,
  sum,
  Tensor,
  type TensorLike,
  toTensor,
  where,
} from "../../tensor/index.ts";
import type { Labels } from "./cross-entropy.ts";
import { checkReduction, type Reduction } from "./reduction.ts";

/**
 * `F.nllLoss(logProbs, labels, reduction = "mean")`: logProbs [N, K] (e.g. `x.logSoftmax(-1)`)
 * with N integer labels in 0…K−1, or one row [K] with one label. "sum" adds the N losses,
 * "none" returns them, shape [N].
 */
export function nllLoss(
  logProbs: TensorLike,
  labels: Labels,
  reduction: Reduction = "mean",
): Tensor {
  const logp = toTensor(logProbs, "nllLoss", "the log-probabilities");
  const mode = checkReduction("nllLoss", reduction);
  const shape = logp.shape;
  if (shape.length !== 1 && shape.length !== 2) {
    throw new Error(
      `nllLoss: log-probabilities must be [N, K] or [K], found ${formatShape(shape)}`,
    );
  }
  const mask = labelMask("nllLoss", labels, shape); // 1 at each row's class, else 0
  const picked = where(mask, logp, 0);
  if (mode === "none") return neg(sum(picked, -1));
  const total = neg(sum(picked));
  const N = shape.length === 2 ? shape[0] : 1;
  return mode === "sum" ? total : mul(total, 1 / N);
}

/** A [N, K] (or [K]) tensor with 1 at each row's label: the labels checked against the shape. */
export function labelMask(op: string, labels: Labels, shape: readonly number[]): Tensor {
  const K = shape[shape.length - 1];
  const N = shape.length === 2 ? shape[0] : 1;
  const t = toTensor(labels, op, "the labels");
  const fits = shape.length === 2 ? sameShape(t.shape, [N]) : t.data.length === 1;
  if (!fits) {
    const expected = shape.length === 2 ? `[${N}]` : "[] (one number)";
    throw new Error(
      `${op}: input ${formatShape(shape)} needs labels of shape ${expected} (one class index per row), found ${formatShape(t.shape)}`,
    );
  }
  const mask = allocate(N * K);
  for (let n = 0; n < N; n++) {
    const y = t.data[n];
    if (!Number.isInteger(y) || y < 0 || y >= K) {
      throw new Error(`${op}: label ${n} is ${y}, expected an integer class in 0…${K - 1}`);
    }
    mask[n * K + y] = 1;
  }
  return new Tensor(mask, shape);
}
