// Adam (Kingma & Ba, 2015): per-weight step sizes from running averages of the gradient and
// of its square, with the bias correction of the paper, as torch.optim.Adam computes it.
import { bumpVersion, type Tensor } from "../tensor/index.ts";
import { checkRange, Optimizer } from "./optimizer.ts";

/** Options of `optim.Adam`. */
export interface AdamOptions {
  /** Learning rate η (default 0.001). */
  lr?: number;
  /** Decay rates (β₁, β₂) of the two running averages (default [0.9, 0.999]). */
  betas?: readonly [number, number];
  /** Added to √v̂ so a weight with no gradient history does not divide by zero (default 1e-8). */
  eps?: number;
  /** L2 penalty λ added to the gradient as λw, as torch.optim.Adam does (default 0). */
  weightDecay?: number;
}

/**
 * `new optim.Adam(model.parameters(), { lr: 0.01 })`. At step t, per weight:
 * m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ),
 * w ← w − η·m̂/(√v̂ + ε).
 */
export class Adam extends Optimizer {
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
  private readonly m: (Float64Array | null)[];
  private readonly v: (Float64Array | null)[];
  /** Steps taken per parameter (a parameter without a gradient does not advance). */
  private readonly t: number[];

  constructor(params: Iterable<Tensor>, options: AdamOptions = {}) {
    if (typeof options !== "object" || options === null) {
      throw new Error("optim.Adam: expected options such as { lr: 0.01 } as the second argument");
    }
    super("Adam", params, options.lr ?? 0.001);
    const [beta1, beta2] = options.betas ?? [0.9, 0.999];
    this.beta1 = checkRange("Adam", "betas[0]", beta1, 0, 1);
    this.beta2 = checkRange("Adam", "betas[1]", beta2, 0, 1);
    this.eps = checkRange("Adam", "eps", options.eps ?? 1e-8, 0, Infinity);
    this.weightDecay = checkRange("Adam", "weightDecay", options.weightDecay ?? 0, 0, Infinity);
    this.m = this.params.map(() => null);
    this.v = this.params.map(() => null);
    this.t = this.params.map(() => 0);
  }

  step(): void {
    const { lr, beta1, beta2, eps, weightDecay: wd } = this;
    for (let k = 0; k < this.params.length; k++) {
      const p = this.params[k];
      if (p.grad === null) continue;
      const w = p.data;
      const grad = p.grad.data;
      let m = this.m[k];
      let v = this.v[k];
      if (m === null || v === null) {
        m = new Float64Array(w.length);
        v = new Float64Array(w.length);
        this.m[k] = m;
        this.v[k] = v;
      }
      const t = ++this.t[k];
      const correction1 = 1 - beta1 ** t;
      const correction2 = 1 - beta2 ** t;
      for (let i = 0; i < w.length; i++) {
        const g = grad[i] + wd * w[i];
        m[i] = beta1 * m[i] + (1 - beta1) * g;
        v[i] = beta2 * v[i] + (1 - beta2) * g * g;
        const mHat = m[i] / correction1;
        const vHat = v[i] / correction2;
        w[i] -= (lr * mHat) / (Math.sqrt(vHat) + eps);
      }
      bumpVersion(p); // an in-place write: graphs recorded before the step are now stale
    }
  }
}
