// Ops that move elements without changing them: reshape, transpose, narrow/select (rows and
// slices), concat, stack, clone. Their backward moves the gradient back the same way.
import { makeResult, NO_ATTRS, type OpRule, type TensorLike, toTensor } from "../op.ts";
import { formatShape, normalizeAxis, sameShape, sizeOf } from "../shape.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";

// ── reshape: same elements, new shape; shares the storage, as PyTorch's view ────────────
const reshapeRule: OpRule = {
  vjp: (node, _i, g) => new Tensor(g.data, node.inputs[0].shape),
  jvp: (node, [t]) => new Tensor(t.data, node.output.shape),
};

/** Same elements in a new shape; one size may be -1 (inferred). */
export function reshape(x: TensorLike, shape: readonly number[]): Tensor {
  const a = toTensor(x, "reshape");
  const size = a.data.length;
  const out = [...shape];
  const infer = out.indexOf(-1);
  if (infer >= 0) {
    const known = out.reduce((p, d, i) => (i === infer ? p : p * d), 1);
    if (known === 0 || size % known !== 0) {
      throw new Error(
        `reshape: cannot reshape ${formatShape(a.shape)} (${size} elements) to ${formatShape(shape)}`,
      );
    }
    out[infer] = size / known;
  }
  if (out.some((d) => !Number.isInteger(d) || d < 0) || sizeOf(out) !== size) {
    throw new Error(
      `reshape: cannot reshape ${formatShape(a.shape)} (${size} elements) to ${formatShape(shape)} (${sizeOf(out)} elements)`,
    );
  }
  return makeResult(a.data, out, reshapeRule, "reshape", [a], { shape: out }, undefined);
}

// ── transpose: swaps two axes (default: the two of a matrix) ───────────────────────────
type Swap = { dim0: number; dim1: number };

function swapAxes(X: Float64Array, shape: readonly number[], d0: number, d1: number): Float64Array {
  const out = allocate(X.length);
  if (shape.length === 2) {
    const r = shape[0],
      c = shape[1];
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = X[i * c + j];
    return out;
  }
  // General case: walk the input in order, compute each element's output position.
  const outShape = [...shape];
  outShape[d0] = shape[d1];
  outShape[d1] = shape[d0];
  const outStrides = new Array<number>(shape.length);
  for (let s = 1, i = shape.length - 1; i >= 0; i--) {
    outStrides[i] = s;
    s *= outShape[i];
  }
  const step = outStrides.slice();
  step[d0] = outStrides[d1];
  step[d1] = outStrides[d0];
  const counter = new Array<number>(shape.length).fill(0);
  let pos = 0;
  for (let k = 0; k < X.length; k++) {
    out[pos] = X[k];
    for (let d = shape.length - 1; d >= 0; d--) {
      counter[d]++;
      pos += step[d];
      if (counter[d] < shape[d]) break;
      pos -= step[d] * counter[d];
      counter[d] = 0;
    }
  }
  return out;
}

const transposeRule: OpRule<Swap> = {
  vjp: (node, _i, g) =>
    new Tensor(swapAxes(g.data, g.shape, node.saved.dim0, node.saved.dim1), node.inputs[0].shape),
  jvp: (node, [t]) =>
    new Tensor(swapAxes(t.data, t.shape, node.saved.dim0, node.saved.dim1), node.output.shape),
};

/** Swaps axes dim0 and dim1 (a copy). With no axes: a matrix's transpose; a 0-D/1-D tensor is returned as is. */
export function transpose(x: TensorLike, dim0?: number, dim1?: number): Tensor {
  const a = toTensor(x, "transpose");
  const rank = a.shape.length;
  if (dim0 === undefined || dim1 === undefined) {
    if (rank < 2) return a;
    if (rank > 2) {
      throw new Error(
        `transpose: a tensor of shape ${formatShape(a.shape)} needs the two axes to swap, e.g. transpose(0, 1)`,
      );
    }
    dim0 = 0;
    dim1 = 1;
  }
  const d0 = normalizeAxis("transpose", dim0, rank, a.shape);
  const d1 = normalizeAxis("transpose", dim1, rank, a.shape);
  const shape = [...a.shape];
  shape[d0] = a.shape[d1];
  shape[d1] = a.shape[d0];
  const data = d0 === d1 ? a.data.slice() : swapAxes(a.data, a.shape, d0, d1);
  return makeResult(
    data,
    shape,
    transposeRule,
    "transpose",
    [a],
    { dim0: d0, dim1: d1 },
    { dim0: d0, dim1: d1 },
  );
}

// ── narrow: elements start … start+length−1 along one axis ──────────────────────────────
interface Window {
  outer: number;
  n: number; // input size along the axis
  inner: number;
  start: number;
  length: number;
}

function copyWindow(X: Float64Array, w: Window): Float64Array {
  const { outer, n, inner, start, length } = w;
  const out = allocate(outer * length * inner);
  const block = length * inner;
  for (let o = 0; o < outer; o++)
    out.set(X.subarray((o * n + start) * inner, (o * n + start) * inner + block), o * block);
  return out;
}

