// Ways to make tensors: from data (`tensor`), filled (`zeros`, `ones`, `full`), ranges
// (`linspace`, `arange`) and random (`randn`, `rand`, from a generator or the default one).
import { describeValue, expectNumber } from "./arguments.ts";
import { type Rng, resolveRng } from "./rng.ts";
import { checkShape, formatShape, sizeOf } from "./shape.ts";
import { checkSize } from "./size-limit.ts";
import { type NestedArray, Tensor } from "./tensor.ts";

/** Options for creating a leaf tensor. */
export interface TensorOptions {
  /** Gradients flow to this tensor (default false). */
  requiresGrad?: boolean;
  /** Label shown in the graph view and in messages. */
  name?: string;
  /** Shape, required when `data` is a flat typed array or array of numbers meant as a matrix. */
  shape?: readonly number[];
}

/** Anything `tensor()` accepts. */
export type TensorData = NestedArray | Float64Array | Float32Array | readonly number[] | Tensor;

function leaf(data: Float64Array, shape: readonly number[], options: TensorOptions): Tensor {
  const t = new Tensor(data, shape);
  t.requiresGrad = options.requiresGrad ?? false;
  t.name = options.name;
  return t;
}

/** Reads the shape of nested arrays, checking that they are rectangular. */
function shapeOfNested(data: NestedArray): number[] {
  const shape: number[] = [];
  let level: NestedArray = data;
  while (Array.isArray(level)) {
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0];
  }
  return shape;
}

function fillNested(
  data: NestedArray,
  shape: readonly number[],
  out: Float64Array,
  op: string,
): void {
  let k = 0;
  const walk = (x: NestedArray, axis: number, path: number[]): void => {
    if (axis === shape.length) {
      if (typeof x !== "number") {
        throw new Error(
          `${op}: expected a number at [${path.join("][")}], found ${describeValue(x)}`,
        );
      }
      out[k++] = x;
      return;
    }
    if (!Array.isArray(x) || x.length !== shape[axis]) {
      throw new Error(
        `${op}: the nested arrays are not rectangular — expected ${shape[axis]} entries at ` +
          `[${path.join("][")}] (shape ${formatShape(shape)}), found ${Array.isArray(x) ? x.length : describeValue(x)}`,
      );
    }
    for (let i = 0; i < x.length; i++) walk(x[i], axis + 1, [...path, i]);
  };
  walk(data, 0, []);
}

/**
 * A new leaf tensor from a number (a scalar), nested arrays, a typed array (with
 * `options.shape`, else 1-D) or another tensor (copied). Values are stored as float64.
 */
export function tensor(data: TensorData, options: TensorOptions = {}): Tensor {
  if (data instanceof Tensor) return leaf(data.data.slice(), options.shape ?? data.shape, options);
  const t = createTensor(data, "tensor");
  if (options.shape === undefined) return leaf(t.data, t.shape, options);
  if (sizeOf(options.shape) !== t.data.length) {
    throw new Error(
      `tensor: ${t.data.length} values do not fill shape ${formatShape(options.shape)}`,
    );
  }
  return leaf(t.data, options.shape, options);
}

/**
 * A constant tensor from a number, nested arrays or a typed array (1-D), for an op given plain
 * data where a tensor goes; errors name `op`.
 */
export function createTensor(
  data: NestedArray | Float64Array | Float32Array | readonly number[],
  op: string,
): Tensor {
  if (data instanceof Float64Array || data instanceof Float32Array)
    return new Tensor(Float64Array.from(data), [data.length]);
  if (typeof data === "number") return new Tensor(new Float64Array([data]), []);
  if (!Array.isArray(data)) {
    throw new Error(
      `${op}: expected a number, nested arrays or a Float64Array, found ${describeValue(data)}`,
    );
  }
  const shape = shapeOfNested(data as NestedArray);
  const out = new Float64Array(sizeOf(shape));
  fillNested(data as NestedArray, shape, out, op);
  return new Tensor(out, shape);
}

/** A tensor of the given shape filled with `value`. */
export function full(shape: readonly number[], value: number, options: TensorOptions = {}): Tensor {
  checkShape("full", shape);
  checkSize("full", shape);
  expectNumber("full", "the fill value", value, true);
  return leaf(new Float64Array(sizeOf(shape)).fill(value), [...shape], options);
}

/** All zeros. */
export function zeros(shape: readonly number[], options: TensorOptions = {}): Tensor {
  checkShape("zeros", shape);
  checkSize("zeros", shape);
  return leaf(new Float64Array(sizeOf(shape)), [...shape], options);
}

/** All ones. */
export function ones(shape: readonly number[], options: TensorOptions = {}): Tensor {
  return full(shape, 1, options);
}

/** `steps` evenly spaced values from `start` to `end`, both included (torch.linspace). */
export function linspace(
  start: number,
  end: number,
  steps: number,
  options: TensorOptions = {},
): Tensor {
  expectNumber("linspace", "start", start);
  expectNumber("linspace", "end", end);
  if (!Number.isInteger(steps) || steps < 0)
    throw new Error(
      `linspace: steps must be a non-negative integer, found ${describeValue(steps)}`,
    );
  checkSize("linspace", [steps]);
  const out = new Float64Array(steps);
  const step = steps > 1 ? (end - start) / (steps - 1) : 0;
  for (let i = 0; i < steps; i++) out[i] = start + i * step;
  if (steps > 1) out[steps - 1] = end;
  return leaf(out, [steps], options);
}

/** start, start+step, … below `end` (torch.arange); `arange(n)` is 0 … n−1. */
export function arange(start: number, end?: number, step = 1, options: TensorOptions = {}): Tensor {
  if (end === undefined) [start, end] = [0, start];
  expectNumber("arange", "start", start);
  expectNumber("arange", "end", end);
  expectNumber("arange", "step", step);
  if (step === 0) throw new Error("arange: step must not be 0");
  const n = Math.max(0, Math.ceil((end - start) / step));
  checkSize("arange", [n]);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = start + i * step;
  return leaf(out, [n], options);
}

/**
 * Standard normal samples, drawn from `generator` (default: the default generator, see
 * `manualSeed`). Pass `rng(seed)` for numbers that replay whatever ran before.
 */
export function randn(
  shape: readonly number[],
  generator?: Rng,
  options: TensorOptions = {},
): Tensor {
  checkShape("randn", shape);
  checkSize("randn", shape);
  const g = resolveRng("randn", generator, "randn([2, 3], rng(0))");
  const out = new Float64Array(sizeOf(shape));
  for (let i = 0; i < out.length; i++) out[i] = g.normal();
  return leaf(out, [...shape], options);
}

/** Uniform samples on [low, high) (default [0, 1)), from `generator` as for `randn`. */
export function rand(
  shape: readonly number[],
  generator?: Rng,
  options: TensorOptions & { low?: number; high?: number } = {},
): Tensor {
  checkShape("rand", shape);
  checkSize("rand", shape);
  const g = resolveRng("rand", generator, "rand([2, 3], rng(0))");
  const low = expectNumber("rand", "low", options.low ?? 0),
    high = expectNumber("rand", "high", options.high ?? 1);
  const out = new Float64Array(sizeOf(shape));
  for (let i = 0; i < out.length; i++) out[i] = low + (high - low) * g.next();
  return leaf(out, [...shape], options);
}
