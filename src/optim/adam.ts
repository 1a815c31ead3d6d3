// Adam (Kingma & Ba, 2015): per-weight step sizes from running averages of the gradient and
// of its square, with the bias correction of the paper, as torch.optim.Adam computes it; and
// AdamW (Loshchilov & Hutter, 2019), the same with weight decay taken out of the gradient and
// applied to the weight directly, as torch.optim.AdamW.
import type { Tensor } from "../tensor/index.ts";
import { checkRange, Optimizer, type ParamGroup, type ParamGroupOptions } from "./optimizer.ts";

/** Options of `optim.Adam` and `optim.AdamW` (and of each of their parameter groups). */
export interface AdamOptions {
  /** Learning rate η (default 0.001). */
  lr?: number;
  /** Decay rates (β₁, β₂) of the two running averages (default [0.9, 0.999]). */
  betas?: readonly [number, number];
  /** Added to √v̂ so a weight with no gradient history does not divide by zero (default 1e-8). */
  eps?: number;
  /** Adam: L2 penalty λ added to the gradient as λw (default 0). AdamW: decay λ (default 0.01). */
  weightDecay?: number;
}

type AdamHyper = Required<Omit<AdamOptions, "lr">>;
type Moments = { m: Float64Array; v: Float64Array; t: number };

abstract class AdamBase extends Optimizer<AdamHyper> {
  constructor(
    name: string,
    private readonly decoupled: boolean,
    params: Iterable<Tensor> | Iterable<ParamGroupOptions<AdamHyper>>,
    options: AdamOptions,
  ) {
    if (typeof options !== "object" || options === null) {
      throw new Error(
        `optim.${name}: expected options such as { lr: 0.01 } as the second argument`,
      );
    }
    super(name, params, {
      lr: options.lr ?? 0.001,
      betas: options.betas ?? [0.9, 0.999],
      eps: options.eps ?? 1e-8,
      weightDecay: options.weightDecay ?? (decoupled ? 0.01 : 0),
    });
  }

  protected checkHyperParameters(g: ParamGroup<AdamHyper>): void {
    const betas = Array.isArray(g.betas) ? g.betas : [];
    checkRange(this.name, "betas[0]", betas[0], 0, 1);
    checkRange(this.name, "betas[1]", betas[1], 0, 1);
    checkRange(this.name, "eps", g.eps, 0, Infinity);
    checkRange(this.name, "weightDecay", g.weightDecay, 0, Infinity);
  }

  // At step t: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², w ← w − η·m̂/(√v̂ + ε) with
  // m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ). Adam's g includes λw; AdamW first sets w ← w(1 − ηλ).
  protected update(p: Tensor, grad: Float64Array, group: ParamGroup<AdamHyper>): void {
    const { lr, eps, weightDecay: wd } = group;
    const [beta1, beta2] = group.betas;
    const w = p.data;
    const s = this.stateOf<Moments>(p, () => ({
      m: new Float64Array(w.length),
      v: new Float64Array(w.length),
      t: 0,
    }));
    const t = ++s.t; // a parameter without a gradient does not advance
    const correction1 = 1 - beta1 ** t;
    const correction2 = 1 - beta2 ** t;
    const { m, v } = s;
    const l2 = this.decoupled ? 0 : wd;
    const shrink = this.decoupled ? 1 - lr * wd : 1;
    for (let i = 0; i < w.length; i++) {
      const g = grad[i] + l2 * w[i];
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      const mHat = m[i] / correction1;
      const vHat = v[i] / correction2;
      w[i] = w[i] * shrink - (lr * mHat) / (Math.sqrt(vHat) + eps);
    }
  }
}

/** `new optim.Adam(model.parameters(), { lr: 0.01 })`. */
export class Adam extends AdamBase {
  constructor(
    params: Iterable<Tensor> | Iterable<ParamGroupOptions<AdamHyper>>,
    options: AdamOptions = {},
  ) {
    super("Adam", false, params, options);
  }
}

/**
 * `new optim.AdamW(model.parameters(), { lr: 0.001, weightDecay: 0.01 })`: Adam whose weight
 * decay shrinks each weight by the factor (1 − ηλ) every step instead of adding λw to the
 * gradient, so the decay is not divided by √v̂.
 */
export class AdamW extends AdamBase {
  constructor(
    params: Iterable<Tensor> | Iterable<ParamGroupOptions<AdamHyper>>,
    options: AdamOptions = {},
  ) {
    super("AdamW", true, params, options);
  }
}
