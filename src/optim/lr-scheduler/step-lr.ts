import type { Optimizer } from "../optimizer.ts";
import { LRScheduler } from "./scheduler.ts";

/**
 * Step decay: lr = lr₀ · γ^⌊epoch / stepSize⌋ — the rate drops by the factor `gamma` every
 * `stepSize` epochs (torch.optim.lr_scheduler.StepLR; gamma defaults to 0.1).
 */
export class StepLR extends LRScheduler {
  constructor(
    optimizer: Optimizer,
    readonly stepSize: number,
    readonly gamma = 0.1,
  ) {
    super(optimizer);
    if (!(Number.isInteger(stepSize) && stepSize > 0)) {
      throw new Error(`lrScheduler.StepLR: stepSize must be a positive integer, found ${stepSize}`);
    }
  }

  lrAt(epoch: number, baseLr = this.baseLr): number {
    return baseLr * this.gamma ** Math.floor(epoch / this.stepSize);
  }
}
