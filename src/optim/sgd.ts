// Stochastic gradient descent with PyTorch's momentum and weight-decay conventions.
import type { Tensor } from "../tensor/index.ts";
import { checkRange, Optimizer, type ParamGroup, type ParamGroupOptions } from "./optimizer.ts";

/** Options of `optim.SGD` (and of each of its parameter groups). */
export interface SGDOptions {
  /** Learning rate η. */
  lr: number;
  /** Momentum μ (default 0: plain SGD). */
  momentum?: number;
  /** Dampening of the gradient added to the momentum buffer (default 0). */
  dampening?: number;
  /** L2 penalty λ: adds λ·w to each gradient, i.e. the gradient of (λ/2)‖w‖² (default 0). */
  weightDecay?: number;
  /** Nesterov momentum (default false). */
  nesterov?: boolean;
}

type SGDHyper = Required<Omit<SGDOptions, "lr">>;

/**
 * `new optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 })`. Each step, per parameter:
 * g = ∇w + λw; with momentum, v ← μv + (1 − dampening)g (v = g on the first step) and g = v
 * (or g + μv for Nesterov); then w ← w − η·g. Groups: `new optim.SGD([{ params: a }, { params:
 * b, lr: 0.01 }], { lr: 0.1 })`.
 */
export class SGD extends Optimizer<SGDHyper> {
  constructor(
    params: Iterable<Tensor> | Iterable<ParamGroupOptions<SGDHyper>>,
    options: SGDOptions,
  ) {
    if (typeof options !== "object" || options === null || options.lr === undefined) {
      throw new Error(
        "optim.SGD: needs a learning rate, e.g. new optim.SGD(model.parameters(), { lr: 0.1 })",
      );
    }
    super("SGD", params, {
      lr: options.lr,
      momentum: options.momentum ?? 0,
      dampening: options.dampening ?? 0,
      weightDecay: options.weightDecay ?? 0,
      nesterov: options.nesterov ?? false,
    });
  }

  protected checkHyperParameters(g: ParamGroup<SGDHyper>): void {
    checkRange("SGD", "momentum", g.momentum, 0, Infinity);
    checkRange("SGD", "dampening", g.dampening, 0, 1);
    checkRange("SGD", "weightDecay", g.weightDecay, 0, Infinity);
    if (g.nesterov && (g.momentum <= 0 || g.dampening !== 0)) {
      throw new Error("optim.SGD: nesterov needs momentum > 0 and dampening 0");
    }
  }

  protected update(p: Tensor, grad: Float64Array, group: ParamGroup<SGDHyper>): void {
    const { lr, momentum, dampening, weightDecay: wd, nesterov } = group;
    const w = p.data;
    if (momentum === 0) {
      // The common case, kept to one pass: w ← w − η(∇w + λw).
      if (wd === 0) for (let i = 0; i < w.length; i++) w[i] -= lr * grad[i];
      else for (let i = 0; i < w.length; i++) w[i] -= lr * (grad[i] + wd * w[i]);
      return;
    }
    const state = this.stateOf(p, () => ({ v: new Float64Array(w.length), first: true }));
    const { v, first } = state;
    state.first = false;
    for (let i = 0; i < w.length; i++) {
      const g = grad[i] + wd * w[i];
      v[i] = first ? g : momentum * v[i] + (1 - dampening) * g;
      w[i] -= lr * (nesterov ? g + momentum * v[i] : v[i]);
    }
  }
}
