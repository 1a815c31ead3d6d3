// Stochastic gradient descent with PyTorch's momentum and weight-decay conventions.
import { bumpVersion, type Tensor } from "../tensor/index.ts";
import { checkRange, Optimizer } from "./optimizer.ts";

/** Options of `optim.SGD`. */
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

/**
 * `new optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 })`. Each step, per parameter:
 * g = ∇w + λw; with momentum, v ← μv + (1 − dampening)g (v = g on the first step) and g = v
 * (or g + μv for Nesterov); then w ← w − η·g.
 */
export class SGD extends Optimizer {
  momentum: number;
  dampening: number;
  weightDecay: number;
  nesterov: boolean;
  /** Momentum buffers, one per parameter, created on that parameter's first step. */
  private readonly buffers: (Float64Array | null)[];

  constructor(params: Iterable<Tensor>, options: SGDOptions) {
    if (typeof options !== "object" || options === null || options.lr === undefined) {
      throw new Error(
        "optim.SGD: needs a learning rate, e.g. new optim.SGD(model.parameters(), { lr: 0.1 })",
      );
    }
    super("SGD", params, options.lr);
    this.momentum = checkRange("SGD", "momentum", options.momentum ?? 0, 0, Infinity);
    this.dampening = checkRange("SGD", "dampening", options.dampening ?? 0, 0, 1);
    this.weightDecay = checkRange("SGD", "weightDecay", options.weightDecay ?? 0, 0, Infinity);
    this.nesterov = options.nesterov ?? false;
    if (this.nesterov && (this.momentum <= 0 || this.dampening !== 0)) {
      throw new Error("optim.SGD: nesterov needs momentum > 0 and dampening 0");
    }
    this.buffers = this.params.map(() => null);
  }

  step(): void {
    const { lr, momentum, dampening, weightDecay: wd, nesterov } = this;
    for (let k = 0; k < this.params.length; k++) {
      const p = this.params[k];
      if (p.grad === null) continue;
      const w = p.data;
      const grad = p.grad.data;
      if (momentum === 0) {
        // The common case, kept to one pass: w ← w − η(∇w + λw).
        if (wd === 0) for (let i = 0; i < w.length; i++) w[i] -= lr * grad[i];
        else for (let i = 0; i < w.length; i++) w[i] -= lr * (grad[i] + wd * w[i]);
        bumpVersion(p); // an in-place write: graphs recorded before the step are now stale
        continue;
      }
      let v = this.buffers[k];
      const first = v === null;
      if (v === null) {
        v = new Float64Array(w.length);
        this.buffers[k] = v;
      }
      for (let i = 0; i < w.length; i++) {
        const g = grad[i] + wd * w[i];
        v[i] = first ? g : momentum * v[i] + (1 - dampening) * g;
        w[i] -= lr * (nesterov ? g + momentum * v[i] : v[i]);
      }
      bumpVersion(p);
    }
  }
}
