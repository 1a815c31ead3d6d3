// What every optimiser shares: the parameters it updates, the learning rate a scheduler may
// change, and zeroGrad. Updates write straight into each parameter's Float64Array, the way
// PyTorch's `p.add_(…)` runs under no_grad: nothing is recorded and nothing is allocated. Each
// step bumps the parameter's version, so a graph recorded before it is refused by backward.
import { describeValue, Tensor } from "../tensor/index.ts";

/** Base class of SGD and Adam; `step()` applies one update from the current `.grad`s. */
export abstract class Optimizer {
  /** The tensors this optimiser updates, in the order given. */
  readonly params: readonly Tensor[];
  /** Current learning rate; schedulers in `optim.lrScheduler` change it between steps. */
  lr: number;
  /** The learning rate the optimiser was built with (schedulers start from it). */
  readonly initialLr: number;

  constructor(name: string, params: Iterable<Tensor>, lr: number) {
    if (params === null || typeof (params as Iterable<Tensor>)?.[Symbol.iterator] !== "function") {
      throw new Error(
        `optim.${name}: expected the parameters as a list of tensors (model.parameters()), found ${describeValue(params)}`,
      );
    }
    const list = [...params];
    if (list.length === 0) {
      throw new Error(`optim.${name}: got no parameters; pass model.parameters()`);
    }
    for (const [k, p] of list.entries()) {
      if (!(p instanceof Tensor)) {
        throw new Error(
          `optim.${name}: parameter #${k} is ${describeValue(p)}, expected a tensor created with { requiresGrad: true }`,
        );
      }
      if (!p.requiresGrad) {
        const label = p.name ? `"${p.name}"` : `#${k}`;
        throw new Error(
          `optim.${name}: parameter ${label} does not require grad; create it with { requiresGrad: true }`,
        );
      }
    }
    if (typeof lr !== "number" || !(lr >= 0))
      throw new Error(`optim.${name}: lr must be a number ≥ 0, found ${describeValue(lr)}`);
    this.params = list;
    this.lr = lr;
    this.initialLr = lr;
  }

  /** Applies one update to every parameter that has a gradient (others are left alone). */
  abstract step(): void;

  /** Forgets every parameter's gradient (sets `.grad` to null, PyTorch's default). */
  zeroGrad(): void {
    for (const p of this.params) p.grad = null;
  }
}

/** Checks a hyper-parameter lies in [lo, hi) and names the optimiser when it does not. */
export function checkRange(
  optimizer: string,
  name: string,
  value: number,
  lo: number,
  hi: number,
): number {
  if (!(value >= lo && value < hi)) {
    throw new Error(`optim.${optimizer}: ${name} must be in [${lo}, ${hi}), found ${value}`);
  }
  return value;
}
