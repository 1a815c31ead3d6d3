import type { Optimizer } from "../optimizer.ts";
import { checkArgument } from "./check-arguments.ts";
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
    super(optimizer, "lrScheduler.StepLR");
    checkArgument("lrScheduler.StepLR", "stepSize", stepSize, "a positive integer");
    checkArgument("lrScheduler.StepLR", "gamma", gamma, "a number > 0");
  }

  lrAt(epoch: number, baseLr = this.baseLr): number {
    return baseLr * this.gamma ** Math.floor(epoch / this.stepSize);
  }
}
