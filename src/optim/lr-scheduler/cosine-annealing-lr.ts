import type { Optimizer } from "../optimizer.ts";
import { checkArgument } from "./check-arguments.ts";
import { LRScheduler } from "./scheduler.ts";

/**
 * Cosine decay from lr₀ down to `etaMin` over `tMax` epochs:
 * lr = η_min + (lr₀ − η_min)(1 + cos(π·epoch / tMax))/2
 * (torch.optim.lr_scheduler.CosineAnnealingLR; past tMax the cosine climbs again, as there).
 */
export class CosineAnnealingLR extends LRScheduler {
  constructor(
    optimizer: Optimizer,
    readonly tMax: number,
    readonly etaMin = 0,
  ) {
    super(optimizer, "lrScheduler.CosineAnnealingLR");
    checkArgument("lrScheduler.CosineAnnealingLR", "tMax", tMax, "a number > 0");
    checkArgument("lrScheduler.CosineAnnealingLR", "etaMin", etaMin, "a number ≥ 0");
  }

  lrAt(epoch: number, baseLr = this.baseLr): number {
    const { etaMin, tMax } = this;
    return etaMin + ((baseLr - etaMin) * (1 + Math.cos((Math.PI * epoch) / tMax))) / 2;
  }
}
