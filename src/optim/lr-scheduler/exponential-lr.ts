import type { Optimizer } from "../optimizer.ts";
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
    super(optimizer);
    if (typeof gamma !== "number" || !(gamma > 0)) {
      throw new Error(
        `lrScheduler.ExponentialLR: gamma must be a number > 0, found ${JSON.stringify(gamma)}`,
      );
    }
  }

  lrAt(epoch: number, baseLr = this.baseLr): number {
    return baseLr * this.gamma ** epoch;
  }
}
