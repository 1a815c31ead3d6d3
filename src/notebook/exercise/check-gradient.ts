// The check behind gradient exercises: a student's backward rule (or a whole layer's
// gradients) against the library's autograd, at random points, with central finite
// differences as the referee for the entry that is off. The message says which gradient,
// which entry, what the student's rule gave and what it should be.
import { noGrad, Tensor, tensor } from "../../core.ts";

/** A gradient as a student may return it: a tensor, a number, or nested arrays of numbers. */
export type GradientLike = Tensor | number | readonly unknown[];

/** What to check. */
export interface GradientCheckOptions {
  /** The op or layer, written with the library: the inputs (tensors) → the output. */
  forward: (...inputs: Tensor[]) => Tensor;
  /**
   * The student's rule: the inputs' values and the upstream gradient ∂L/∂out (tensors) → the
   * gradient of each input (one for a single input, else an array in the inputs' order).
   */
  backward: (...args: Tensor[]) => unknown;
  /** The shape of each input (`[]` for a number). */
  shapes: readonly (readonly number[])[];
  /** The inputs' names in messages (default x, y, z, …). */
  names?: readonly string[];
  /** How many random points to try (default 3). */
  points?: number;
  /** Seed of the random points (default 1): the same seed tries the same points. */
  seed?: number;
  /** Draws one input entry (default uniform in [−2, 2], kept 0.1 away from 0 for kinks). */
  sample?: (random: () => number) => number;
  /** Largest accepted difference, relative to the size of the expected entry (default 1e-4). */
  tolerance?: number;
}

/** The outcome: a pass, or the first entry found off, with the numbers that show it. */
export interface GradientCheckResult {
  pass: boolean;
  message: string;
  /** Where it is off: the input's name and the entry's index ([] for a number). */
  input?: string;
  index?: number[];
  yours?: number;
  autograd?: number;
  finiteDifference?: number;
}

/** One random point: the inputs' values, the upstream gradient, and autograd's gradients. */
interface Point {
  values: number[][];
  upstreamValues: number[];
  upstream: Tensor;
  outShape: readonly number[];
  /** Autograd's gradient of Σ out ⊙ upstream for each input, flat. */
  expected: number[][];
}

/** The options with their defaults filled in, and the inputs' names. */
interface Check {
  options: GradientCheckOptions;
  names: string[];
  tolerance: number;
}

/** Checks a backward rule against autograd and finite differences at random points. */
export function checkGradient(options: GradientCheckOptions): GradientCheckResult {
  const names = options.shapes.map((_, i) => options.names?.[i] ?? "xyzuvw"[i] ?? `input${i + 1}`);
  const random = mulberry32(options.seed ?? 1);
  const sample = options.sample ?? ((r: () => number) => awayFromZero(r() * 4 - 2));
  const check: Check = { options, names, tolerance: options.tolerance ?? 1e-4 };
  const points = options.points ?? 3;
  for (let p = 0; p < points; p++) {
    const point = randomPoint(options, random, sample);
    const grads = callBackward(check, point);
    if (!Array.isArray(grads)) return grads;
    const read = readGradients(check, grads);
    if (!Array.isArray(read)) return read;
    const off = firstEntryOff(check, point, read);
    if (off) return off;
  }
  return {
    pass: true,
    message: `your rule matches autograd at ${points} random point${points === 1 ? "" : "s"}.`,
  };
}

/** Draws the inputs, runs the forward pass and autograd against a random upstream gradient. */
function randomPoint(
  options: GradientCheckOptions,
  random: () => number,
  sample: (random: () => number) => number,
): Point {
  const values = options.shapes.map((shape) =>
    Array.from({ length: size(shape) }, () => sample(random)),
  );
  const leaves = values.map((v, i) =>
    tensor(Float64Array.from(v), { shape: [...options.shapes[i]], requiresGrad: true }),
  );
  const out = options.forward(...leaves);
  const upstreamValues = Array.from({ length: out.data.length }, () =>
    awayFromZero(random() * 2 - 1),
  );
  const upstream = tensor(Float64Array.from(upstreamValues), { shape: [...out.shape] });
  out.mul(upstream).sum().backward();
  const expected = leaves.map((leaf) =>
    leaf.grad ? Array.from(leaf.grad.data) : values[0].map(() => 0),
  );
  return { values, upstreamValues, upstream, outShape: out.shape, expected };
}

