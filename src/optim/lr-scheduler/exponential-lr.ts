import type { Optimizer } from "../optimizer.ts";
import { checkArgument } from "./check-arguments.ts";
import { LRScheduler } from "./scheduler.ts";

/**
 * Exponential decay: lr = lr₀ · γ^epoch, the rate multiplied by `gamma` every epoch
 * (torch.optim.lr_scheduler.ExponentialLR).
 */
export class ExponentialLR extends LRScheduler {
  constructor(
    optimizer: Optimizer,
    readonly gamma: number,
  ) {
    super(optimizer, "lrScheduler.ExponentialLR");
    checkArgument("lrScheduler.ExponentialLR", "gamma", gamma, "a number > 0");
  }

  lrAt(epoch: number, baseLr = this.baseLr): number {
    return baseLr * this.gamma ** epoch;
  }
}
