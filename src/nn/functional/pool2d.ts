// maxPool2d and avgPool2d: each channel of each image shrunk window by window, as
// torch.nn.functional.max_pool2d / avg_pool2d. Forward and backward side by side; the loops
// live in pool2d-kernel.ts.
import {
  allocate,
  formatShape,
  linearVjpGraph,
  makeResult,
  type OpAttrs,
  type OpDefinition,
  type OpRule,
  operatorTex,
  replayInput,
  Tensor,
  type TensorLike,
  toTensor,
} from "../../tensor/index.ts";
import { pair } from "../pair.ts";
import { convOutputSize, pairAttr } from "./conv2d-geometry.ts";
import {
  avgPool2dBackward,
  avgPool2dForward,
  maxPool2dBackward,
  maxPool2dForward,
  type Pool2dGeometry,
} from "./pool2d-kernel.ts";

/** Stride (default: the kernel size, so windows do not overlap) and zero padding (default 0). */
export interface Pool2dOptions {
  stride?: number | readonly [number, number];
  padding?: number | readonly [number, number];
}

// max: ∂out/∂x is 1 at the window's maximum and 0 elsewhere.
const maxPoolRule: OpRule<{ geometry: Pool2dGeometry; argmax: Int32Array }> = {
  saves: [],
  vjpGraph: linearVjpGraph, // linear in g, the argmax held fixed
  vjp(node, _i, g) {
    const { geometry, argmax } = node.saved;
    return new Tensor(maxPool2dBackward(geometry, g.data, argmax), node.inputs[0].shape);
  },
  jvp(node, [t]) {
    const { argmax } = node.saved;
    const out = allocate(argmax.length);
    for (let k = 0; k < out.length; k++) out[k] = t ? t.data[argmax[k]] : 0;
    return new Tensor(out, node.output.shape);
  },
};

// average: ∂out/∂x is 1/(kh·kw) for every pixel of the window.
const avgPoolRule: OpRule<{ geometry: Pool2dGeometry }> = {
  saves: [],
  vjpGraph: linearVjpGraph,
  vjp(node, _i, g) {
    return new Tensor(avgPool2dBackward(node.saved.geometry, g.data), node.inputs[0].shape);
  },
  jvp(node, [t]) {
    const { geometry } = node.saved;
    const out = t ? avgPool2dForward(geometry, t.data) : new Float64Array(node.output.data.length);
    return new Tensor(out, node.output.shape);
  },
};

/** `F.maxPool2d(x, kernelSize, { stride, padding })`: the largest value of each window. */
export function maxPool2d(
  input: TensorLike,
  kernelSize: number | readonly [number, number],
  options: Pool2dOptions = {},
): Tensor {
  const x = toTensor(input, "maxPool2d", "the input");
  const geometry = pool2dGeometry("maxPool2d", x.shape, kernelSize, options);
  const { out, argmax } = maxPool2dForward(geometry, x.data);
  return makeResult(
    out,
    outShape(x.shape, geometry),
    maxPoolRule,
    "maxPool2d",
    [x],
    attrsOf(geometry),
    {
      geometry,
      argmax,
    },
  );
}

/** `F.avgPool2d(x, kernelSize, { stride, padding })`: the mean of each window. */
export function avgPool2d(
  input: TensorLike,
  kernelSize: number | readonly [number, number],
  options: Pool2dOptions = {},
): Tensor {
  const x = toTensor(input, "avgPool2d", "the input");
  const geometry = pool2dGeometry("avgPool2d", x.shape, kernelSize, options);
  const out = avgPool2dForward(geometry, x.data);
  return makeResult(
    out,
    outShape(x.shape, geometry),
    avgPoolRule,
    "avgPool2d",
    [x],
    attrsOf(geometry),
    {
      geometry,
    },
  );
}

/** The recorded window, stride and padding, as `maxPool2d`/`avgPool2d` take them. */
function poolArgs(attrs: OpAttrs): [readonly [number, number], Pool2dOptions] {
  const kernel = pairAttr(attrs, "kernelSize") ?? [1, 1];
  return [kernel, { stride: pairAttr(attrs, "stride"), padding: pairAttr(attrs, "padding") }];
}

export const MAX_POOL2D: OpDefinition = {
  name: "maxPool2d",
  forward: maxPool2d,
  rules: [maxPoolRule],
  replay: (xs, at) => maxPool2d(replayInput(xs, 0), ...poolArgs(at)),
  tex: operatorTex("maxPool2d"),
  words: ["max pool", "max pooling"],
  elementwise: false,
};

export const AVG_POOL2D: OpDefinition = {
  name: "avgPool2d",
  forward: avgPool2d,
  rules: [avgPoolRule],
  replay: (xs, at) => avgPool2d(replayInput(xs, 0), ...poolArgs(at)),
  tex: operatorTex("avgPool2d"),
  words: ["avg pool", "average pooling"],
  elementwise: false,
};

function attrsOf(g: Pool2dGeometry): Record<string, unknown> {
  return { kernelSize: [g.kh, g.kw], stride: [g.sh, g.sw], padding: [g.ph, g.pw] };
}

function outShape(xShape: readonly number[], g: Pool2dGeometry): number[] {
  return xShape.length === 3 ? [g.C, g.Ho, g.Wo] : [g.N, g.C, g.Ho, g.Wo];
}

function pool2dGeometry(
  op: string,
  xShape: readonly number[],
  kernelSize: number | readonly [number, number],
  options: Pool2dOptions,
): Pool2dGeometry {
  if (xShape.length !== 3 && xShape.length !== 4) {
    throw new Error(`${op}: input must be [N, C, H, W] or [C, H, W], found ${formatShape(xShape)}`);
  }
  const [N, C, H, W] = xShape.length === 4 ? xShape : [1, ...xShape];
  const [kh, kw] = pair(op, "kernelSize", kernelSize, 1);
  const [sh, sw] = pair(op, "stride", options.stride ?? [kh, kw], 1);
  const [ph, pw] = pair(op, "padding", options.padding ?? 0, 0);
  if (2 * ph > kh || 2 * pw > kw) {
    throw new Error(
      `${op}: padding must be at most half the kernel size, found padding [${ph},${pw}] for kernel [${kh},${kw}]`,
    );
  }
  const Ho = convOutputSize(H, kh, sh, ph);
  const Wo = convOutputSize(W, kw, sw, pw);
  if (Ho < 1 || Wo < 1) {
    throw new Error(`${op}: a ${kh}×${kw} window does not fit a ${H}×${W} image`);
  }
  return { N, C, H, W, kh, kw, sh, sw, ph, pw, Ho, Wo };
}
