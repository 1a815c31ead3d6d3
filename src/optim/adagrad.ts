// Adagrad (Duchi, Hazan & Singer, 2011): each weight's step divided by the root of the sum of
// all its squared gradients so far, so often-updated weights slow down — torch.optim.Adagrad.
import type { Tensor } from "../tensor/index.ts";
import { checkRange, Optimizer, type ParamGroup, type ParamGroupOptions } from "./optimizer.ts";

/** Options of `optim.Adagrad` (and of each of its parameter groups). */
export interface AdagradOptions {
  /** Learning rate η (default 0.01). */
  lr?: number;
  /** Decay of the learning rate: step t uses η/(1 + (t − 1)·lrDecay) (default 0). */
  lrDecay?: number;
  /** L2 penalty λ added to the gradient as λw (default 0). */
  weightDecay?: number;
  /** Starting value of the sum of squares (default 0). */
  initialAccumulatorValue?: number;
  /** Added to the root of the sum (default 1e-10). */
  eps?: number;
}

type AdagradHyper = Required<Omit<AdagradOptions, "lr">>;

/**
 * `new optim.Adagrad(model.parameters(), { lr: 0.1 })`. At step t, per weight: g = ∇w + λw,
 * s ← s + g², w ← w − η/(1 + (t − 1)·lrDecay) · g/(√s + ε).
 */
export class Adagrad extends Optimizer<AdagradHyper> {
  constructor(
    params: Iterable<Tensor> | Iterable<ParamGroupOptions<AdagradHyper>>,
    options: AdagradOptions = {},
  ) {
    if (typeof options !== "object" || options === null) {
      throw new Error("optim.Adagrad: expected options such as { lr: 0.1 } as the second argument");
    }
    super("Adagrad", params, {
      lr: options.lr ?? 0.01,
      lrDecay: options.lrDecay ?? 0,
      weightDecay: options.weightDecay ?? 0,
      initialAccumulatorValue: options.initialAccumulatorValue ?? 0,
      eps: options.eps ?? 1e-10,
    });
  }

  protected checkHyperParameters(g: ParamGroup<AdagradHyper>): void {
    checkRange("Adagrad", "lrDecay", g.lrDecay, 0, Infinity);
    checkRange("Adagrad", "weightDecay", g.weightDecay, 0, Infinity);
    checkRange("Adagrad", "initialAccumulatorValue", g.initialAccumulatorValue, 0, Infinity);
    checkRange("Adagrad", "eps", g.eps, 0, Infinity);
  }

  protected update(p: Tensor, grad: Float64Array, group: ParamGroup<AdagradHyper>): void {
    const { lr, lrDecay, weightDecay: wd, eps } = group;
    const w = p.data;
    const s = this.stateOf(p, () => ({
      sum: new Float64Array(w.length).fill(group.initialAccumulatorValue),
      t: 0,
    }));
    const t = ++s.t;
    const clr = lr / (1 + (t - 1) * lrDecay);
    const { sum } = s;
    for (let i = 0; i < w.length; i++) {
      const g = grad[i] + wd * w[i];
      sum[i] += g * g;
      w[i] -= (clr * g) / (Math.sqrt(sum[i]) + eps);
    }
  }
}
