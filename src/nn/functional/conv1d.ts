// conv1d: 1-D cross-correlation, (θ ∗ x)ᵢ = Σⱼ θⱼ xᵢ₊ⱼ, computed as a conv2d over images one
// row tall, so both share one forward and one backward.
import {
  describeValue,
  formatShape,
  showValue,
  type Tensor,
  type TensorLike,
  toTensor,
} from "../../tensor/index.ts";
import { conv2d } from "./conv2d.ts";
import { checkConvSize, conv2dGeometry } from "./conv2d-geometry.ts";

/** Stride and zero padding of a 1-D convolution. */
export interface Conv1dOptions {
  /** Step between neighbouring windows (default 1). */
  stride?: number;
  /** Zeros added at both ends (default 0). */
  padding?: number;
}

/**
 * `F.conv1d(x, weight, bias?, { stride, padding })`: x [N, C, L] (or [C, L]), weight
 * [O, C, k], bias [O]; returns [N, O, Lo] with Lo = ⌊(L + 2·padding − k)/stride⌋ + 1.
 */
export function conv1d(
  input: TensorLike,
  filters: TensorLike,
  bias?: TensorLike | null,
  options: Conv1dOptions = {},
): Tensor {
  const x = toTensor(input, "conv1d", "the input");
  const weight = toTensor(filters, "conv1d", "the weight");
  const b = bias === undefined || bias === null ? null : toTensor(bias, "conv1d", "the bias");
  if (x.shape.length !== 2 && x.shape.length !== 3) {
    throw new Error(`conv1d: input must be [N, C, L] or [C, L], found ${formatShape(x.shape)}`);
  }
  if (weight.shape.length !== 3) {
    throw new Error(`conv1d: weight must be [out, in, k], found ${formatShape(weight.shape)}`);
  }
  const [N, C, L] = x.shape.length === 3 ? x.shape : [1, ...x.shape];
  const [O, Cw, k] = weight.shape;
  const { stride, padding } = checkOptions(options);
  if (C !== Cw) {
    throw new Error(
      `conv1d: input ${formatShape(x.shape)} has ${C} channels but weight ${formatShape(weight.shape)} expects ${Cw}`,
    );
  }
  if (L + 2 * padding < k) {
    throw new Error(
      `conv1d: a filter of length ${k} does not fit a sequence of length ${L} with padding ${padding}`,
    );
  }
  const options2d = { stride: [1, stride], padding: [0, padding] } as const;
  const geometry = conv2dGeometry("conv1d", [N, C, 1, L], [O, Cw, 1, k], options2d);
  const Lo = geometry.Wo;
  checkConvSize("conv1d", geometry, x.shape.length === 3 ? [N, O, Lo] : [O, Lo]);
  const out = conv2d(x.reshape([N, C, 1, L]), weight.reshape([O, Cw, 1, k]), b, options2d); // [N, O, 1, Lo]
  return out.reshape(x.shape.length === 3 ? [N, O, Lo] : [O, Lo]);
}

/** Stride (an integer ≥ 1) and padding (≥ 0), said in one dimension's words when wrong. */
function checkOptions(options: Conv1dOptions): { stride: number; padding: number } {
  if (typeof options !== "object" || options === null) {
    throw new Error(
      `conv1d: expected options such as { stride: 1, padding: 0 } as the last argument, found ${describeValue(options)}`,
    );
  }
  const stride = options.stride ?? 1;
  const padding = options.padding ?? 0;
  if (typeof stride !== "number" || !Number.isInteger(stride) || stride < 1) {
    throw new Error(`conv1d: stride must be an integer ≥ 1, found ${showValue(stride)}`);
  }
  if (typeof padding !== "number" || !Number.isInteger(padding) || padding < 0) {
    throw new Error(`conv1d: padding must be an integer ≥ 0, found ${showValue(padding)}`);
  }
  return { stride, padding };
}
