// Rows and slices: narrow (a window along one axis, torch.narrow) and select (one index,
// dropping the axis). Their backward writes the gradient back into the window, zeros elsewhere.
// A tensor of shape S viewed along axis a is [outer, n, inner], as in the reductions.

import { expectInteger } from "../arguments.ts";
import { linearVjpGraph } from "../linear-adjoint.ts";
import { makeResult, type OpRule, soleTangent, type TensorLike, toTensor } from "../op.ts";
import { numberAttr, type OpDefinition, operatorTex, replayInput } from "../op-definition.ts";
import { formatShape, normalizeAxis } from "../shape.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";

// ── narrow: elements start … start+length−1 along one axis ──────────────────────────────
export interface Window {
  outer: number;
  n: number; // input size along the axis
  inner: number;
  start: number;
  length: number;
}

export function copyWindow(X: Float64Array, w: Window): Float64Array {
  const { outer, n, inner, start, length } = w;
  const out = allocate(outer * length * inner);
  const block = length * inner;
  for (let o = 0; o < outer; o++)
    out.set(X.subarray((o * n + start) * inner, (o * n + start) * inner + block), o * block);
  return out;
}

const narrowRule: OpRule<Window> = {
  saves: [],
  vjpGraph: linearVjpGraph,
  vjp(node, _i, g) {
    const { outer, n, inner, start, length } = node.saved;
    const out = allocate(node.inputs[0].data.length);
    const block = length * inner;
    for (let o = 0; o < outer; o++)
      out.set(g.data.subarray(o * block, (o + 1) * block), (o * n + start) * inner);
    return new Tensor(out, node.inputs[0].shape);
  },
  jvp: (node, t) => new Tensor(copyWindow(soleTangent(t).data, node.saved), node.output.shape),
};

function windowOf(op: string, a: Tensor, axis: number, start: number, length: number): Window {
  const ax = normalizeAxis(op, axis, a.shape.length, a.shape);
  const n = a.shape[ax];
  expectInteger(op, "start", start);
  expectInteger(op, "length", length);
  if (start < 0 || length < 0 || start + length > n) {
    throw new Error(
      `${op}: elements ${start} to ${start + length - 1} along axis ${ax} are out of range for shape ${formatShape(a.shape)} (size ${n} there)`,
    );
  }
  let outer = 1,
    inner = 1;
  for (let i = 0; i < ax; i++) outer *= a.shape[i];
  for (let i = ax + 1; i < a.shape.length; i++) inner *= a.shape[i];
  return { outer, n, inner, start, length };
}

/** `length` elements from `start` along `axis` (torch.narrow); keeps the axis. */
export function narrow(x: TensorLike, axis: number, start: number, length: number): Tensor {
  const a = toTensor(x, "narrow");
  const w = windowOf("narrow", a, axis, start, length);
  const ax = normalizeAxis("narrow", axis, a.shape.length, a.shape);
  const shape = a.shape.map((d, i) => (i === ax ? length : d));
  return makeResult(
    copyWindow(a.data, w),
    shape,
    narrowRule,
    "narrow",
    [a],
    { axis: ax, start, length },
    w,
  );
}

/** Element `index` along `axis`, dropping the axis (torch.select); negative indices count from the end. */
export function select(x: TensorLike, axis: number, index: number): Tensor {
  const a = toTensor(x, "select");
  const ax = normalizeAxis("select", axis, a.shape.length, a.shape);
  const n = a.shape[ax];
  expectInteger("select", "the index", index);
  const i = index < 0 ? index + n : index;
  if (i < 0 || i >= n) {
    throw new Error(
      `select: index ${index} is out of range for axis ${ax} of shape ${formatShape(a.shape)} (size ${n})`,
    );
  }
  const w = windowOf("select", a, ax, i, 1);
  const shape = a.shape.filter((_, d) => d !== ax);
  return makeResult(
    copyWindow(a.data, w),
    shape,
    narrowRule,
    "select",
    [a],
    { axis: ax, index: i },
    w,
  );
}

export const NARROW: OpDefinition = {
  name: "narrow",
  forward: narrow,
  rules: [narrowRule],
  replay: (xs, at) =>
    narrow(
      replayInput(xs, 0),
      numberAttr(at, "axis") ?? 0,
      numberAttr(at, "start") ?? 0,
      numberAttr(at, "length") ?? 1,
    ),
  tex: operatorTex("narrow"),
  words: ["slice", "slice"],
  elementwise: false,
};

export const SELECT: OpDefinition = {
  name: "select",
  forward: select,
  rules: [narrowRule],
  replay: (xs, at) =>
    select(replayInput(xs, 0), numberAttr(at, "axis") ?? 0, numberAttr(at, "index") ?? 0),
  tex: operatorTex("select"),
  words: ["select", "selected entries"],
  elementwise: false,
};

/** Row `i` of `x` (axis 0, dropped), as x[i]; a negative `i` counts from the end. */
export function indexRow(x: TensorLike, i: number): Tensor {
  const a = toTensor(x, "index");
  if (a.shape.length === 0) throw new Error("index: a scalar has no rows to index");
  const n = a.shape[0];
  expectInteger("index", "the row index", i);
  if (i < -n || i >= n) {
    throw new Error(
      `index: row ${i} is out of range for shape ${formatShape(a.shape)} (${n} row${n === 1 ? "" : "s"})`,
    );
  }
  return select(a, 0, i);
}

/** Rows start … end−1 of `x` (x[start:end]); negative bounds count from the end, as in Python. */
export function sliceRows(x: TensorLike, start: number, end?: number): Tensor {
  const a = toTensor(x, "slice");
  const n = a.shape[0];
  if (n === undefined) throw new Error("slice: a scalar has no rows to slice");
  expectInteger("slice", "start", start);
  if (end !== undefined) expectInteger("slice", "end", end);
  const s = start < 0 ? Math.max(0, start + n) : Math.min(start, n);
  const e = end === undefined ? n : end < 0 ? Math.max(0, end + n) : Math.min(end, n);
  return narrow(a, 0, s, Math.max(0, e - s));
}
