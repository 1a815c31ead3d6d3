// Batch normalisation (Ioffe & Szegedy, 2015): each channel normalised by the batch's mean and
// variance while training, y = (x − μ_B)/√(σ²_B + ε)·γ + β, and by running averages of them in
// evaluation, so one example's output does not depend on the others in its batch. As
// torch.nn.BatchNorm1d/2d: μ_B and σ²_B (biased) normalise; the running variance averages the
// unbiased σ²_B·m/(m − 1); running ← (1 − momentum)·running + momentum·batch.
import {
  formatShape,
  noGrad,
  ones,
  showValue,
  type Tensor,
  type TensorLike,
  toTensor,
  zeros,
} from "../tensor/index.ts";
import { Module } from "./module.ts";

/** Options of `nn.BatchNorm1d` and `nn.BatchNorm2d`. */
export interface BatchNormOptions {
  /** Added to the variance before the square root (default 1e-5). */
  eps?: number;
  /** Weight of the newest batch in the running averages (default 0.1). */
  momentum?: number;
  /** Learn a scale γ (ones) and shift β (zeros) per channel (default true). */
  affine?: boolean;
  /** Keep running averages for evaluation (default true); false uses batch statistics always. */
  trackRunningStats?: boolean;
}

/** The shared body of BatchNorm1d and BatchNorm2d; they differ in the input ranks they take. */
abstract class BatchNorm extends Module {
  readonly eps: number;
  readonly momentum: number;
  readonly weight: Tensor | null;
  readonly bias: Tensor | null;
  readonly runningMean: Tensor | null;
  readonly runningVar: Tensor | null;

  constructor(
    private readonly layer: string,
    private readonly ranks: readonly number[],
    readonly numFeatures: number,
    options: BatchNormOptions,
  ) {
    super();
    if (!Number.isInteger(numFeatures) || numFeatures < 1) {
      throw new Error(
        `${layer}: numFeatures must be a positive integer, found ${showValue(numFeatures)}`,
      );
    }
    this.eps = options.eps ?? 1e-5;
    this.momentum = options.momentum ?? 0.1;
    if (typeof this.eps !== "number" || !(this.eps >= 0)) {
      throw new Error(`${layer}: eps must be a number ≥ 0, found ${showValue(this.eps)}`);
    }
    if (typeof this.momentum !== "number" || !(this.momentum >= 0 && this.momentum <= 1)) {
      throw new Error(
        `${layer}: momentum must be a number in [0, 1], found ${showValue(this.momentum)}`,
      );
    }
    const affine = options.affine !== false;
    this.weight = affine ? ones([numFeatures], { requiresGrad: true, name: "γ" }) : null;
    this.bias = affine ? zeros([numFeatures], { requiresGrad: true, name: "β" }) : null;
    if (this.weight) this.registerParameter("weight", this.weight);
    if (this.bias) this.registerParameter("bias", this.bias);
    const track = options.trackRunningStats !== false;
    this.runningMean = track ? zeros([numFeatures]) : null;
    this.runningVar = track ? ones([numFeatures]) : null;
    if (this.runningMean) this.registerBuffer("runningMean", this.runningMean);
    if (this.runningVar) this.registerBuffer("runningVar", this.runningVar);
  }

  forward(input: TensorLike): Tensor {
    const x = toTensor(input, this.layer, "the input");
    const C = this.numFeatures;
    if (!this.ranks.includes(x.shape.length) || x.shape[1] !== C) {
      const expected = this.ranks.map((r) =>
        r === 2 ? "[N, C]" : r === 3 ? "[N, C, L]" : "[N, C, H, W]",
      );
      throw new Error(
        `${this.layer}: input must be ${expected.join(" or ")} with C = ${C}, found ${formatShape(x.shape)}`,
      );
    }
    const axes = x.shape.map((_, i) => i).filter((i) => i !== 1); // all but the channel axis
    const perChannel = x.shape.map((n, i) => (i === 1 ? n : 1)); // [1, C, 1, …]
    let mean: Tensor;
    let variance: Tensor;
    if (this.training || this.runningMean === null || this.runningVar === null) {
      const m = x.data.length / C; // values per channel in this batch
      if (this.training && m <= 1) {
        throw new Error(
          `${this.layer}: needs more than one value per channel to train, found ${formatShape(x.shape)} (use a batch of 2 or more, or call eval())`,
        );
      }
      mean = x.mean(axes, true);
      variance = x.sub(mean).pow(2).mean(axes, true); // biased: what normalises the batch
      if (this.training) this.updateRunningStats(mean, variance, m);
    } else {
      mean = this.runningMean.reshape(perChannel);
      variance = this.runningVar.reshape(perChannel);
    }
    const y = x.sub(mean).div(variance.add(this.eps).sqrt());
    if (!this.weight || !this.bias) return y;
    return y.mul(this.weight.reshape(perChannel)).add(this.bias.reshape(perChannel));
  }

  override get typeName(): string {
    return this.layer.slice("nn.".length);
  }

  override extraRepr(): string {
    return (
      `${this.numFeatures}, eps=${this.eps}, momentum=${this.momentum}, ` +
      `affine=${this.weight !== null}, trackRunningStats=${this.runningMean !== null}`
    );
  }

  private updateRunningStats(mean: Tensor, variance: Tensor, m: number): void {
    const { runningMean, runningVar, momentum } = this;
    if (!runningMean || !runningVar) return;
    noGrad(() => {
      const mu = mean.data;
      const v = variance.data;
      for (let c = 0; c < this.numFeatures; c++) {
        runningMean.data[c] = (1 - momentum) * runningMean.data[c] + momentum * mu[c];
        runningVar.data[c] = (1 - momentum) * runningVar.data[c] + (momentum * v[c] * m) / (m - 1);
      }
    });
  }
}

/** `new nn.BatchNorm1d(C)`: normalises each of C features over a batch [N, C] (or [N, C, L]). */
export class BatchNorm1d extends BatchNorm {
  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super("nn.BatchNorm1d", [2, 3], numFeatures, options);
  }
}

/** `new nn.BatchNorm2d(C)`: normalises each of C channels over a batch of images [N, C, H, W]. */
export class BatchNorm2d extends BatchNorm {
  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super("nn.BatchNorm2d", [4], numFeatures, options);
  }
}
