// Learning-rate schedules as PyTorch writes them: build one around an optimiser, call
// `scheduler.step()` once per epoch (after `optimizer.step()`), and it sets the learning rate of
// every parameter group from that group's own starting rate.
import type { Optimizer } from "../optimizer.ts";
import { checkOptimizer } from "./check-arguments.ts";

/** Base of the closed-form schedules: counts epochs and writes the rate of epoch `lastEpoch`. */
export abstract class LRScheduler {
  /** Epochs completed so far (0 right after construction). */
  lastEpoch = 0;
  /** Each group's learning rate when the schedule was built. */
  readonly baseLrs: readonly number[];

  readonly optimizer: Optimizer;

  /** `name`: the schedule as its messages call it ("lrScheduler.StepLR"). */
  constructor(optimizer: Optimizer, name = "lrScheduler.LRScheduler") {
    this.optimizer = checkOptimizer(name, optimizer);
    this.baseLrs = this.optimizer.paramGroups.map((g) => g.lr);
  }

  /** The first group's starting rate. */
  get baseLr(): number {
    return this.baseLrs[0];
  }

  /** The learning rate the schedule prescribes at `epoch` for a group that started at `baseLr`. */
  abstract lrAt(epoch: number, baseLr?: number): number;

  /** Sets every group's rate for the current epoch (PyTorch does this when a schedule is built). */
  protected apply(): void {
    for (const [k, g] of this.optimizer.paramGroups.entries()) {
      g.lr = this.lrAt(this.lastEpoch, this.baseLrs[k]);
    }
  }

  /** Advances one epoch and updates the optimiser's learning rates. */
  step(): void {
    this.lastEpoch++;
    this.apply();
  }

  /** The learning rate set by the last `step()` (the first group's; see `getLastLrs`). */
  getLastLr(): number {
    return this.optimizer.lr;
  }

  /** Every group's learning rate, as PyTorch's get_last_lr(). */
  getLastLrs(): number[] {
    return this.optimizer.paramGroups.map((g) => g.lr);
  }
}
