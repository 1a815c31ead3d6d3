// The practical speed limit for one full-batch gradient step of a tanh MLP: every buffer
// allocated once, forward, MSE, backward and the SGD update fused into plain loops over
// Float64Arrays. The library is measured against this.

/** Weights and biases per layer, PyTorch layout: W [out, in] row-major, b [out]. */
export interface MlpWeights {
  readonly sizes: readonly number[];
  readonly W: Float64Array[];
  readonly b: Float64Array[];
}

/** One allocation-free gradient step; call `step()` as often as you like. */
export interface FusedTrainer {
  step(): number;
  readonly weights: MlpWeights;
}

/**
 * Builds a trainer for an MLP with tanh hidden layers and a linear output, on inputs `x`
 * ([n, sizes[0]] row-major) and targets `t` ([n, last]), squared loss averaged over every
 * output element, plain SGD with learning rate `lr`. The weights are copied, not shared.
 */
export function handFusedTrainer(
  start: MlpWeights,
  x: Float64Array,
  t: Float64Array,
  lr: number,
): FusedTrainer {
  const sizes = start.sizes;
  const L = sizes.length - 1;
  const n = x.length / sizes[0];
  const W = start.W.map((w) => Float64Array.from(w));
  const b = start.b.map((v) => Float64Array.from(v));
  const dW = W.map((w) => new Float64Array(w.length));
  const db = b.map((v) => new Float64Array(v.length));
  // A[0] is the input; A[l] the activation of layer l ([n, sizes[l]]).
  const A: Float64Array[] = [x];
  for (let l = 1; l <= L; l++) A.push(new Float64Array(n * sizes[l]));
  // G[l] holds ∂loss/∂z for layer l, and is reused for ∂loss/∂a before the tanh derivative.
  const G: Float64Array[] = [new Float64Array(0)];
  for (let l = 1; l <= L; l++) G.push(new Float64Array(n * sizes[l]));

  function step(): number {
    // Forward: z = a_prev W^T + b, a = tanh(z) except on the last layer.
    for (let l = 1; l <= L; l++) {
      const nin = sizes[l - 1];
      const nout = sizes[l];
      const a = A[l - 1];
      const z = A[l];
      const w = W[l - 1];
      const bias = b[l - 1];
      const last = l === L;
      for (let r = 0; r < n; r++) {
        const ar = r * nin;
        for (let o = 0; o < nout; o++) {
          const wo = o * nin;
          let s = bias[o];
          for (let i = 0; i < nin; i++) s += a[ar + i] * w[wo + i];
          z[r * nout + o] = last ? s : Math.tanh(s);
        }
      }
    }
    // Loss and its gradient: mean over all n·out elements of (y − t)².
    const y = A[L];
    const gy = G[L];
    const count = y.length;
    let loss = 0;
    for (let k = 0; k < count; k++) {
      const d = y[k] - t[k];
      loss += d * d;
      gy[k] = (2 * d) / count;
    }
    loss /= count;
    // Backward: dW = G^T a_prev, db = Σ_rows G, G_prev = (G W) ∘ (1 − a_prev²).
    for (let l = L; l >= 1; l--) {
      const nin = sizes[l - 1];
      const nout = sizes[l];
      const g = G[l];
      const a = A[l - 1];
      const w = W[l - 1];
      const gw = dW[l - 1];
      const gb = db[l - 1];
      gw.fill(0);
      gb.fill(0);
      const gPrev = l > 1 ? G[l - 1] : null;
      if (gPrev) gPrev.fill(0);
      for (let r = 0; r < n; r++) {
        const ar = r * nin;
        for (let o = 0; o < nout; o++) {
          const go = g[r * nout + o];
          gb[o] += go;
          const wo = o * nin;
          for (let i = 0; i < nin; i++) gw[wo + i] += go * a[ar + i];
          if (gPrev) for (let i = 0; i < nin; i++) gPrev[ar + i] += go * w[wo + i];
        }
      }
      if (gPrev) for (let k = 0; k < gPrev.length; k++) gPrev[k] *= 1 - a[k] * a[k];
    }
    // SGD update in place.
    for (let l = 0; l < L; l++) {
      const w = W[l];
      const gw = dW[l];
      for (let k = 0; k < w.length; k++) w[k] -= lr * gw[k];
      const bias = b[l];
      const gb = db[l];
      for (let k = 0; k < bias.length; k++) bias[k] -= lr * gb[k];
    }
    return loss;
  }

  return { step, weights: { sizes, W, b } };
}
