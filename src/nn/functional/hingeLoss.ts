// hingeLoss: the SVM loss on a score s with label y ∈ {−1, +1},
//   L = (1/n) Σ max(0, 1 − y·s)
// zero once a point sits on the right side with margin 1; composed from relu.
import { mul, sub } from "../../tensor/ops/binary.ts";
import { mean, sum } from "../../tensor/ops/reduce.ts";
import { relu } from "../../tensor/ops/unary.ts";
import { formatShape } from "../../tensor/shape.ts";
import { Tensor } from "../../tensor/tensor.ts";
import type { Reduction } from "./mseLoss.ts";

/**
 * `F.hingeLoss(scores, labels, reduction = "mean")`: labels are −1 or +1, as many as scores
 * (a list, or a tensor of the scores' shape).
 */
export function hingeLoss(
  scores: Tensor,
  labels: readonly number[] | Tensor,
  reduction: Reduction = "mean",
): Tensor {
  const values = labels instanceof Tensor ? labels.data : labels;
  if (values.length !== scores.data.length) {
    throw new Error(
      `hingeLoss: scores ${formatShape(scores.shape)} need ${scores.data.length} labels, found ${values.length}`,
    );
  }
  for (let k = 0; k < values.length; k++) {
    if (values[k] !== 1 && values[k] !== -1) {
      throw new Error(`hingeLoss: label ${k} is ${values[k]}, expected −1 or +1`);
    }
  }
  const y = new Tensor(Float64Array.from(values), scores.shape);
  const losses = relu(sub(1, mul(y, scores)));
  if (reduction === "none") return losses;
  return reduction === "sum" ? sum(losses) : mean(losses);
}
