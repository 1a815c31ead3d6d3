// Loss modules, as torch.nn writes them: built once with their reduction, called with the
// prediction and the target (`criterion.call(model.call(x), y)`). Each is its function in F.
// They are Modules whose forward takes two arguments: they print, and they are listed by
// `modules()` of a model that registers one, like any layer.
import { describeValue, type Tensor, type TensorLike, toTensor } from "../tensor/index.ts";
import {
  type BceWithLogitsOptions,
  bceLoss,
  bceWithLogitsLoss,
  crossEntropy,
  type Labels,
  mseLoss,
  nllLoss,
  type Reduction,
} from "./functional/index.ts";
import { Module } from "./module.ts";

/** Options of every loss module. */
export interface LossOptions {
  /** "mean" (default), "sum" or "none". */
  reduction?: Reduction;
}

/** What every loss module shares: its name and its reduction ("mean", "sum" or "none"). */
abstract class Loss<Target> extends Module<[input: TensorLike, target: Target]> {
  readonly reduction: Reduction;

  constructor(
    private readonly lossName: string,
    options: LossOptions,
  ) {
    super();
    if (typeof options !== "object" || options === null) {
      throw new Error(
        `nn.${lossName}: expected options such as { reduction: "sum" }, or nothing, found ${describeValue(options)}`,
      );
    }
    const reduction = options.reduction ?? "mean";
    if (reduction !== "mean" && reduction !== "sum" && reduction !== "none") {
      throw new Error(
        `nn.${lossName}: reduction must be "mean", "sum" or "none", found ${describeValue(reduction)}`,
      );
    }
    this.reduction = reduction;
  }

  /** The loss of `input` against `target`; `call(input, target)` is the same. */
  abstract override forward(input: TensorLike, target: Target): Tensor;

  override get typeName(): string {
    return this.lossName;
  }

  /** `reduction="sum"` when it is not the default. */
  override extraRepr(): string {
    return this.reduction === "mean" ? "" : `reduction="${this.reduction}"`;
  }
}

/** True for the loss modules (their forward takes a prediction and a target). */
export function isLoss(module: unknown): boolean {
  return module instanceof Loss;
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

/** Options of `nn.BCEWithLogitsLoss`: a reduction, and PyTorch's `posWeight` and `weight`. */
export type BCEWithLogitsLossOptions = BceWithLogitsOptions;

/**
 * Binary cross-entropy of σ(logits) against targets, computed stably, as
 * F.binaryCrossEntropyWithLogits; `posWeight` (one per class) weighs the positive examples.
 */
export class BCEWithLogitsLoss extends Loss<TensorLike> {
  readonly posWeight: Tensor | null;
  readonly weight: Tensor | null;

  constructor(options: BCEWithLogitsLossOptions = {}) {
    super("BCEWithLogitsLoss", options);
    const { posWeight, weight } = options;
    const op = "nn.BCEWithLogitsLoss";
    this.posWeight = posWeight == null ? null : toTensor(posWeight, op, "posWeight");
    this.weight = weight == null ? null : toTensor(weight, op, "weight");
  }

  forward(input: TensorLike, target: TensorLike): Tensor {
    return bceWithLogitsLoss(input, target, {
      reduction: this.reduction,
      posWeight: this.posWeight,
      weight: this.weight,
    });
  }

  override extraRepr(): string {
    const parts = [super.extraRepr()];
    if (this.posWeight !== null) parts.push(`posWeight=${String(this.posWeight)}`);
    if (this.weight !== null) parts.push(`weight=${String(this.weight)}`);
    return parts.filter((p) => p !== "").join(", ");
  }
}
