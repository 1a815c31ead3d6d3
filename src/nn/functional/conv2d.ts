// conv2d: 2-D cross-correlation over NCHW batches, as torch.nn.functional.conv2d computes it
// (no filter flip). Forward and backward side by side; the loops live in conv2d-kernel.ts.
//   out[n,o,i,j] = b[o] + Σ_c Σ_p Σ_q x[n,c,i·s+p−pad, j·s+q−pad] · w[o,c,p,q]

import { describeValue } from "../../tensor/arguments.ts";
import { makeResult, type OpRule, type TensorLike, toTensor } from "../../tensor/op.ts";
import {
  type OpAttrs,
  type OpDefinition,
  operatorTex,
  replayInput,
} from "../../tensor/op-definition.ts";
import { formatShape } from "../../tensor/shape.ts";
import { allocate } from "../../tensor/storage.ts";
import { Tensor } from "../../tensor/tensor.ts";
import {
  type Conv2dGeometry,
  conv2dBackwardBias,
  conv2dBackwardInput,
  conv2dBackwardWeight,
  conv2dForward,
} from "./conv2d-kernel.ts";
import { pair } from "./pair.ts";

/** Stride and zero padding of a convolution: one number for both axes, or [rows, columns]. */
export interface Conv2dOptions {
  /** Step between neighbouring windows (default 1). */
  stride?: number | readonly [number, number];
  /** Zeros added on every side of the image (default 0). */
  padding?: number | readonly [number, number];
}

interface Saved {
  geometry: Conv2dGeometry;
}

const conv2dRule: OpRule<Saved> = {
  saves: [0, 1], // x and the weight; the bias's gradient needs neither
  vjp(node, i, g) {
    const { geometry } = node.saved;
    const [x, w, b] = node.inputs;
    if (i === 0) return new Tensor(conv2dBackwardInput(geometry, g.data, w.data), x.shape);
    if (i === 1) return new Tensor(conv2dBackwardWeight(geometry, g.data, x.data), w.shape);
    return new Tensor(conv2dBackwardBias(geometry, g.data), b.shape);
  },
  // Linear in x, in w and in b: d out = conv(dx, w) + conv(x, dw) + db.
  jvp(node, [tx, tw, tb]) {
    const { geometry } = node.saved;
    const [x, w] = node.inputs;
    const out = allocate(node.output.data.length);
    if (tx) addInto(out, conv2dForward(geometry, tx.data, w.data, null));
    if (tw) addInto(out, conv2dForward(geometry, x.data, tw.data, null));
    if (tb) {
      const plane = geometry.Ho * geometry.Wo;
      for (let k = 0; k < out.length; k++) out[k] += tb.data[Math.floor(k / plane) % geometry.O];
    }
    return new Tensor(out, node.output.shape);
  },
};

function addInto(out: Float64Array, more: Float64Array): void {
  for (let k = 0; k < out.length; k++) out[k] += more[k];
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

/**
 * `F.conv2d(x, weight, bias?, { stride, padding })`: x [N, C, H, W] (or one image [C, H, W]),
 * weight [O, C, kh, kw], bias [O]; returns [N, O, Ho, Wo] with
 * Ho = ⌊(H + 2·padding − kh)/stride⌋ + 1 (and likewise Wo).
 */
export function conv2d(
  input: TensorLike,
  filters: TensorLike,
  bias?: TensorLike | null,
  options: Conv2dOptions = {},
): Tensor {
  const x = toTensor(input, "conv2d", "the input");
  const weight = toTensor(filters, "conv2d", "the weight");
  const b = bias === undefined || bias === null ? null : toTensor(bias, "conv2d", "the bias");
  return conv2dOp(x, weight, b, options);
}

/** A recorded [height, width] pair (stride, padding, kernel size) as the options take it. */
export function pairAttr(attrs: OpAttrs, key: string): readonly [number, number] | undefined {
  const v = attrs[key];
  return Array.isArray(v) && v.length === 2 ? [Number(v[0]), Number(v[1])] : undefined;
}

export const CONV2D: OpDefinition = {
  name: "conv2d",
  forward: conv2d,
  rules: [conv2dRule],
  replay: (xs, at) =>
    conv2d(replayInput(xs, 0), replayInput(xs, 1), xs[2], {
      stride: pairAttr(at, "stride"),
      padding: pairAttr(at, "padding"),
    }),
  tex: operatorTex("conv2d"),
  words: ["conv", "convolution"],
  elementwise: false,
};

function conv2dOp(x: Tensor, weight: Tensor, bias: Tensor | null, options: Conv2dOptions): Tensor {
  const geometry = conv2dGeometry("conv2d", x.shape, weight.shape, options);
  const { N, O, Ho, Wo } = geometry;
  if (bias && (bias.shape.length !== 1 || bias.shape[0] !== O)) {
    throw new Error(
      `conv2d: bias must have shape [${O}] (one per filter), found ${formatShape(bias.shape)}`,
    );
  }
  const out = conv2dForward(geometry, x.data, weight.data, bias ? bias.data : null);
  const unbatched = x.shape.length === 3;
  const shape = unbatched ? [O, Ho, Wo] : [N, O, Ho, Wo];
  const inputs = bias ? [x, weight, bias] : [x, weight];
  const attrs = { stride: [geometry.sh, geometry.sw], padding: [geometry.ph, geometry.pw] };
  return makeResult(out, shape, conv2dRule, "conv2d", inputs, attrs, { geometry });
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
