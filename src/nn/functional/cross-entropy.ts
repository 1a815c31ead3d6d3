// crossEntropy: the negative log-likelihood of the right class under a softmax of the scores,
//   L = −(1/N) Σₙ log softmax(zₙ)[yₙ]
// composed from logSoftmax (stable: it never forms e^z alone), so its backward is the
// familiar softmax(z) − onehot(y), which the graph shows step by step.
import {
  allocate,
  formatShape,
  logSoftmax,
  mul,
  neg,
  sameShape,
  sum,
  Tensor,
  type TensorLike,
  toTensor,
  where,
} from "../../tensor/index.ts";
import { checkReduction, type Reduction } from "./reduction.ts";

/** Class labels: integers as a list, a 1-D tensor, a single number; or class probabilities. */
export type Labels = readonly number[] | TensorLike;

/**
 * `F.crossEntropy(logits, labels, reduction = "mean")`: logits [N, K] (raw scores, no softmax
 * applied) with N integer labels in 0…K−1 (a list or a tensor of shape [N]), or one score
 * vector [K] with one label. Labels shaped like the logits are read as class probabilities, as
 * PyTorch does. "sum" adds the N losses, "none" returns them, shape [N].
 */
export function crossEntropy(
  logits: TensorLike,
  labels: Labels,
  reduction: Reduction = "mean",
): Tensor {
  const z = toTensor(logits, "crossEntropy", "the logits");
  const mode = checkReduction("crossEntropy", reduction);
  const shape = z.shape;
  if (shape.length !== 1 && shape.length !== 2) {
    throw new Error(`crossEntropy: logits must be [N, K] or [K], found ${formatShape(shape)}`);
  }
  const K = shape[shape.length - 1];
  const N = shape.length === 2 ? shape[0] : 1;
  const { targets, onehot } = targetDistribution(labels, shape, N, K); // [N, K] or [K], rows sum to 1
  const logp = logSoftmax(z, -1);
  // Class indices pick log p of the right class with `where`, not by multiplying with a
  // one-hot: a masked logit (−∞) has log p = −∞, and 0 · −∞ would make the loss NaN.
  const picked = onehot ? where(targets, logp, 0) : mul(logp, targets);
  if (mode === "none") return neg(sum(picked, -1));
  const total = neg(sum(picked));
  return mode === "sum" ? total : mul(total, 1 / N);
}

function targetDistribution(
  labels: Labels,
  shape: readonly number[],
  N: number,
  K: number,
): { targets: Tensor; onehot: boolean } {
  const t = toTensor(labels, "crossEntropy", "the labels");
  if (sameShape(t.shape, shape)) return { targets: t.detach(), onehot: false }; // class probabilities
  const expected = shape.length === 2 ? `[${N}]` : "[] (one number)";
  const fits = shape.length === 2 ? sameShape(t.shape, [N]) : t.data.length === 1;
  if (!fits) {
    const hint =
      t.shape.length === 2 && t.shape[1] === 1 && t.shape[0] === N
        ? ` — pass one class index per row as shape [${N}], e.g. labels.reshape([-1]), not a column [${N},1]`
        : "";
    throw new Error(
      `crossEntropy: logits ${formatShape(shape)} need labels of shape ${expected} (one class index per row) ` +
        `or class probabilities of shape ${formatShape(shape)}, found labels of shape ${formatShape(t.shape)}${hint}`,
    );
  }
  const onehot = allocate(N * K);
  for (let n = 0; n < N; n++) {
    const y = t.data[n];
    if (!Number.isInteger(y) || y < 0 || y >= K) {
      throw new Error(`crossEntropy: label ${n} is ${y}, expected an integer class in 0…${K - 1}`);
    }
    onehot[n * K + y] = 1;
  }
  return { targets: new Tensor(onehot, shape), onehot: true };
}
