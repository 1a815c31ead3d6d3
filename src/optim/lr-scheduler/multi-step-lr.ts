import { showValue } from "../../tensor/index.ts";
import type { Optimizer } from "../optimizer.ts";
import { checkArgument } from "./check-arguments.ts";
import { LRScheduler } from "./scheduler.ts";

/**
 * Drops at chosen epochs: lr = lr₀ · γ^(milestones reached), e.g. milestones [30, 80] with
 * γ = 0.1 gives lr₀ until epoch 29, lr₀/10 from 30, lr₀/100 from 80
 * (torch.optim.lr_scheduler.MultiStepLR).
 */
export class MultiStepLR extends LRScheduler {
  readonly milestones: readonly number[];

  constructor(
    optimizer: Optimizer,
    milestones: readonly number[],
    readonly gamma = 0.1,
  ) {
    super(optimizer, "lrScheduler.MultiStepLR");
    if (!Array.isArray(milestones) || !milestones.every((m) => Number.isInteger(m) && m >= 0)) {
      throw new Error(
        `lrScheduler.MultiStepLR: milestones must be a list of epochs (integers ≥ 0), found ${showValue(milestones)}`,
      );
    }
    checkArgument("lrScheduler.MultiStepLR", "gamma", gamma, "a number > 0");
    this.milestones = [...milestones].sort((a, b) => a - b);
    this.apply(); // a milestone at 0 lowers the rate at once, as in PyTorch
  }

  lrAt(epoch: number, baseLr = this.baseLr): number {
    const reached = this.milestones.filter((m) => m <= epoch).length;
    return baseLr * this.gamma ** reached;
  }
}
