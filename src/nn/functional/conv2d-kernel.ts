// The arithmetic of 2-D cross-correlation on flat row-major arrays, forward and both
// backward products, kept free of tensors so the op file reads as forward and backward side by
// side. Layout NCHW (PyTorch): x [N, C, H, W], weight [O, C, kh, kw], out [N, O, Ho, Wo].
import { allocate, matmulNN } from "../../tensor/index.ts";

/** Sizes and hyper-parameters of one 2-D convolution, all resolved to numbers. */
export interface Conv2dGeometry {
  readonly N: number;
  readonly C: number;
  readonly H: number;
  readonly W: number;
  readonly O: number;
  readonly kh: number;
  readonly kw: number;
  readonly sh: number;
  readonly sw: number;
  readonly ph: number;
  readonly pw: number;
  readonly Ho: number;
  readonly Wo: number;
}

/**
 * The patches of x as columns: cols[(c·kh + p)·kw + q, n·P + i·Wo + j] =
 * x[n, c, i·sh + p − ph, j·sw + q − pw] (0 in the padding), P = Ho·Wo — "im2col", which turns
 * the convolution into one matrix product. The valid i and j of each (p, q) are worked out
 * once, so the inner loop copies a row without a bounds test.
 */
export function im2col(g: Conv2dGeometry, x: Float64Array): Float64Array {
  const { N, C, H, W, kh, kw, sh, sw, ph, pw, Ho, Wo } = g;
  const P = Ho * Wo;
  const NP = N * P;
  const cols = allocate(C * kh * kw * NP);
  for (let c = 0; c < C; c++) {
    for (let p = 0; p < kh; p++) {
      const iLo = Math.max(0, Math.ceil((ph - p) / sh));
      const iHi = Math.min(Ho, Math.floor((H - 1 + ph - p) / sh) + 1);
      for (let q = 0; q < kw; q++) {
        const jLo = Math.max(0, Math.ceil((pw - q) / sw));
        const jHi = Math.min(Wo, Math.floor((W - 1 + pw - q) / sw) + 1);
        const row = ((c * kh + p) * kw + q) * NP;
        for (let n = 0; n < N; n++) {
          const xBase = (n * C + c) * H * W;
          const cBase = row + n * P;
          for (let i = iLo; i < iHi; i++) {
            const xRow = xBase + (i * sh + p - ph) * W + q - pw;
            const cRow = cBase + i * Wo;
            for (let j = jLo; j < jHi; j++) cols[cRow + j] = x[xRow + j * sw];
          }
        }
      }
    }
  }
  return cols;
}

/**
 * out[n,o,i,j] = bias[o] + Σ_c Σ_p Σ_q x[n, c, i·sh + p − ph, j·sw + q − pw] · w[o, c, p, q],
 * with zeros outside the image (the padding): the weights [O, C·kh·kw] times the patches
 * [C·kh·kw, N·Ho·Wo] (im2col), so the work runs in the matmul kernel's unrolled loops — about
 * 2.5× faster than the six nested loops on the digits CNN's layers.
 */
export function conv2dForward(
  g: Conv2dGeometry,
  x: Float64Array,
  w: Float64Array,
  bias: Float64Array | null,
): Float64Array {
  const { N, C, O, kh, kw, Ho, Wo } = g;
  const P = Ho * Wo;
  const cols = im2col(g, x);
  const y = matmulNN(w, cols, O, C * kh * kw, N * P); // [O, N·P]
  const out = allocate(N * O * P);
  for (let o = 0; o < O; o++) {
    const b = bias ? bias[o] : 0;
    for (let n = 0; n < N; n++) {
      const src = (o * N + n) * P;
      const dst = (n * O + o) * P;
      for (let k = 0; k < P; k++) out[dst + k] = y[src + k] + b;
    }
  }
  return out;
}

/**
 * ∂L/∂x: every output position sends gOut·w back to the input pixels it read, so the input
 * gradient is a full correlation of gOut with the flipped filter (a "transposed convolution").
 * The two backward products keep their direct loops: they skip the zeros that ReLU and max
 * pooling leave in gOut (most of it), which an im2col product could not.
 */
export function conv2dBackwardInput(
  g: Conv2dGeometry,
  gOut: Float64Array,
  w: Float64Array,
): Float64Array {
  const { N, C, H, W, O, kh, kw, sh, sw, ph, pw, Ho, Wo } = g;
  const gx = allocate(N * C * H * W);
  for (let n = 0; n < N; n++) {
    for (let o = 0; o < O; o++) {
      const outBase = (n * O + o) * Ho * Wo;
      for (let i = 0; i < Ho; i++) {
        for (let j = 0; j < Wo; j++) {
          const go = gOut[outBase + i * Wo + j];
          if (go === 0) continue;
          for (let c = 0; c < C; c++) {
            const xBase = (n * C + c) * H * W;
            const wBase = (o * C + c) * kh * kw;
            for (let p = 0; p < kh; p++) {
              const y = i * sh + p - ph;
              if (y < 0 || y >= H) continue;
              for (let q = 0; q < kw; q++) {
                const xx = j * sw + q - pw;
                if (xx < 0 || xx >= W) continue;
                gx[xBase + y * W + xx] += go * w[wBase + p * kw + q];
              }
            }
          }
        }
      }
    }
  }
  return gx;
}

/** ∂L/∂w[o,c,p,q] = Σ_n Σ_i Σ_j gOut[n,o,i,j] · x[n, c, i·sh + p − ph, j·sw + q − pw]. */
export function conv2dBackwardWeight(
  g: Conv2dGeometry,
  gOut: Float64Array,
  x: Float64Array,
): Float64Array {
  const { N, C, H, W, O, kh, kw, sh, sw, ph, pw, Ho, Wo } = g;
  const gw = allocate(O * C * kh * kw);
  for (let n = 0; n < N; n++) {
    for (let o = 0; o < O; o++) {
      const outBase = (n * O + o) * Ho * Wo;
      for (let i = 0; i < Ho; i++) {
        for (let j = 0; j < Wo; j++) {
          const go = gOut[outBase + i * Wo + j];
          if (go === 0) continue;
          for (let c = 0; c < C; c++) {
            const xBase = (n * C + c) * H * W;
            const wBase = (o * C + c) * kh * kw;
            for (let p = 0; p < kh; p++) {
              const y = i * sh + p - ph;
              if (y < 0 || y >= H) continue;
              for (let q = 0; q < kw; q++) {
                const xx = j * sw + q - pw;
                if (xx < 0 || xx >= W) continue;
                gw[wBase + p * kw + q] += go * x[xBase + y * W + xx];
              }
            }
          }
        }
      }
    }
  }
  return gw;
}

/** ∂L/∂bias[o] = Σ_n Σ_i Σ_j gOut[n,o,i,j]: each bias is added at every output position. */
export function conv2dBackwardBias(g: Conv2dGeometry, gOut: Float64Array): Float64Array {
  const { N, O, Ho, Wo } = g;
  const gb = allocate(O);
  const plane = Ho * Wo;
  for (let n = 0; n < N; n++) {
    for (let o = 0; o < O; o++) {
      const base = (n * O + o) * plane;
      let s = 0;
      for (let k = 0; k < plane; k++) s += gOut[base + k];
      gb[o] += s;
    }
  }
  return gb;
}
