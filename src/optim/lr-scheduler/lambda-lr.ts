import { describeValue } from "../../tensor/index.ts";
import type { Optimizer } from "../optimizer.ts";
import { LRScheduler } from "./scheduler.ts";

/**
 * Any schedule as a function: lr = lr₀ · lrLambda(epoch), e.g. a warm-up
 * `(e) => Math.min(1, (e + 1) / 5)` — one function for all groups, or one per group
 * (torch.optim.lr_scheduler.LambdaLR). Like PyTorch, it sets the rate of epoch 0 when built.
 */
export class LambdaLR extends LRScheduler {
  private readonly lambdas: readonly ((epoch: number) => number)[];

  constructor(
    optimizer: Optimizer,
    lrLambda: ((epoch: number) => number) | readonly ((epoch: number) => number)[],
  ) {
    super(optimizer, "lrScheduler.LambdaLR");
    const groups = optimizer.paramGroups.length;
    const list = typeof lrLambda === "function" ? Array(groups).fill(lrLambda) : lrLambda;
    if (
      !Array.isArray(list) ||
      list.length !== groups ||
      !list.every((f) => typeof f === "function")
    ) {
      throw new Error(
        `lrScheduler.LambdaLR: expected a function of the epoch (or one per parameter group, ${groups}), found ${describeValue(lrLambda)}`,
      );
    }
    this.lambdas = list;
    this.apply();
  }

  lrAt(epoch: number, baseLr = this.baseLr): number {
    return baseLr * this.factor(0, epoch); // the first group's function
  }

  protected override apply(): void {
    for (const [k, g] of this.optimizer.paramGroups.entries()) {
      g.lr = this.baseLrs[k] * this.factor(k, this.lastEpoch);
    }
  }

  private factor(k: number, epoch: number): number {
    const f = this.lambdas[k](epoch);
    if (typeof f !== "number" || !Number.isFinite(f)) {
      throw new Error(
        `lrScheduler.LambdaLR: lrLambda(${epoch}) gave ${describeValue(f)}, expected a finite number`,
      );
    }
    return f;
  }
}
