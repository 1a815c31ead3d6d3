// Reductions: sum, mean, max over all elements or one axis (keepdim as in PyTorch); sum and
// mean also over several axes, composed as one single-axis reduction per axis.
// A reduction over axis `a` of a shape is viewed as [outer, n, inner]: outer = product of the
// sizes before `a`, n = shape[a], inner = product of the sizes after it.

import { describeValue } from "../arguments.ts";
import { linearVjpGraph } from "../linear-adjoint.ts";
import { makeResult, type OpRule, soleTangent, type TensorLike, toTensor } from "../op.ts";
import {
  entriesOf,
  numberAttr,
  type OpAttrs,
  type OpDefinition,
  recordedShapes,
  replayInput,
} from "../op-definition.ts";
import { formatShape, normalizeAxis, type Shape } from "../shape.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";
import { neg } from "./unary.ts";

interface Layout {
  outer: number;
  n: number;
  inner: number;
  shape: number[]; // output shape
}

function layoutOf(op: string, shape: Shape, axis: number | undefined, keepdim: boolean): Layout {
  if (typeof keepdim !== "boolean") {
    throw new Error(`${op}: keepdim must be true or false, found ${describeValue(keepdim)}`);
  }
  if (axis === undefined) {
    let n = 1;
    for (const d of shape) n *= d;
    return { outer: 1, n, inner: 1, shape: keepdim ? shape.map(() => 1) : [] };
  }
  const a = normalizeAxis(op, axis, shape.length, shape);
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < a; i++) outer *= shape[i];
  for (let i = a + 1; i < shape.length; i++) inner *= shape[i];
  const out = keepdim ? shape.map((d, i) => (i === a ? 1 : d)) : shape.filter((_, i) => i !== a);
  return { outer, n: shape[a], inner, shape: out };
}

function sumLoop(X: Float64Array, L: Layout, scaleBy: number): Float64Array {
  const { outer, n, inner } = L;
  const out = allocate(outer * inner);
  if (inner === 1) {
    for (let o = 0; o < outer; o++) {
      let s = 0;
      for (let j = 0, base = o * n; j < n; j++) s += X[base + j];
      out[o] = s * scaleBy;
    }
    return out;
  }
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < n; j++) {
      const src = (o * n + j) * inner;
      const dst = o * inner;
      for (let i = 0; i < inner; i++) out[dst + i] += X[src + i];
    }
  }
  if (scaleBy !== 1) for (let k = 0; k < out.length; k++) out[k] *= scaleBy;
  return out;
}

/** Spreads a reduced gradient back over the reduced axis, times `scaleBy`. */
function spreadLoop(G: Float64Array, L: Layout, scaleBy: number): Float64Array {
  const { outer, n, inner } = L;
  const out = allocate(outer * n * inner);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < n; j++) {
      const dst = (o * n + j) * inner;
      const src = o * inner;
      for (let i = 0; i < inner; i++) out[dst + i] = G[src + i] * scaleBy;
    }
  }
  return out;
}

type Saved = Layout & { scale: number };

const sumRule: OpRule<Saved> = {
  saves: [],
  vjpGraph: linearVjpGraph,
  vjp: (node, _i, g) =>
    new Tensor(spreadLoop(g.data, node.saved, node.saved.scale), node.inputs[0].shape),
  jvp: (node, t) =>
    new Tensor(sumLoop(soleTangent(t).data, node.saved, node.saved.scale), node.output.shape),
};

/** Axes to reduce, one or several (`[0, 2]`); `undefined` (or `[]`, as PyTorch) for all of them. */
export type Axes = number | readonly number[] | undefined;

/**
 * Several axes reduced one at a time, the highest first, so each single-axis node (the graph
 * shows one per axis) sees the axis numbers of its input. Each axis is normalised and checked.
 */
function reduceAxes(
  op: "sum" | "mean",
  a: Tensor,
  axes: readonly number[],
  keepdim: boolean,
): Tensor {
  const rank = a.shape.length;
  const list = axes.map((ax) => normalizeAxis(op, ax, rank, a.shape));
  const twice = list.find((ax, i) => list.indexOf(ax) !== i);
  if (twice !== undefined) {
    throw new Error(
      `${op}: axis ${twice} appears twice in [${axes.join(", ")}] for a tensor of shape ${formatShape(a.shape)}`,
    );
  }
  let out = a;
  for (const ax of [...list].sort((p, q) => q - p)) out = reduceOne(op, out, ax, keepdim);
  return out;
}

function reduceOne(op: "sum" | "mean", a: Tensor, axis: number | undefined, keepdim: boolean) {
  const L = layoutOf(op, a.shape, axis, keepdim);
  if (op === "mean" && L.n === 0) throw new Error("mean: cannot average over an axis of size 0");
  const s = op === "mean" ? 1 / L.n : 1;
  return makeResult(
    sumLoop(a.data, L, s),
    L.shape,
    sumRule,
    op,
    [a],
    { axis, keepdim },
    { ...L, scale: s },
  );
}