const narrowRule: OpRule<Window> = {
  vjp(node, _i, g) {
    const { outer, n, inner, start, length } = node.saved;
    const out = allocate(node.inputs[0].data.length);
    const block = length * inner;
    for (let o = 0; o < outer; o++)
      out.set(g.data.subarray(o * block, (o + 1) * block), (o * n + start) * inner);
    return new Tensor(out, node.inputs[0].shape);
  },
  jvp: (node, [t]) => new Tensor(copyWindow(t.data, node.saved), node.output.shape),
};

function windowOf(op: string, a: Tensor, axis: number, start: number, length: number): Window {
  const ax = normalizeAxis(op, axis, a.shape.length, a.shape);
  const n = a.shape[ax];
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(length) ||
    start < 0 ||
    length < 0 ||
    start + length > n
  ) {
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
  const i = index < 0 ? index + n : index;
  if (!Number.isInteger(index) || i < 0 || i >= n) {
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

// ── concat / stack ─────────────────────────────────────────────────────────────────────
interface Pieces {
  outer: number;
  inner: number;
  sizes: number[]; // each input's size along the axis
}

const concatRule: OpRule<Pieces> = {
  vjp(node, i, g) {
    const { outer, inner, sizes } = node.saved;
    const total = sizes.reduce((p, s) => p + s, 0);
    const before = sizes.slice(0, i).reduce((p, s) => p + s, 0);
    const w: Window = { outer, n: total, inner, start: before, length: sizes[i] };
    return new Tensor(copyWindow(g.data, w), node.inputs[i].shape);
  },
  jvp: (node, tangents) => new Tensor(join(tangents, node.saved), node.output.shape),
};

function join(parts: readonly Tensor[], { outer, inner, sizes }: Pieces): Float64Array {
  const total = sizes.reduce((p, s) => p + s, 0);
  const out = allocate(outer * total * inner);
  for (let o = 0; o < outer; o++) {
    let offset = o * total * inner;
    for (let i = 0; i < parts.length; i++) {
      const block = sizes[i] * inner;
      out.set(parts[i].data.subarray(o * block, (o + 1) * block), offset);
      offset += block;
    }
  }
  return out;
}

function checkList(op: string, xs: readonly TensorLike[]): Tensor[] {
  if (!Array.isArray(xs) || xs.length === 0)
    throw new Error(`${op}: expected a non-empty array of tensors`);
  return xs.map((x) => toTensor(x, op));
}

/** Joins tensors along an existing axis (torch.cat); all other sizes must match. */
export function concat(xs: readonly TensorLike[], axis = 0): Tensor {
  const ts = checkList("concat", xs);
  const first = ts[0];
  const ax = normalizeAxis("concat", axis, first.shape.length, first.shape);
  for (const t of ts) {
    const ok =
      t.shape.length === first.shape.length &&
      t.shape.every((d, i) => i === ax || d === first.shape[i]);
    if (!ok) {
      throw new Error(
        `concat: shapes ${ts.map((u) => formatShape(u.shape)).join(", ")} differ outside axis ${ax}`,
      );
    }
  }
  let outer = 1,
    inner = 1;
  for (let i = 0; i < ax; i++) outer *= first.shape[i];
  for (let i = ax + 1; i < first.shape.length; i++) inner *= first.shape[i];
  const sizes = ts.map((t) => t.shape[ax]);
  const pieces = { outer, inner, sizes };
  const shape = [...first.shape];
  shape[ax] = sizes.reduce((p, s) => p + s, 0);
  return makeResult(join(ts, pieces), shape, concatRule, "concat", ts, { axis: ax }, pieces);
}

/** Joins same-shaped tensors along a new axis (torch.stack). */
export function stack(xs: readonly TensorLike[], axis = 0): Tensor {
  const ts = checkList("stack", xs);
  const first = ts[0];
  const ax = normalizeAxis("stack", axis, first.shape.length + 1, first.shape);
  for (const t of ts) {
    if (!sameShape(t.shape, first.shape)) {
      throw new Error(
        `stack: all tensors must have the same shape, found ${ts.map((u) => formatShape(u.shape)).join(", ")}`,
      );
    }
  }
  let outer = 1,
    inner = 1;
  for (let i = 0; i < ax; i++) outer *= first.shape[i];
  for (let i = ax; i < first.shape.length; i++) inner *= first.shape[i];
  const pieces = { outer, inner, sizes: ts.map(() => 1) };
  const shape = [...first.shape];
  shape.splice(ax, 0, ts.length);
  return makeResult(join(ts, pieces), shape, concatRule, "stack", ts, { axis: ax }, pieces);
}

// ── clone: a copy that stays in the graph ──────────────────────────────────────────────
const cloneRule: OpRule = {
  vjp: (_node, _i, g) => g,
  localGrad: (node) =>
    new Tensor(new Float64Array(node.output.data.length).fill(1), node.output.shape),
  jvp: (_node, [t]) => t,
};

/** A copy with its own storage; gradients flow through it (torch.clone). */
export function clone(x: TensorLike): Tensor {
  const a = toTensor(x, "clone");
  return makeResult(a.data.slice(), a.shape, cloneRule, "clone", [a], NO_ATTRS, undefined);
}
