// hingeLoss: the SVM loss on a score s with label y ∈ {−1, +1},
//   L = (1/n) Σ max(0, 1 − y·s)
// zero once a point sits on the right side with margin 1; composed from relu.
import { type TensorLike, toTensor } from "../../tensor/op.ts";
import { mul, sub } from "../../tensor/ops/binary.ts";
import { mean, sum } from "../../tensor/ops/reduce.ts";
import { relu } from "../../tensor/ops/unary.ts";
import { formatShape } from "../../tensor/shape.ts";
import { Tensor } from "../../tensor/tensor.ts";
import { checkReduction, type Reduction } from "./reduction.ts";

/**
 * `F.hingeLoss(scores, labels, reduction = "mean")`: labels are −1 or +1, as many as scores
 * (a list, or a tensor of the scores' shape). "sum" adds the terms, "none" returns them.
 */
export function hingeLoss(
  scores: TensorLike,
  labels: readonly number[] | TensorLike,
  reduction: Reduction = "mean",
): Tensor {
  const s = toTensor(scores, "hingeLoss", "the scores");
  const mode = checkReduction("hingeLoss", reduction);
  const values = toTensor(labels, "hingeLoss", "the labels").data;
  if (values.length !== s.data.length) {
    throw new Error(
      `hingeLoss: scores ${formatShape(s.shape)} need ${s.data.length} labels, found ${values.length}`,
    );
  }
  for (let k = 0; k < values.length; k++) {
    if (values[k] !== 1 && values[k] !== -1) {
      throw new Error(`hingeLoss: label ${k} is ${values[k]}, expected −1 or +1`);
    }
  }
  const y = new Tensor(Float64Array.from(values), s.shape);
  const losses = relu(sub(1, mul(y, s)));
  if (mode === "none") return losses;
  return mode === "sum" ? sum(losses) : mean(losses);
}
