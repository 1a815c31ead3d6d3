// conv2d: 2-D cross-correlation over NCHW batches, as torch.nn.functional.conv2d computes it
// (no filter flip). Forward and backward side by side; the loops live in conv2d-kernel.ts.
//   out[n,o,i,j] = b[o] + Σ_c Σ_p Σ_q x[n,c,i·s+p−pad, j·s+q−pad] · w[o,c,p,q]
// Its two gradients are ops of their own here too (torch.nn.grad.conv2d_input and
// conv2d_weight), so a createGraph backward records them and they can be differentiated again:
// the convolution is bilinear in (x, w), so each one's gradients are the other two products.

import {
  allocate,
  formatShape,
  makeResult,
  type OpAttrs,
  type OpDefinition,
  type OpRule,
  operatorTex,
  replayInput,
  sum,
  Tensor,
  type TensorLike,
  toTensor,
} from "../../tensor/index.ts";
import {
  type Conv2dOptions,
  checkConvSize,
  conv2dGeometry,
  conv2dOptionsOf,
  pairAttr,
} from "./conv2d-geometry.ts";
import {
  type Conv2dGeometry,
  conv2dBackwardBias,
  conv2dBackwardInput,
  conv2dBackwardWeight,
  conv2dForward,
} from "./conv2d-kernel.ts";

export { type Conv2dOptions, convOutputSize, pairAttr } from "./conv2d-geometry.ts";

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
  vjpGraph(node, i, g) {
    const options = conv2dOptionsOf(node.saved.geometry);
    const [x, w] = node.inputs;
    if (i === 0) return conv2dInput(x.shape, w, g, options);
    if (i === 1) return conv2dWeight(x, w.shape, g, options);
    return sum(g, g.shape.length === 4 ? [0, 2, 3] : [1, 2]); // every position but the channel
  },
};

function addInto(out: Float64Array, more: Float64Array): void {
  for (let k = 0; k < out.length; k++) out[k] += more[k];
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
  const geometry = conv2dGeometry("conv2d", x.shape, weight.shape, options);
  const { N, O, Ho, Wo } = geometry;
  if (b && (b.shape.length !== 1 || b.shape[0] !== O)) {
    throw new Error(
      `conv2d: bias must have shape [${O}] (one per filter), found ${formatShape(b.shape)}`,
    );
  }
  const shape = x.shape.length === 3 ? [O, Ho, Wo] : [N, O, Ho, Wo];
  checkConvSize("conv2d", geometry, shape);
  const out = conv2dForward(geometry, x.data, weight.data, b ? b.data : null);
  const inputs = b ? [x, weight, b] : [x, weight];
  const attrs = { stride: [geometry.sh, geometry.sw], padding: [geometry.ph, geometry.pw] };
  return makeResult(out, shape, conv2dRule, "conv2d", inputs, attrs, { geometry });
}

export const CONV2D: OpDefinition = {
  name: "conv2d",
  forward: conv2d,
  rules: [conv2dRule],
  replay: (xs, at) => conv2d(replayInput(xs, 0), replayInput(xs, 1), xs[2], recorded(at)),
  tex: operatorTex("conv2d"),
  words: ["conv", "convolution"],
  elementwise: false,
};

function recorded(attrs: OpAttrs): Conv2dOptions {
  return { stride: pairAttr(attrs, "stride"), padding: pairAttr(attrs, "padding") };
}

/** The shape a gradient op's output or gradient argument must have, or a message. */
function expectShape(op: string, what: string, t: Tensor, shape: readonly number[]): void {
  if (t.shape.length !== shape.length || t.shape.some((d, k) => d !== shape[k])) {
    throw new Error(
      `${op}: ${what} must have shape ${formatShape(shape)}, found ${formatShape(t.shape)}`,
    );
  }
}

// ∂L/∂x as an op of (w, g): bilinear, so its vjp for w is conv2dWeight at x := h and for g the
// convolution of h itself.
const inputGradRule: OpRule<Saved> = {
  saves: [0, 1],
  vjp(node, i, h) {
    const { geometry } = node.saved;
    const [w, g] = node.inputs;
    if (i === 0) return new Tensor(conv2dBackwardWeight(geometry, g.data, h.data), w.shape);
    return new Tensor(conv2dForward(geometry, h.data, w.data, null), g.shape);
  },
  jvp(node, [tw, tg]) {
    const { geometry } = node.saved;
    const [w, g] = node.inputs;
    const out = allocate(node.output.data.length);
    if (tw) addInto(out, conv2dBackwardInput(geometry, g.data, tw.data));
    if (tg) addInto(out, conv2dBackwardInput(geometry, tg.data, w.data));
    return new Tensor(out, node.output.shape);
  },
  vjpGraph(node, i, h) {
    const options = conv2dOptionsOf(node.saved.geometry);
    const [w, g] = node.inputs;
    return i === 0 ? conv2dWeight(h, w.shape, g, options) : conv2d(h, w, null, options);
  },
};