function reduction(op: "sum" | "mean", x: TensorLike, axis: Axes, keepdim: boolean): Tensor {
  const a = toTensor(x, op);
  if (Array.isArray(axis)) {
    if (axis.length === 0) return reduceOne(op, a, undefined, keepdim);
    if (axis.length > 1) return reduceAxes(op, a, axis, keepdim);
    return reduceOne(op, a, axis[0], keepdim);
  }
  return reduceOne(op, a, axis as number | undefined, keepdim);
}

/** Sum of all elements, or along `axis` — one axis or several, `[0, 2]` (dropped unless keepdim). */
export function sum(x: TensorLike, axis?: number | readonly number[], keepdim = false): Tensor {
  return reduction("sum", x, axis, keepdim);
}

/** Mean of all elements, or along `axis` — one axis or several (dropped unless keepdim). */
export function mean(x: TensorLike, axis?: number | readonly number[], keepdim = false): Tensor {
  return reduction("mean", x, axis, keepdim);
}

type MaxSaved = Layout & {
  /** Per output element, the flat input index of its maximum (the first, for ties). */
  argmax: Int32Array;
  /** Full reduction only: every position holding the maximum, which share the gradient. */
  ties: Int32Array | null;
};

const maxRule: OpRule<MaxSaved> = {
  saves: [],
  vjpGraph: linearVjpGraph,
  // Along an axis the gradient goes to the element max picked (the first of equal ones);
  // the maximum of all elements shares it evenly between ties, as PyTorch's max() and amax do.
  vjp(node, _i, g) {
    const { argmax, ties } = node.saved;
    const out = allocate(node.inputs[0].data.length);
    if (ties !== null) {
      const share = g.data[0] / ties.length;
      for (let k = 0; k < ties.length; k++) out[ties[k]] = share;
    } else for (let k = 0; k < argmax.length; k++) out[argmax[k]] += g.data[k];
    return new Tensor(out, node.inputs[0].shape);
  },
  jvp(node, tangents) {
    const { argmax, ties } = node.saved;
    const T = soleTangent(tangents).data;
    const out = allocate(argmax.length);
    if (ties !== null) {
      let s = 0;
      for (let k = 0; k < ties.length; k++) s += T[ties[k]];
      out[0] = s / ties.length;
    } else for (let k = 0; k < argmax.length; k++) out[k] = T[argmax[k]];
    return new Tensor(out, node.output.shape);
  },
};

function argmaxLoop(op: string, X: Float64Array, L: Layout): Int32Array {
  const { outer, n, inner } = L;
  if (n === 0) throw new Error(`${op}: cannot take the maximum over an axis of size 0`);
  const idx = new Int32Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let best = o * n * inner + i;
      for (let j = 1; j < n; j++) {
        const k = (o * n + j) * inner + i;
        // NaN wins, as in PyTorch, so it is not hidden by the maximum.
        if (X[k] > X[best] || (Number.isNaN(X[k]) && !Number.isNaN(X[best]))) best = k;
      }
      idx[o * inner + i] = best;
    }
  }
  return idx;
}

/** Every flat index holding `m` (a NaN maximum: every NaN, which share it as PyTorch does). */
function positionsOf(X: Float64Array, m: number): Int32Array {
  const nan = Number.isNaN(m);
  const hit = (v: number) => v === m || (nan && Number.isNaN(v));
  let count = 0;
  for (let k = 0; k < X.length; k++) if (hit(X[k])) count++;
  const out = new Int32Array(count);
  for (let k = 0, j = 0; k < X.length; k++) if (hit(X[k])) out[j++] = k;
  return out;
}

/**
 * What `max(axis)` and `min(axis)` return: the values (a tensor, usable as is) carrying
 * `values` (itself) and `indices` along the axis, as PyTorch's `(values, indices)` pair:
 * `const { values, indices } = x.max(1)`.
 */
export type MaxResult = Tensor & { readonly values: Tensor; readonly indices: Tensor };

/** Adds `values` and `indices` (positions along the axis, from flat input positions). */
function withIndices(values: Tensor, flat: Int32Array, L: Layout): MaxResult {
  const idx = new Float64Array(flat.length);
  for (let k = 0; k < flat.length; k++) idx[k] = Math.floor(flat[k] / L.inner) % L.n;
  const indices = new Tensor(idx, L.shape);
  Object.defineProperty(values, "values", { value: values });
  Object.defineProperty(values, "indices", { value: indices });
  return values as MaxResult;
}

/**
 * Maximum of all elements, or along `axis`. Along an axis the result also carries `indices`
 * (and `values`, itself), as PyTorch's `x.max(dim)` returns both. The gradient of the maximum
 * of all elements is shared evenly by tied elements (and by NaNs); along an axis it goes to the
 * first maximum (the first NaN).
 */
