// crossEntropy: the negative log-likelihood of the right class under a softmax of the scores,
//   L = −(1/N) Σₙ log softmax(zₙ)[yₙ]
// composed from logSoftmax (stable: it never forms e^z alone), so its backward is the
// familiar softmax(z) − onehot(y), which the graph shows step by step.
import { mul } from "../../tensor/ops/binary.ts";
import { sum } from "../../tensor/ops/reduce.ts";
import { logSoftmax } from "../../tensor/ops/softmax.ts";
import { neg } from "../../tensor/ops/unary.ts";
import { formatShape, sameShape } from "../../tensor/shape.ts";
import { Tensor } from "../../tensor/tensor.ts";
import type { Reduction } from "./mseLoss.ts";

/** Class labels: integers as a list, a 1-D tensor, a single number; or class probabilities. */
export type Labels = readonly number[] | Tensor | number;

/**
 * `F.crossEntropy(logits, labels, reduction = "mean")`: logits [N, K] (raw scores, no softmax
 * applied) with N integer labels in 0…K−1, or one score vector [K] with one label. A tensor of
 * labels shaped like the logits is read as class probabilities, as PyTorch does.
 */
export function crossEntropy(
  logits: Tensor,
  labels: Labels,
  reduction: Reduction = "mean",
): Tensor {
  const shape = logits.shape;
  if (shape.length !== 1 && shape.length !== 2) {
    throw new Error(`crossEntropy: logits must be [N, K] or [K], found ${formatShape(shape)}`);
  }
  const K = shape[shape.length - 1];
  const N = shape.length === 2 ? shape[0] : 1;
  const targets = targetDistribution(labels, shape, N, K); // [N, K] or [K], rows sum to 1
  const logp = logSoftmax(logits, -1);
  if (reduction === "none") return neg(sum(mul(logp, targets), -1));
  const total = neg(sum(mul(logp, targets)));
  return reduction === "sum" ? total : mul(total, 1 / N);
}

function targetDistribution(
  labels: Labels,
  shape: readonly number[],
  N: number,
  K: number,
): Tensor {
  if (labels instanceof Tensor && sameShape(labels.shape, shape)) return labels.detach();
  const list =
    labels instanceof Tensor
      ? Array.from(labels.data)
      : typeof labels === "number"
        ? [labels]
        : labels;
  if (list.length !== N) {
    const found =
      labels instanceof Tensor
        ? `a tensor of shape ${formatShape(labels.shape)}`
        : `${list.length} labels`;
    throw new Error(
      `crossEntropy: logits ${formatShape(shape)} need ${N} labels (one per row), found ${found}`,
    );
  }
  const onehot = new Float64Array(N * K);
  for (let n = 0; n < N; n++) {
    const y = list[n];
    if (!Number.isInteger(y) || y < 0 || y >= K) {
      throw new Error(`crossEntropy: label ${n} is ${y}, expected an integer class in 0…${K - 1}`);
    }
    onehot[n * K + y] = 1;
  }
  return new Tensor(onehot, shape);
}
