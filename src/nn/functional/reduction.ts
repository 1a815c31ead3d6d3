// How a loss combines its per-element terms, PyTorch's `reduction` argument, checked the same way
// by every loss; and the broadcast of a single-number target that mseLoss and bceLoss accept.
import { describeValue, expand, formatShape, sameShape, type Tensor } from "../../tensor/index.ts";

/** "mean" (the default): average of the terms; "sum": their sum; "none": one per element. */
export type Reduction = "mean" | "sum" | "none";

/** `reduction` if it is one of the three PyTorch names, else throws naming the loss. */
export function checkReduction(op: string, reduction: unknown): Reduction {
  if (reduction === "mean" || reduction === "sum" || reduction === "none") return reduction;
  throw new Error(
    `${op}: reduction must be "mean", "sum" or "none", found ${describeValue(reduction)}`,
  );
}

/**
 * The target lined up with the input: a single number (shape [] or one element) is spread over
 * the input's shape; any other shape must match exactly — a [50,1] prediction against a [50]
 * target would otherwise broadcast to [50,50] and compare every prediction with every target.
 */
export function matchTarget(op: string, input: Tensor, target: Tensor): Tensor {
  if (sameShape(input.shape, target.shape)) return target;
  if (target.shape.length === 0) return expand(target, input.shape);
  throw new Error(
    `${op}: input ${formatShape(input.shape)} and target ${formatShape(target.shape)} differ in shape — ` +
      "reshape one so they match (e.g. target.reshape(input.shape))",
  );
}
