// The arithmetic of 2-D max and average pooling on flat NCHW arrays: each channel of each
// image is pooled on its own, window by window, forward and backward side by side.
import { allocate } from "../../tensor/storage.ts";

/** Sizes of one pooling: input [N, C, H, W] → output [N, C, Ho, Wo]. */
export interface Pool2dGeometry {
  readonly N: number;
  readonly C: number;
  readonly H: number;
  readonly W: number;
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
 * out = the largest value in each window (padding never wins); `argmax` keeps the flat input
 * index of that value, because the gradient flows back to it alone.
 */
export function maxPool2dForward(
  g: Pool2dGeometry,
  x: Float64Array,
): { out: Float64Array; argmax: Int32Array } {
  const { N, C, H, W, kh, kw, sh, sw, ph, pw, Ho, Wo } = g;
  const out = allocate(N * C * Ho * Wo);
  const argmax = new Int32Array(out.length);
  for (let plane = 0; plane < N * C; plane++) {
    const xBase = plane * H * W;
    const outBase = plane * Ho * Wo;
    for (let i = 0; i < Ho; i++) {
      for (let j = 0; j < Wo; j++) {
        let best = Number.NEGATIVE_INFINITY;
        let at = -1;
        for (let p = 0; p < kh; p++) {
          const y = i * sh + p - ph;
          if (y < 0 || y >= H) continue;
          for (let q = 0; q < kw; q++) {
            const xx = j * sw + q - pw;
            if (xx < 0 || xx >= W) continue;
            const v = x[xBase + y * W + xx];
            // `!(v <= best)` also lets a NaN win, so it shows up instead of hiding (PyTorch too).
            if (at < 0 || !(v <= best)) {
              best = v;
              at = xBase + y * W + xx;
            }
          }
        }
        out[outBase + i * Wo + j] = best;
        argmax[outBase + i * Wo + j] = at;
      }
    }
  }
  return { out, argmax };
}

/** ∂L/∂x: each output's gradient goes to the input that was the maximum of its window. */
export function maxPool2dBackward(
  g: Pool2dGeometry,
  gOut: Float64Array,
  argmax: Int32Array,
): Float64Array {
  const gx = allocate(g.N * g.C * g.H * g.W);
  for (let k = 0; k < gOut.length; k++) gx[argmax[k]] += gOut[k];
  return gx;
}

/** out = mean of each kh×kw window, padding counted as zeros (PyTorch's count_include_pad). */
export function avgPool2dForward(g: Pool2dGeometry, x: Float64Array): Float64Array {
  const { N, C, H, W, kh, kw, sh, sw, ph, pw, Ho, Wo } = g;
  const out = allocate(N * C * Ho * Wo);
  const scale = 1 / (kh * kw);
  for (let plane = 0; plane < N * C; plane++) {
    const xBase = plane * H * W;
    const outBase = plane * Ho * Wo;
    for (let i = 0; i < Ho; i++) {
      for (let j = 0; j < Wo; j++) {
        let s = 0;
        for (let p = 0; p < kh; p++) {
          const y = i * sh + p - ph;
          if (y < 0 || y >= H) continue;
          for (let q = 0; q < kw; q++) {
            const xx = j * sw + q - pw;
            if (xx < 0 || xx >= W) continue;
            s += x[xBase + y * W + xx];
          }
        }
        out[outBase + i * Wo + j] = s * scale;
      }
    }
  }
  return out;
}

/** ∂L/∂x: each output spreads its gradient evenly, 1/(kh·kw) to every pixel of its window. */
export function avgPool2dBackward(g: Pool2dGeometry, gOut: Float64Array): Float64Array {
  const { N, C, H, W, kh, kw, sh, sw, ph, pw, Ho, Wo } = g;
  const gx = allocate(N * C * H * W);
  const scale = 1 / (kh * kw);
  for (let plane = 0; plane < N * C; plane++) {
    const xBase = plane * H * W;
    const outBase = plane * Ho * Wo;
    for (let i = 0; i < Ho; i++) {
      for (let j = 0; j < Wo; j++) {
        const go = gOut[outBase + i * Wo + j] * scale;
        for (let p = 0; p < kh; p++) {
          const y = i * sh + p - ph;
          if (y < 0 || y >= H) continue;
          for (let q = 0; q < kw; q++) {
            const xx = j * sw + q - pw;
            if (xx < 0 || xx >= W) continue;
            gx[xBase + y * W + xx] += go;
          }
        }
      }
    }
  }
  return gx;
}
