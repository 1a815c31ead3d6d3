// The sizes of a 2-D convolution worked out from its shapes and options, with a message for
// each way they can be wrong; and the size limit on its output and its patch matrix.
import { checkSize, describeValue, formatShape, type OpAttrs } from "../../tensor/index.ts";
import { pair } from "../pair.ts";
import type { Conv2dGeometry } from "./conv2d-kernel.ts";

/** Stride and zero padding of a convolution: one number for both axes, or [rows, columns]. */
export interface Conv2dOptions {
  /** Step between neighbouring windows (default 1). */
  stride?: number | readonly [number, number];
  /** Zeros added on every side of the image (default 0). */
  padding?: number | readonly [number, number];
}

/** Output size of one axis: ⌊(size + 2·padding − kernel) / stride⌋ + 1. */
export function convOutputSize(
  size: number,
  kernel: number,
  stride: number,
  padding: number,
): number {
  return Math.floor((size + 2 * padding - kernel) / stride) + 1;
}

/** A recorded [height, width] pair (stride, padding, kernel size) as the options take it. */
export function pairAttr(attrs: OpAttrs, key: string): readonly [number, number] | undefined {
  const v = attrs[key];
  return Array.isArray(v) && v.length === 2 ? [Number(v[0]), Number(v[1])] : undefined;
}

/** The options a geometry was made from, as conv2d and its gradient ops take them. */
export function conv2dOptionsOf(g: Conv2dGeometry): Conv2dOptions {
  return { stride: [g.sh, g.sw], padding: [g.ph, g.pw] };
}

/** Checks the shapes of a 2-D convolution and works out every size, or says what is wrong. */
export function conv2dGeometry(
  op: string,
  xShape: readonly number[],
  wShape: readonly number[],
  options: Conv2dOptions,
): Conv2dGeometry {
  if (typeof options !== "object" || options === null) {
    throw new Error(
      `${op}: expected options such as { stride: 1, padding: 0 } as the last argument, found ${describeValue(options)}`,
    );
  }
  if (xShape.length !== 3 && xShape.length !== 4) {
    throw new Error(`${op}: input must be [N, C, H, W] or [C, H, W], found ${formatShape(xShape)}`);
  }
  if (wShape.length !== 4) {
    throw new Error(`${op}: weight must be [out, in, kh, kw], found ${formatShape(wShape)}`);
  }
  const [N, C, H, W] = xShape.length === 4 ? xShape : [1, ...xShape];
  const [O, Cw, kh, kw] = wShape;
  if (C !== Cw) {
    throw new Error(
      `${op}: input ${formatShape(xShape)} has ${C} channels but weight ${formatShape(wShape)} expects ${Cw}`,
    );
  }
  const [sh, sw] = pair(op, "stride", options.stride ?? 1, 1);
  const [ph, pw] = pair(op, "padding", options.padding ?? 0, 0);
  const Ho = convOutputSize(H, kh, sh, ph);
  const Wo = convOutputSize(W, kw, sw, pw);
  if (Ho < 1 || Wo < 1) {
    throw new Error(
      `${op}: a ${kh}×${kw} filter does not fit a ${H}×${W} image with padding ${ph === pw ? ph : `[${ph},${pw}]`}`,
    );
  }
  return { N, C, H, W, O, kh, kw, sh, sw, ph, pw, Ho, Wo };
}

/**
 * Refuses a convolution whose output, or whose patch matrix (im2col: one column of C·kh·kw
 * values per output position), would pass the size limit — `outShape` as the caller will
 * return it, so the message shows the shape the user asked for.
 */
export function checkConvSize(op: string, g: Conv2dGeometry, outShape: readonly number[]): void {
  checkSize(op, outShape);
  checkSize(`${op} (its patch matrix, im2col)`, [g.C * g.kh * g.kw, g.N * g.Ho * g.Wo]);
}
