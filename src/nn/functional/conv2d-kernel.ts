// The arithmetic of 2-D cross-correlation on flat row-major arrays, forward and both
// backward products, kept free of tensors so the op file reads as forward and backward side by
// side. Layout NCHW (PyTorch): x [N, C, H, W], weight [O, C, kh, kw], out [N, O, Ho, Wo].
import { allocate } from "../../tensor/storage.ts";

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
 * out[n,o,i,j] = bias[o] + Σ_c Σ_p Σ_q x[n, c, i·sh + p − ph, j·sw + q − pw] · w[o, c, p, q],
 * with zeros outside the image (the padding).
 */
export function conv2dForward(
  g: Conv2dGeometry,
  x: Float64Array,
  w: Float64Array,
  bias: Float64Array | null,
): Float64Array {
  const { N, C, H, W, O, kh, kw, sh, sw, ph, pw, Ho, Wo } = g;
  const out = allocate(N * O * Ho * Wo);
  for (let n = 0; n < N; n++) {
    for (let o = 0; o < O; o++) {
      const outBase = (n * O + o) * Ho * Wo;
      const b0 = bias ? bias[o] : 0;
      for (let i = 0; i < Ho; i++) {
        for (let j = 0; j < Wo; j++) {
          let s = b0;
          for (let c = 0; c < C; c++) {
            const xBase = (n * C + c) * H * W;
            const wBase = (o * C + c) * kh * kw;
            for (let p = 0; p < kh; p++) {
              const y = i * sh + p - ph;
              if (y < 0 || y >= H) continue;
              for (let q = 0; q < kw; q++) {
                const xx = j * sw + q - pw;
                if (xx < 0 || xx >= W) continue;
                s += x[xBase + y * W + xx] * w[wBase + p * kw + q];
              }
            }
          }
          out[outBase + i * Wo + j] = s;
        }
      }
    }
  }
  return out;
}

/**
 * ∂L/∂x: every output position sends gOut·w back to the input pixels it read, so the input
 * gradient is a full correlation of gOut with the flipped filter (a "transposed convolution").
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
