import { bumpVersion, showValue, type Tensor } from "../../tensor/index.ts";

/**
 * `nn.utils.clipGradNorm(params, maxNorm)`: if the gradients of all `params` together have
 * Euclidean norm above `maxNorm`, scales them in place to norm `maxNorm`, keeping their
 * direction — a guard against the steps a steep cliff in the loss would cause. Returns the
 * total norm before clipping (torch.nn.utils.clip_grad_norm_).
 */
export function clipGradNorm(params: Iterable<Tensor>, maxNorm: number): number {
  if (!(maxNorm > 0))
    throw new Error(`clipGradNorm: maxNorm must be > 0, found ${showValue(maxNorm)}`);
  const grads: Tensor[] = [];
  let sq = 0;
  for (const p of params) {
    if (p.grad === null) continue;
    const G = p.grad.data;
    grads.push(p.grad);
    for (let k = 0; k < G.length; k++) sq += G[k] * G[k];
  }
  const total = Math.sqrt(sq);
  // PyTorch's 1e-6 keeps a zero gradient from dividing by zero.
  const factor = maxNorm / (total + 1e-6);
  if (factor < 1) {
    for (const g of grads) {
      const G = g.data;
      for (let k = 0; k < G.length; k++) G[k] *= factor;
      bumpVersion(g); // scaled in place, as PyTorch's mul_ under no_grad
    }
  }
  return total;
}