export function max(x: TensorLike): Tensor;
export function max(x: TensorLike, axis: number, keepdim?: boolean): MaxResult;
export function max(x: TensorLike, axis?: number, keepdim?: boolean): Tensor;
export function max(x: TensorLike, axis?: number, keepdim = false): Tensor {
  const a = toTensor(x, "max");
  const L = layoutOf("max", a.shape, axis, keepdim);
  const argmax = argmaxLoop("max", a.data, L);
  const out = allocate(argmax.length);
  for (let k = 0; k < argmax.length; k++) out[k] = a.data[argmax[k]];
  const ties = axis === undefined ? positionsOf(a.data, out[0]) : null;
  const values = makeResult(
    out,
    L.shape,
    maxRule,
    "max",
    [a],
    { axis, keepdim },
    { ...L, argmax, ties },
  );
  return axis === undefined ? values : withIndices(values, argmax, L);
}

/** `_{\\text{axis }1}` under a reduction along an axis, nothing for a reduction of everything. */
function axisText(attrs: OpAttrs): string {
  const axis = attrs.axis ?? attrs.dim;
  return axis === undefined || axis === null ? "" : `_{\\text{axis }${String(axis)}}`;
}

/** Entries averaged into each output entry of a mean: input size over output size. */
function meanCount(attrs: OpAttrs): number {
  const shapes = recordedShapes(attrs);
  return Math.round(entriesOf(shapes.inputs[0]) / Math.max(1, entriesOf(shapes.output)));
}

const axisOf = (attrs: OpAttrs) => numberAttr(attrs, "axis");

export const SUM: OpDefinition = {
  name: "sum",
  forward: sum,
  rules: [sumRule],
  replay: (xs, at) => sum(replayInput(xs, 0), axisOf(at), at.keepdim === true),
  tex: {
    forward: (a, attrs) => `\\textstyle\\sum${axisText(attrs)} ${a[0]}`,
    local: () => null,
    term: (_i, up, _a, _out, _at, n) => n.times("\\mathbf{1}", up),
  },
  words: ["sum", "sum of the entries"],
  elementwise: false,
};

export const MEAN: OpDefinition = {
  name: "mean",
  forward: mean,
  rules: [sumRule],
  replay: (xs, at) => mean(replayInput(xs, 0), axisOf(at), at.keepdim === true),
  tex: {
    forward: (a, attrs) => `\\operatorname{mean}${axisText(attrs)} ${a[0]}`,
    local: () => null,
    term: (_i, up, _a, _out, attrs, n) =>
      n.times(`\\tfrac{1}{${meanCount(attrs)}}\\, \\mathbf{1}`, up),
  },
  words: ["mean", "mean of the entries"],
  elementwise: false,
};

export const MAX: OpDefinition = {
  name: "max",
  forward: max,
  rules: [maxRule],
  replay: (xs, at) => max(replayInput(xs, 0), axisOf(at), at.keepdim === true),
  tex: {
    forward: (a, attrs) => `\\max${axisText(attrs)} ${a[0]}`,
    local: () => null,
    term: (_i, up, _a, _out, _at, n) => n.times("\\mathbb{1}[\\text{argmax}]", up),
  },
  words: ["max", "maximum"],
  elementwise: false,
};

/**
 * Minimum of all elements, or along `axis` (then with `indices`, as max), composed as −max(−x)
 * (the gradient goes to the minimum).
 */
export function min(x: TensorLike): Tensor;
export function min(x: TensorLike, axis: number, keepdim?: boolean): MaxResult;
export function min(x: TensorLike, axis?: number, keepdim?: boolean): Tensor;
export function min(x: TensorLike, axis?: number, keepdim = false): Tensor {
  const a = toTensor(x, "min");
  const L = layoutOf("min", a.shape, axis, keepdim); // checked here, so messages say "min"
  if (L.n === 0) throw new Error("min: cannot take the minimum over an axis of size 0");
  const top = max(neg(a), axis, keepdim);
  const values = neg(top);
  if (axis === undefined) return values;
  Object.defineProperty(values, "values", { value: values });
  Object.defineProperty(values, "indices", { value: (top as MaxResult).indices });
  return values;
}

/**
 * Index of the maximum along `axis` (or in the flattened tensor), as float numbers; the first
 * one when several are equal (torch.argmax). Not differentiable.
 */
export function argmax(x: TensorLike, axis?: number, keepdim = false): Tensor {
  const a = toTensor(x, "argmax");
  const L = layoutOf("argmax", a.shape, axis, keepdim);
  const flat = argmaxLoop("argmax", a.data, L);
  const out = new Float64Array(flat.length);
  // Convert flat input positions to positions along the axis.
  for (let k = 0; k < flat.length; k++) out[k] = Math.floor(flat[k] / L.inner) % L.n;
  return new Tensor(out, L.shape);
}

/** Index of the minimum along `axis` (or in the flattened tensor), as torch.argmin. */
export function argmin(x: TensorLike, axis?: number, keepdim = false): Tensor {
  const a = toTensor(x, "argmin");
  const negated = new Tensor(
    a.data.map((v) => -v),
    a.shape,
  );
  return argmax(negated, axis, keepdim);
}
