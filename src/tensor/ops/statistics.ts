// Statistics composed from primitives (so their backward, the graph and forward mode come
// for free): var, std and logsumexp.
//   var(x)       = Σ (x − mean x)² / (n − correction)   (correction 1: Bessel's, PyTorch's default)
//   std(x)       = √var(x)
//   logsumexp(x) = m + log Σ exp(x − m), m = max x held constant: never overflows, and its
//                  gradient is softmax(x).
import { describeValue } from "../arguments.ts";
import { noGrad } from "../grad-mode.ts";
import { type TensorLike, toTensor } from "../op.ts";
import { normalizeAxis, type Shape } from "../shape.ts";
import { Tensor } from "../tensor.ts";
import { add, div, mul, sub } from "./binary.ts";
import { max } from "./max-min.ts";
import { reshape } from "./shape.ts";
import { type Axes, mean, sum } from "./sum-mean.ts";
import { exp, log, sqrt } from "./unary.ts";

/** Options of `var` and `std`. */
export interface VarOptions {
  /** Subtracted from the count in the denominator: 1 (default) the sample variance, 0 the population's. */
  correction?: number;
  /** Keep the reduced axes as size 1 (default false). */
  keepdim?: boolean;
}

function checkOptions(op: string, options: unknown): { correction: number; keepdim: boolean } {
  if (options === undefined) return { correction: 1, keepdim: false };
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new Error(
      `${op}: expected options such as { correction: 0, keepdim: true } after the axis, found ${describeValue(options)}`,
    );
  }
  const { correction = 1, keepdim = false } = options as VarOptions;
  if (typeof correction !== "number" || !Number.isFinite(correction)) {
    throw new Error(
      `${op}: correction must be a number (1 or 0), found ${describeValue(correction)}`,
    );
  }
  if (typeof keepdim !== "boolean") {
    throw new Error(`${op}: keepdim must be true or false, found ${describeValue(keepdim)}`);
  }
  return { correction, keepdim };
}

/** How many entries a reduction over `axis` (all when undefined or []) averages per result. */
function countOf(op: string, shape: Shape, axis: Axes): number {
  if (axis === undefined || (Array.isArray(axis) && axis.length === 0)) {
    return shape.reduce((p, d) => p * d, 1);
  }
  const list = Array.isArray(axis) ? axis : [axis as number];
  return list.reduce((p, ax) => p * shape[normalizeAxis(op, ax, shape.length, shape)], 1);
}

/**
 * Variance of all elements, or over `axis` (one or several), with Bessel's correction by
 * default (`{ correction: 0 }` divides by n).
 */
export function variance(x: TensorLike, axis?: Axes, options?: VarOptions): Tensor {
  return varianceAs("var", x, axis, options);
}

function varianceAs(op: string, x: TensorLike, axis: Axes, options?: VarOptions): Tensor {
  const a = toTensor(x, op);
  const { correction, keepdim } = checkOptions(op, options);
  const n = countOf(op, a.shape, axis);
  const d = sub(a, mean(a, axis, true));
  return div(sum(mul(d, d), axis, keepdim), Math.max(0, n - correction));
}

/** Standard deviation: √var (same options). */
export function std(x: TensorLike, axis?: Axes, options?: VarOptions): Tensor {
  return sqrt(varianceAs("std", x, axis, options));
}

/** log Σ exp(x) over all elements or along `axis`, without overflow (torch.logsumexp). */
export function logsumexp(x: TensorLike, axis?: number, keepdim = false): Tensor {
  const a = toTensor(x, "logsumexp");
  if (typeof keepdim !== "boolean") {
    throw new Error(`logsumexp: keepdim must be true or false, found ${describeValue(keepdim)}`);
  }
  if (axis !== undefined) normalizeAxis("logsumexp", axis, a.shape.length, a.shape);
  // The shift: the maximum where it is finite, 0 where it is not (a lane of −∞, or +∞).
  const m = noGrad(() => {
    const top = max(a.detach(), axis, true);
    return new Tensor(
      top.data.map((v) => (Number.isFinite(v) ? v : 0)),
      top.shape,
    );
  });
  const lse = add(log(sum(exp(sub(a, m)), axis, true)), m);
  if (keepdim) return lse;
  const ax = axis === undefined ? -1 : axis < 0 ? axis + a.shape.length : axis;
  return reshape(lse, ax < 0 ? [] : a.shape.filter((_, d) => d !== ax));
}