/**
 * `F.conv2dInput(inputShape, weight, gradOutput, { stride, padding })`: ∂L/∂x of a convolution
 * of an input of `inputShape` by `weight`, given ∂L/∂out — a transposed convolution
 * (torch.nn.grad.conv2d_input).
 */
export function conv2dInput(
  inputShape: readonly number[],
  filters: TensorLike,
  gradOutput: TensorLike,
  options: Conv2dOptions = {},
): Tensor {
  const w = toTensor(filters, "conv2dInput", "the weight");
  const g = toTensor(gradOutput, "conv2dInput", "the output's gradient");
  const geometry = conv2dGeometry("conv2dInput", inputShape, w.shape, options);
  const { N, O, Ho, Wo } = geometry;
  expectShape(
    "conv2dInput",
    "the output's gradient",
    g,
    inputShape.length === 3 ? [O, Ho, Wo] : [N, O, Ho, Wo],
  );
  const out = conv2dBackwardInput(geometry, g.data, w.data);
  const attrs = { ...recordedOptions(geometry), inputShape: [...inputShape] };
  return makeResult(out, [...inputShape], inputGradRule, "conv2dInput", [w, g], attrs, {
    geometry,
  });
}

// ∂L/∂w as an op of (x, g): its vjp for x is conv2dInput with w := k, for g the convolution of
// x by k.
const weightGradRule: OpRule<Saved> = {
  saves: [0, 1],
  vjp(node, i, k) {
    const { geometry } = node.saved;
    const [x, g] = node.inputs;
    if (i === 0) return new Tensor(conv2dBackwardInput(geometry, g.data, k.data), x.shape);
    return new Tensor(conv2dForward(geometry, x.data, k.data, null), g.shape);
  },
  jvp(node, [tx, tg]) {
    const { geometry } = node.saved;
    const [x, g] = node.inputs;
    const out = allocate(node.output.data.length);
    if (tx) addInto(out, conv2dBackwardWeight(geometry, g.data, tx.data));
    if (tg) addInto(out, conv2dBackwardWeight(geometry, tg.data, x.data));
    return new Tensor(out, node.output.shape);
  },
  vjpGraph(node, i, k) {
    const options = conv2dOptionsOf(node.saved.geometry);
    const [x, g] = node.inputs;
    return i === 0 ? conv2dInput(x.shape, k, g, options) : conv2d(x, k, null, options);
  },
};

/**
 * `F.conv2dWeight(input, weightShape, gradOutput, { stride, padding })`: ∂L/∂w of a convolution
 * of `input` by a weight of `weightShape`, given ∂L/∂out (torch.nn.grad.conv2d_weight).
 */
export function conv2dWeight(
  input: TensorLike,
  weightShape: readonly number[],
  gradOutput: TensorLike,
  options: Conv2dOptions = {},
): Tensor {
  const x = toTensor(input, "conv2dWeight", "the input");
  const g = toTensor(gradOutput, "conv2dWeight", "the output's gradient");
  const geometry = conv2dGeometry("conv2dWeight", x.shape, weightShape, options);
  const { N, O, Ho, Wo } = geometry;
  expectShape(
    "conv2dWeight",
    "the output's gradient",
    g,
    x.shape.length === 3 ? [O, Ho, Wo] : [N, O, Ho, Wo],
  );
  const out = conv2dBackwardWeight(geometry, g.data, x.data);
  const attrs = { ...recordedOptions(geometry), weightShape: [...weightShape] };
  return makeResult(out, [...weightShape], weightGradRule, "conv2dWeight", [x, g], attrs, {
    geometry,
  });
}

function recordedOptions(g: Conv2dGeometry): { stride: number[]; padding: number[] } {
  return { stride: [g.sh, g.sw], padding: [g.ph, g.pw] };
}

function shapeAttr(attrs: OpAttrs, key: string): number[] {
  const v = attrs[key];
  if (!Array.isArray(v)) throw new Error(`replay: the node has no ${key}`);
  return v.map(Number);
}

export const CONV2D_INPUT: OpDefinition = {
  name: "conv2dInput",
  forward: conv2dInput,
  rules: [inputGradRule],
  replay: (xs, at) =>
    conv2dInput(shapeAttr(at, "inputShape"), replayInput(xs, 0), replayInput(xs, 1), recorded(at)),
  tex: operatorTex("conv2dInput"),
  words: ["conv ∂x", "gradient of a convolution with respect to its input"],
  elementwise: false,
};

export const CONV2D_WEIGHT: OpDefinition = {
  name: "conv2dWeight",
  forward: conv2dWeight,
  rules: [weightGradRule],
  replay: (xs, at) =>
    conv2dWeight(
      replayInput(xs, 0),
      shapeAttr(at, "weightShape"),
      replayInput(xs, 1),
      recorded(at),
    ),
  tex: operatorTex("conv2dWeight"),
  words: ["conv ∂w", "gradient of a convolution with respect to its weight"],
  elementwise: false,
};