/** The student's rule at the point: one gradient per input, or what went wrong. */
function callBackward({ options, names }: Check, point: Point): unknown[] | GradientCheckResult {
  let returned: unknown;
  try {
    returned = options.backward(
      ...point.values.map((v, i) =>
        tensor(Float64Array.from(v), { shape: [...options.shapes[i]] }),
      ),
      tensor(point.upstream),
    );
  } catch (error) {
    return fail(
      `your backward rule stopped with an error: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (returned === undefined)
    return fail("your backward rule returned nothing: end it with `return` and the gradient.");
  const grads = options.shapes.length === 1 ? [returned] : returned;
  if (!Array.isArray(grads) || grads.length !== options.shapes.length)
    return fail(
      `your backward rule should return ${options.shapes.length} gradients, one for each of ${names.join(", ")}, as an array in that order.`,
    );
  return grads;
}

/** Every gradient as data, shapes first: a transposed gradient is not a wrong number. */
function readGradients(
  { options, names }: Check,
  grads: unknown[],
): { data: number[]; shape: number[] }[] | GradientCheckResult {
  const read: { data: number[]; shape: number[] }[] = [];
  for (let i = 0; i < names.length; i++) {
    const got = readGradient(grads[i]);
    const name = names[i];
    if (typeof got === "string") return fail(`your ∂L/∂${name} ${got}`);
    const shape = options.shapes[i];
    if (!sameShape(got.shape, shape))
      return fail(
        `your ∂L/∂${name} has shape ${formatShape(got.shape)}, but ${name} has shape ${formatShape(shape)}: a gradient always has the shape of what it is the gradient of.`,
      );
    read.push(got);
  }
  return read;
}

/** The first entry off autograd, with finite differences as the referee, or null. */
function firstEntryOff(
  { options, names, tolerance }: Check,
  point: Point,
  read: { data: number[]; shape: number[] }[],
): GradientCheckResult | null {
  const { values, upstream, expected } = point;
  for (let i = 0; i < names.length; i++) {
    const got = read[i];
    const name = names[i];
    const shape = options.shapes[i];
    for (let k = 0; k < got.data.length; k++) {
      const yours = got.data[k];
      const autograd = expected[i][k];
      if (
        Number.isFinite(yours) &&
        Math.abs(yours - autograd) <= tolerance * Math.max(1, Math.abs(autograd))
      )
        continue;
      const index = unravel(k, shape);
      const finiteDifference = centralDifference(
        options.forward,
        values,
        options.shapes,
        upstream,
        i,
        k,
      );
      const entry = `∂L/∂${name}${index.map((j) => `[${j}]`).join("")}`;
      const at = describePoint(names, values, options.shapes, point.upstreamValues, point.outShape);
      return {
        pass: false,
        input: name,
        index,
        yours,
        autograd,
        finiteDifference,
        message: `${entry} is off by ${format(Math.abs(yours - autograd))}: yours is ${format(yours)}, autograd gives ${format(autograd)} and finite differences ${format(finiteDifference)}, at ${at}.`,
      };
    }
  }
  return null;
}

function fail(message: string): GradientCheckResult {
  return { pass: false, message };
}

/** (f(v + h) − f(v − h)) / 2h for one entry of one input, f being Σ out ⊙ upstream. */
function centralDifference(
  forward: GradientCheckOptions["forward"],
  values: number[][],
  shapes: GradientCheckOptions["shapes"],
  upstream: Tensor,
  input: number,
  entry: number,
): number {
  const h = 1e-5;
  const at = (delta: number): number =>
    noGrad(() => {
      const inputs = values.map((v, i) => {
        const copy = Float64Array.from(v);
        if (i === input) copy[entry] += delta;
        return tensor(copy, { shape: [...shapes[i]] });
      });
      return forward(...inputs)
        .mul(upstream)
        .sum()
        .item();
    });
  return (at(h) - at(-h)) / (2 * h);
}

/** A student's gradient as flat data and a shape, or what is wrong with it. */
function readGradient(value: unknown): { data: number[]; shape: number[] } | string {
  if (value instanceof Tensor) return { data: Array.from(value.data), shape: [...value.shape] };
  if (typeof value === "number") return { data: [value], shape: [] };
  if (Array.isArray(value)) {
    const shape: number[] = [];
    for (let v: unknown = value; Array.isArray(v); v = v[0]) shape.push(v.length);
    const data = (value as unknown[]).flat(Number.POSITIVE_INFINITY);
    if (data.length !== size(shape) || data.some((x) => typeof x !== "number"))
      return "is not a tensor, a number or a rectangular array of numbers.";
    return { data: data as number[], shape };
  }
  return `is ${value === null ? "null" : typeof value}; return a tensor, a number or nested arrays of numbers.`;
}

function describePoint(
  names: readonly string[],
  values: number[][],
  shapes: GradientCheckOptions["shapes"],
  upstream: number[],
  outShape: readonly number[],
): string {
  const parts = names.map((name, i) => `${name} = ${formatValue(values[i], shapes[i])}`);
  parts.push(`upstream ∂L/∂out = ${formatValue(upstream, outShape)}`);
  return parts.join(", ");
}

function formatValue(data: readonly number[], shape: readonly number[]): string {
  if (shape.length === 0) return format(data[0]);
  const nest = (offset: number, axis: number): string => {
    if (axis === shape.length - 1)
      return `[${data
        .slice(offset, offset + shape[axis])
        .map(format)
        .join(", ")}]`;
    const stride = size(shape.slice(axis + 1));
    return `[${Array.from({ length: shape[axis] }, (_, j) => nest(offset + j * stride, axis + 1)).join(", ")}]`;
  };
  return nest(0, 0);
}

function format(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Number(x.toPrecision(4)).toString();
}

function formatShape(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  // A column or row of n numbers and a flat list of n are the same gradient to a student.
  return a.length === b.length
    ? a.every((n, i) => n === b[i])
    : size(a) === size(b) && squeeze(a).join() === squeeze(b).join();
}

function squeeze(shape: readonly number[]): number[] {
  return shape.filter((n) => n !== 1);
}

function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function unravel(k: number, shape: readonly number[]): number[] {
  const index: number[] = [];
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index.unshift(k % shape[axis]);
    k = Math.floor(k / shape[axis]);
  }
  return index;
}

function awayFromZero(x: number): number {
  return Math.abs(x) < 0.1 ? x + Math.sign(x || 1) * 0.1 : x;
}

/** A small seeded generator (mulberry32): the same seed gives the same points. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
