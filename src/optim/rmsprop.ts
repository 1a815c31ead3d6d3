// RMSprop (Hinton's lecture 6e, 2012): each weight's step divided by a running root mean square
// of its gradients, so steep and flat directions move alike — as torch.optim.RMSprop computes it.
import type { Tensor } from "../tensor/index.ts";
import { checkRange, Optimizer, type ParamGroup, type ParamGroupOptions } from "./optimizer.ts";

/** Options of `optim.RMSprop` (and of each of its parameter groups). */
export interface RMSpropOptions {
  /** Learning rate η (default 0.01). */
  lr?: number;
  /** Decay α of the running average of g² (default 0.99). */
  alpha?: number;
  /** Added to the root mean square (default 1e-8). */
  eps?: number;
  /** L2 penalty λ added to the gradient as λw (default 0). */
  weightDecay?: number;
  /** Momentum μ of the scaled steps (default 0). */
  momentum?: number;
  /** Divide by an estimate of the variance instead of the raw second moment (default false). */
  centered?: boolean;
}

type RMSpropHyper = Required<Omit<RMSpropOptions, "lr">>;
type RMSState = { v: Float64Array; mean: Float64Array | null; buffer: Float64Array | null };

/**
 * `new optim.RMSprop(model.parameters(), { lr: 0.01 })`. Per weight, g = ∇w + λw,
 * v ← αv + (1 − α)g², d = √v + ε (centred: ḡ ← αḡ + (1 − α)g, d = √(v − ḡ²) + ε);
 * then w ← w − η·g/d, or with momentum b ← μb + g/d, w ← w − η·b.
 */
export class RMSprop extends Optimizer<RMSpropHyper> {
  constructor(
    params: Iterable<Tensor> | Iterable<ParamGroupOptions<RMSpropHyper>>,
    options: RMSpropOptions = {},
  ) {
    if (typeof options !== "object" || options === null) {
      throw new Error(
        "optim.RMSprop: expected options such as { lr: 0.01 } as the second argument",
      );
    }
    super("RMSprop", params, {
      lr: options.lr ?? 0.01,
      alpha: options.alpha ?? 0.99,
      eps: options.eps ?? 1e-8,
      weightDecay: options.weightDecay ?? 0,
      momentum: options.momentum ?? 0,
      centered: options.centered ?? false,
    });
  }

  protected checkHyperParameters(g: ParamGroup<RMSpropHyper>): void {
    checkRange("RMSprop", "alpha", g.alpha, 0, 1);
    checkRange("RMSprop", "eps", g.eps, 0, Infinity);
    checkRange("RMSprop", "weightDecay", g.weightDecay, 0, Infinity);
    checkRange("RMSprop", "momentum", g.momentum, 0, Infinity);
  }

  protected update(p: Tensor, grad: Float64Array, group: ParamGroup<RMSpropHyper>): void {
    const { lr, alpha, eps, weightDecay: wd, momentum, centered } = group;
    const w = p.data;
    const s = this.stateOf<RMSState>(p, () => ({
      v: new Float64Array(w.length),
      mean: centered ? new Float64Array(w.length) : null,
      buffer: momentum > 0 ? new Float64Array(w.length) : null,
    }));
    s.mean ??= centered ? new Float64Array(w.length) : null;
    s.buffer ??= momentum > 0 ? new Float64Array(w.length) : null;
    const { v, mean, buffer } = s;
    for (let i = 0; i < w.length; i++) {
      const g = grad[i] + wd * w[i];
      v[i] = alpha * v[i] + (1 - alpha) * g * g;
      let d: number;
      if (centered && mean) {
        mean[i] = alpha * mean[i] + (1 - alpha) * g;
        d = Math.sqrt(v[i] - mean[i] * mean[i]) + eps;
      } else d = Math.sqrt(v[i]) + eps;
      if (momentum > 0 && buffer) {
        buffer[i] = momentum * buffer[i] + g / d;
        w[i] -= lr * buffer[i];
      } else w[i] -= (lr * g) / d;
    }
  }
}
