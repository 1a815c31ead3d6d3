// Max and min over all elements or one axis (with `indices` along an axis, as PyTorch), and
// argmax/argmin.

import { linearVjpGraph } from "../linear-adjoint.ts";
import { makeResult, type OpRule, soleTangent, type TensorLike, toTensor } from "../op.ts";
import { type OpDefinition, replayInput } from "../op-definition.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";
import { axisOf, axisText, type Layout, layoutOf } from "./reduce-layout.ts";
import { neg } from "./unary.ts";

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
