// Loss modules, as torch.nn writes them: built once with their reduction, called with the
// prediction and the target (`criterion.call(model.call(x), y)`). Each is its function in F.
// They hold no parameters, so they are not Modules here (Module.forward takes one input).
import { describeValue, type Tensor, type TensorLike } from "../tensor/index.ts";
import {
  bceLoss,
  bceWithLogitsLoss,
  crossEntropy,
  type Labels,
  mseLoss,
  nllLoss,
  type Reduction,
} from "./functional/index.ts";

/** What every loss module shares: its reduction ("mean", "sum" or "none"). */
abstract class Loss<Target> {
  readonly reduction: Reduction;

  constructor(name: string, options: { reduction?: Reduction }) {
    if (typeof options !== "object" || options === null) {
      throw new Error(`nn.${name}: expected options such as { reduction: "sum" }, or nothing`);
    }
    const reduction = options.reduction ?? "mean";
    if (reduction !== "mean" && reduction !== "sum" && reduction !== "none") {
      throw new Error(
        `nn.${name}: reduction must be "mean", "sum" or "none", found ${describeValue(reduction)}`,
      );
    }
    this.reduction = reduction;
  }

  /** The loss of `input` against `target`. */
  abstract forward(input: TensorLike, target: Target): Tensor;

  /** Same as `forward(input, target)`, as PyTorch's `criterion(input, target)`. */
  call(input: TensorLike, target: Target): Tensor {
    return this.forward(input, target);
  }
}

/** Options of every loss module. */
export interface LossOptions {
  /** "mean" (default), "sum" or "none". */
  reduction?: Reduction;
}

/** Mean squared error (1/n) Σ (inputₖ − targetₖ)², as F.mseLoss. */
export class MSELoss extends Loss<TensorLike> {
  constructor(options: LossOptions = {}) {
    super("MSELoss", options);
  }

  forward(input: TensorLike, target: TensorLike): Tensor {
    return mseLoss(input, target, this.reduction);
  }
}

/** Cross-entropy of raw scores [N, K] against class labels [N], as F.crossEntropy. */
export class CrossEntropyLoss extends Loss<Labels> {
  constructor(options: LossOptions = {}) {
    super("CrossEntropyLoss", options);
  }

  forward(input: TensorLike, target: Labels): Tensor {
    return crossEntropy(input, target, this.reduction);
  }
}

/** Negative log-likelihood of log-probabilities [N, K] against class labels [N], as F.nllLoss. */
export class NLLLoss extends Loss<Labels> {
  constructor(options: LossOptions = {}) {
    super("NLLLoss", options);
  }

  forward(input: TensorLike, target: Labels): Tensor {
    return nllLoss(input, target, this.reduction);
  }
}

/** Binary cross-entropy of probabilities in [0, 1] against targets, as F.bceLoss. */
export class BCELoss extends Loss<TensorLike> {
  constructor(options: LossOptions = {}) {
    super("BCELoss", options);
  }

  forward(input: TensorLike, target: TensorLike): Tensor {
    return bceLoss(input, target, this.reduction);
  }
}

/** Binary cross-entropy of σ(logits) against targets, computed stably, as F.bceWithLogitsLoss. */
export class BCEWithLogitsLoss extends Loss<TensorLike> {
  constructor(options: LossOptions = {}) {
    super("BCEWithLogitsLoss", options);
  }

  forward(input: TensorLike, target: TensorLike): Tensor {
    return bceWithLogitsLoss(input, target, this.reduction);
  }
}
