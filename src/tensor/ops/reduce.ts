// Reductions: sum, mean, max over all elements or one axis (keepdim as in PyTorch).
// A reduction over axis `a` of a shape is viewed as [outer, n, inner]: outer = product of the
// sizes before `a`, n = shape[a], inner = product of the sizes after it.
import { makeResult, type OpRule, type TensorLike, toTensor } from "../op.ts";
import { normalizeAxis, type Shape } from "../shape.ts";
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
  vjp: (node, _i, g) =>
    new Tensor(spreadLoop(g.data, node.saved, node.saved.scale), node.inputs[0].shape),
  jvp: (node, [t]) => new Tensor(sumLoop(t.data, node.saved, node.saved.scale), node.output.shape),
};

/** Sum of all elements, or along `axis` (dropped unless keepdim). */
export function sum(x: TensorLike, axis?: number, keepdim = false): Tensor {
  const a = toTensor(x, "sum");
  const L = layoutOf("sum", a.shape, axis, keepdim);
  return makeResult(
    sumLoop(a.data, L, 1),
    L.shape,
    sumRule,
    "sum",
    [a],
    { axis, keepdim },
    { ...L, scale: 1 },
  );
}

/** Mean of all elements, or along `axis`. */
export function mean(x: TensorLike, axis?: number, keepdim = false): Tensor {
  const a = toTensor(x, "mean");
  const L = layoutOf("mean", a.shape, axis, keepdim);
  if (L.n === 0) throw new Error(`mean: cannot average over an axis of size 0`);
  const s = 1 / L.n;
  return makeResult(
    sumLoop(a.data, L, s),
    L.shape,
    sumRule,
    "mean",
    [a],
    { axis, keepdim },
    { ...L, scale: s },
  );
}

type MaxSaved = Layout & { argmax: Int32Array };

const maxRule: OpRule<MaxSaved> = {
  // The gradient goes to the (first) element that was the maximum.
  vjp(node, _i, g) {
    const { argmax } = node.saved;
    const out = allocate(node.inputs[0].data.length);
    for (let k = 0; k < argmax.length; k++) out[argmax[k]] += g.data[k];
    return new Tensor(out, node.inputs[0].shape);
  },
  jvp(node, [t]) {
    const { argmax } = node.saved;
    const out = new Float64Array(argmax.length);
    for (let k = 0; k < argmax.length; k++) out[k] = t.data[argmax[k]];
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

/** Maximum of all elements, or along `axis` (values only; see `argmax` for indices). */
export function max(x: TensorLike, axis?: number, keepdim = false): Tensor {
  const a = toTensor(x, "max");
  const L = layoutOf("max", a.shape, axis, keepdim);
  const argmax = argmaxLoop("max", a.data, L);
  const out = new Float64Array(argmax.length);
  for (let k = 0; k < argmax.length; k++) out[k] = a.data[argmax[k]];
  return makeResult(out, L.shape, maxRule, "max", [a], { axis, keepdim }, { ...L, argmax });
}

/** Minimum of all elements, or along `axis`, composed as −max(−x) (the gradient goes to the minimum). */
export function min(x: TensorLike, axis?: number, keepdim = false): Tensor {
  return neg(max(neg(x), axis, keepdim));
}

/** Index of the maximum along `axis` (or of the flattened tensor); not differentiable. */
export function argmax(x: TensorLike, axis?: number, keepdim = false): Tensor {
  const a = toTensor(x, "argmax");
  const L = layoutOf("argmax", a.shape, axis, keepdim);
  const flat = argmaxLoop("argmax", a.data, L);
  const out = new Float64Array(flat.length);
  // Convert flat input positions to positions along the axis.
  for (let k = 0; k < flat.length; k++) out[k] = Math.floor(flat[k] / L.inner) % L.n;
  return new Tensor(out, L.shape);
}
