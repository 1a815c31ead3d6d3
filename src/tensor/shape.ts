// Shape arithmetic shared by every op: sizes, strides, NumPy broadcasting and the way shapes
// are printed in error messages ("[2,3]"), so every message reads the same.
import { describeValue } from "./arguments.ts";
import { checkSize } from "./size-limit.ts";

export type Shape = readonly number[];

/** Number of elements of a tensor of this shape (1 for a scalar, shape []). */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

/** Shapes as they appear in error messages: `[2,3]`, `[]` for a scalar. */
export function formatShape(shape: Shape): string {
  return `[${shape.join(",")}]`;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Row-major strides: the step in the flat array for a step of one along each axis. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/**
 * NumPy broadcasting: align shapes on the right; each pair of sizes must be equal or one of
 * them 1. Throws `add: shapes [2,3] and [4] cannot broadcast` naming the op.
 */
export function broadcastShapes(op: string, a: Shape, b: Shape): number[] {
  if (sameShape(a, b)) return a as number[];
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new Error(`${op}: shapes ${formatShape(a)} and ${formatShape(b)} cannot broadcast`);
    }
    out[i] = da === 1 ? db : da;
  }
  checkSize(op, out); // [1e5,1] + [1,1e5] would be 80 GB
  return out;
}

/**
 * For an input of shape `inShape` broadcast to `outShape`, the flat input index of every
 * output element. Only the general broadcasting path needs this; common cases have fast paths.
 */
export function broadcastIndex(inShape: Shape, outShape: Shape): Int32Array {
  const n = sizeOf(outShape);
  const index = new Int32Array(n);
  const rank = outShape.length;
  const offset = rank - inShape.length;
  const inStrides = stridesOf(inShape);
  // Stride 0 along broadcast axes makes the input element repeat.
  const step = new Array<number>(rank);
  for (let d = 0; d < rank; d++) {
    const size = d < offset ? 1 : inShape[d - offset];
    step[d] = size === 1 ? 0 : inStrides[d - offset];
  }
  const counter = new Array<number>(rank).fill(0);
  let pos = 0;
  for (let k = 0; k < n; k++) {
    index[k] = pos;
    for (let d = rank - 1; d >= 0; d--) {
      counter[d]++;
      pos += step[d];
      if (counter[d] < outShape[d]) break;
      pos -= step[d] * counter[d];
      counter[d] = 0;
    }
  }
  return index;
}

/**
 * How an input of shape `inShape` lines up with an output of shape `outShape`:
 * "same" (no broadcasting), "scalar" (one element repeated), "suffix" (the input's elements
 * repeat as the output's trailing block, as a bias [n] added to [batch, n]) or "general".
 */
export type BroadcastKind = "same" | "scalar" | "suffix" | "general";

export function broadcastKind(inShape: Shape, outShape: Shape): BroadcastKind {
  const inSize = sizeOf(inShape);
  const outSize = sizeOf(outShape);
  if (inSize === outSize) return "same";
  if (inSize === 1) return "scalar";
  // Drop leading 1s of the input, then it must equal the output's trailing dims.
  let start = 0;
  while (start < inShape.length && inShape[start] === 1) start++;
  const k = inShape.length - start;
  for (let i = 0; i < k; i++) {
    if (inShape[start + i] !== outShape[outShape.length - k + i]) return "general";
  }
  return "suffix";
}

/** Resolves a possibly negative axis against a rank, with a message naming the op. */
export function normalizeAxis(op: string, axis: number, rank: number, shape: Shape): number {
  if (typeof axis !== "number" || !Number.isInteger(axis)) {
    throw new Error(`${op}: an axis must be an integer, found ${describeValue(axis)}`);
  }
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank) {
    throw new Error(
      `${op}: axis ${axis} is out of range for a tensor of shape ${formatShape(shape)} (rank ${rank})`,
    );
  }
  return a;
}

/** Throws unless `shape` is an array of non-negative integers, naming the op. */
export function checkShape(op: string, shape: unknown): void {
  if (
    !Array.isArray(shape) ||
    shape.some((d) => typeof d !== "number" || !Number.isInteger(d) || d < 0)
  ) {
    throw new Error(
      `${op}: expected a shape such as [2, 3] (non-negative integers), found ${JSON.stringify(shape) ?? String(shape)}`,
    );
  }
}
