// ReduceLROnPlateau: lowers the learning rate when a measured quantity (the validation loss,
// say) stops improving — torch.optim.lr_scheduler.ReduceLROnPlateau, step(metric) once an epoch.
import { describeValue } from "../../tensor/index.ts";
import type { Optimizer } from "../optimizer.ts";
import { checkArgument, checkOptimizer } from "./check-arguments.ts";

/** Options of `lrScheduler.ReduceLROnPlateau`. */
export interface ReduceLROnPlateauOptions {
  /** "min" (default): lower is better, as for a loss; "max": higher, as for an accuracy. */
  mode?: "min" | "max";
  /** The rate is multiplied by this when it drops (default 0.1). */
  factor?: number;
  /** Epochs without improvement tolerated before a drop (default 10). */
  patience?: number;
  /** How much better counts as better (default 1e-4). */
  threshold?: number;
  /** "rel" (default): better by the fraction `threshold` of the best; "abs": by `threshold`. */
  thresholdMode?: "rel" | "abs";
  /** Epochs to wait after a drop before counting again (default 0). */
  cooldown?: number;
  /** No group's rate goes below this (default 0; a list gives one per group). */
  minLr?: number | readonly number[];
  /** A drop smaller than this is skipped (default 1e-8). */
  eps?: number;
}

/**
 * `const plateau = new optim.lrScheduler.ReduceLROnPlateau(optimizer, { patience: 5 })`, then
 * each epoch `plateau.step(validationLoss)`: after more than `patience` epochs without a new
 * best, every group's rate is multiplied by `factor` (not below `minLr`).
 */
export class ReduceLROnPlateau {
  readonly mode: "min" | "max";
  readonly factor: number;
  readonly patience: number;
  readonly threshold: number;
  readonly thresholdMode: "rel" | "abs";
  readonly cooldown: number;
  readonly minLrs: readonly number[];
  readonly eps: number;
  /** The best value seen so far. */
  best: number;
  /** Epochs in a row without improvement. */
  numBadEpochs = 0;
  /** Epochs of cooldown left. */
  cooldownCounter = 0;
  lastEpoch = 0;

  readonly optimizer: Optimizer;

  constructor(optimizer: Optimizer, options: ReduceLROnPlateauOptions = {}) {
    const name = "lrScheduler.ReduceLROnPlateau";
    this.optimizer = checkOptimizer(name, optimizer);
    if (typeof options !== "object" || options === null) {
      throw new Error(
        `${name}: expected options such as { patience: 5, factor: 0.5 }, or nothing, found ${describeValue(options)}`,
      );
    }
    this.mode = options.mode ?? "min";
    this.thresholdMode = options.thresholdMode ?? "rel";
    if (this.mode !== "min" && this.mode !== "max") {
      throw new Error(`${name}: mode must be "min" or "max", found ${describeValue(this.mode)}`);
    }
    if (this.thresholdMode !== "rel" && this.thresholdMode !== "abs") {
      throw new Error(
        `${name}: thresholdMode must be "rel" or "abs", found ${describeValue(this.thresholdMode)}`,
      );
    }
    this.factor = checkArgument(name, "factor", options.factor ?? 0.1, "a number in [0, 1)");
    this.patience = checkArgument(name, "patience", options.patience ?? 10, "an integer ≥ 0");
    this.threshold = checkArgument(name, "threshold", options.threshold ?? 1e-4, "a number ≥ 0");
    this.cooldown = checkArgument(name, "cooldown", options.cooldown ?? 0, "an integer ≥ 0");
    this.eps = checkArgument(name, "eps", options.eps ?? 1e-8, "a number ≥ 0");
    const groups = optimizer.paramGroups.length;
    const minLr = options.minLr ?? 0;
    this.minLrs = Array.isArray(minLr) ? [...minLr] : Array(groups).fill(minLr);
    for (const v of this.minLrs) checkArgument(name, "minLr", v, "a number ≥ 0");
    if (this.minLrs.length !== groups) {
      throw new Error(
        `${name}: minLr has ${this.minLrs.length} values for ${groups} parameter groups`,
      );
    }
    this.best = this.mode === "min" ? Infinity : -Infinity;
  }

  /** Records this epoch's `metric` and lowers the rates after too long a plateau. */
  step(metric: number): void {
    if (typeof metric !== "number" || Number.isNaN(metric)) {
      throw new Error(
        `lrScheduler.ReduceLROnPlateau: step(metric) needs the epoch's number (e.g. the validation loss), found ${describeValue(metric)}`,
      );
    }
    this.lastEpoch++;
    if (this.isBetter(metric)) {
      this.best = metric;
      this.numBadEpochs = 0;
    } else this.numBadEpochs++;
    if (this.cooldownCounter > 0) {
      this.cooldownCounter--;
      this.numBadEpochs = 0; // bad epochs in cooldown do not count
    }
    if (this.numBadEpochs > this.patience) {
      this.reduce();
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
  }

  /** Every group's learning rate. */
  getLastLrs(): number[] {
    return this.optimizer.paramGroups.map((g) => g.lr);
  }

  private isBetter(a: number): boolean {
    const { best, threshold } = this;
    if (this.mode === "min") {
      return this.thresholdMode === "rel" ? a < best * (1 - threshold) : a < best - threshold;
    }
    return this.thresholdMode === "rel" ? a > best * (1 + threshold) : a > best + threshold;
  }

  private reduce(): void {
    for (const [k, g] of this.optimizer.paramGroups.entries()) {
      const lower = Math.max(g.lr * this.factor, this.minLrs[k]);
      if (g.lr - lower > this.eps) g.lr = lower;
    }
  }
}
