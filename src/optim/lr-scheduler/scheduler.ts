// Learning-rate schedules as PyTorch writes them: build one around an optimiser, call
// `scheduler.step()` once per epoch (after `optimizer.step()`), and it sets `optimizer.lr`.
import type { Optimizer } from "../optimizer.ts";

/** Base of every schedule: counts epochs and writes the learning rate of epoch `lastEpoch`. */
export abstract class LRScheduler {
  /** Epochs completed so far (0 right after construction). */
  lastEpoch = 0;
  /** The optimiser's learning rate when the schedule was built. */
  readonly baseLr: number;

  constructor(readonly optimizer: Optimizer) {
    this.baseLr = optimizer.lr;
  }

  /** The learning rate the schedule prescribes at `epoch`. */
  abstract lrAt(epoch: number): number;

  /** Advances one epoch and updates the optimiser's learning rate. */
  step(): void {
    this.lastEpoch++;
    this.optimizer.lr = this.lrAt(this.lastEpoch);
  }

  /** The learning rate set by the last `step()` (PyTorch's get_last_lr, one group). */
  getLastLr(): number {
    return this.optimizer.lr;
  }
}
