// Ops that move elements without changing them: reshape, transpose, clone. Their backward
// moves the gradient back the same way. Rows and slices are in narrow.ts, joins in concat.ts.

import { describeValue } from "../arguments.ts";
import { linearVjpGraph } from "../linear-adjoint.ts";
import {
  makeResult,
  NO_ATTRS,
  type OpRule,
  soleTangent,
  type TensorLike,
  toTensor,
} from "../op.ts";
import { numberAttr, type OpDefinition, operatorTex, replayInput } from "../op-definition.ts";
import { formatShape, normalizeAxis, sizeOf } from "../shape.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";

// ── reshape: same elements, new shape; shares the storage, as PyTorch's view ────────────
const reshapeRule: OpRule = {
  saves: [],
  vjpGraph: linearVjpGraph,
  vjp: (node, _i, g) => new Tensor(g.data, node.inputs[0].shape),
  jvp: (node, t) => new Tensor(soleTangent(t).data, node.output.shape),
};

/**
 * Same elements in a new shape; one size may be -1 (inferred). The result shares `x`'s
 * storage (and its version counter): writing into one in place changes the other.
 */
export function reshape(x: TensorLike, shape: readonly number[]): Tensor {
  const a = toTensor(x, "reshape");
  const size = a.data.length;
  if (!Array.isArray(shape) || shape.some((d) => typeof d !== "number" || !Number.isInteger(d))) {
    throw new Error(
      `reshape: expected the new shape as integers, e.g. reshape([2, -1]), found ${describeValue(shape)}${Array.isArray(shape) ? ` ${JSON.stringify(shape)}` : ""}`,
    );
  }
  const out = [...shape];
  const infer = out.indexOf(-1);
  if (infer >= 0 && out.indexOf(-1, infer + 1) >= 0) {
    throw new Error(
      `reshape: only one dimension can be -1 (inferred), found ${formatShape(shape)} for a tensor of shape ${formatShape(a.shape)}`,
    );
  }
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
  const view = makeResult(a.data, out, reshapeRule, "reshape", [a], { shape: out }, undefined);
  view._base = a._base; // a view: in-place writes through either count for both
  return view;
}

/** `x` with an axis of size 1 inserted at `axis` (torch.unsqueeze), a view. */
export function unsqueeze(x: TensorLike, axis: number): Tensor {
  const a = toTensor(x, "unsqueeze");
  const at = normalizeAxis("unsqueeze", axis, a.shape.length + 1, a.shape);
  const shape = [...a.shape];
  shape.splice(at, 0, 1);
  return reshape(a, shape);
}

/** `x` without its axes of size 1 — all of them, or the one given (torch.squeeze), a view. */
export function squeeze(x: TensorLike, axis?: number): Tensor {
  const a = toTensor(x, "squeeze");
  const at =
    axis === undefined ? undefined : normalizeAxis("squeeze", axis, a.shape.length, a.shape);
  return reshape(
    a,
    a.shape.filter((d, i) => d !== 1 || (at !== undefined && i !== at)),
  );
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
  saves: [],
  vjpGraph: linearVjpGraph,
  vjp: (node, _i, g) =>
    new Tensor(swapAxes(g.data, g.shape, node.saved.dim0, node.saved.dim1), node.inputs[0].shape),
  jvp: (node, tangents) => {
    const t = soleTangent(tangents);
    return new Tensor(
      swapAxes(t.data, t.shape, node.saved.dim0, node.saved.dim1),
      node.output.shape,
    );
  },
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
  const data = d0 === d1 ? copyOf(a.data) : swapAxes(a.data, a.shape, d0, d1);
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

// ── clone: a copy that stays in the graph ──────────────────────────────────────────────
const cloneRule: OpRule = {
  saves: [],
  vjpGraph: linearVjpGraph,
  vjp: (_node, _i, g) => g,
  jvp: (_node, t) => soleTangent(t),
  localGrad: (node) =>
    new Tensor(new Float64Array(node.output.data.length).fill(1), node.output.shape),
};

/** A copy with its own storage; gradients flow through it (torch.clone). */
export function clone(x: TensorLike): Tensor {
  const a = toTensor(x, "clone");
  return makeResult(copyOf(a.data), a.shape, cloneRule, "clone", [a], NO_ATTRS, undefined);
}

export const RESHAPE: OpDefinition = {
  name: "reshape",
  forward: reshape,
  rules: [reshapeRule],
  replay: (xs, at) => reshape(replayInput(xs, 0), (at.shape as number[] | undefined) ?? []),
  tex: {
    forward: (a, _at, n) => `\\operatorname{reshape}(${n.unwrap(a[0] ?? "")})`,
    local: () => null,
    term: (_i, up, _a, _out, _at, n) => `\\operatorname{reshape}(${n.unwrap(up)})`,
  },
  words: ["reshape", "reshape"],
  elementwise: false,
};

export const TRANSPOSE: OpDefinition = {
  name: "transpose",
  forward: transpose,
  rules: [transposeRule],
  replay: (xs, at) => transpose(replayInput(xs, 0), numberAttr(at, "dim0"), numberAttr(at, "dim1")),
  tex: {
    forward: (a, _at, n) => n.transposed(a[0] ?? ""),
    local: () => null,
    term: (_i, up, _a, _out, _at, n) => n.transposed(up),
  },
  words: ["transpose", "transpose"],
  elementwise: false,
};

export const CLONE: OpDefinition = {
  name: "clone",
  forward: clone,
  rules: [cloneRule],
  replay: (xs) => clone(replayInput(xs, 0)),
  tex: operatorTex("clone"),
  words: ["copy", "copy"],
  // A copy: the neuron view passes the entries through instead of splitting it.
  elementwise: false,
};

/** A copy of `X` in storage from `allocate`. */
function copyOf(X: Float64Array): Float64Array {
  const out = allocate(X.length);
  out.set(X);
  return out;
}

// The row and join ops used to live here; code that imports them from this file still works.
export { concat, stack } from "./concat.ts";
export { narrow, select } from "./narrow.ts";
