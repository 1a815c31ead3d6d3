// Comparisons (gt, lt, ge, le, eq, ne) give 1 or 0 with broadcasting and carry no gradient, like
// PyTorch's boolean masks; `where` picks element-wise between two tensors and is
// differentiable in both; `clamp` limits values to [min, max].

import { expectNumber } from "../arguments.ts";
import { linearVjpGraph } from "../linear-adjoint.ts";
import {
  makeResult,
  NO_ATTRS,
  type OpRecord,
  type OpRule,
  soleTangent,
  type TensorLike,
  toTensor,
} from "../op.ts";
import { numberAttr, type OpDefinition, operatorTex, replayInput } from "../op-definition.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";
import { broadcastData, planBinary, sumToShape } from "./broadcast.ts";

function compare(
  op: string,
  x: TensorLike,
  y: TensorLike,
  test: (a: number, b: number) => boolean,
): Tensor {
  const a = toTensor(x, op);
  const b = toTensor(y, op);
  const p = planBinary(op, a, b);
  const shape = p.shape;
  const A = broadcastData(a, shape);
  const B = broadcastData(b, shape);
  const out = allocate(A.length);
  for (let k = 0; k < out.length; k++) out[k] = test(A[k], B[k]) ? 1 : 0;
  return new Tensor(out, shape);
}

/** 1 where a > b, else 0 (no gradient). */
export const gt = (a: TensorLike, b: TensorLike): Tensor => compare("gt", a, b, (u, v) => u > v);
/** 1 where a < b, else 0 (no gradient). */
export const lt = (a: TensorLike, b: TensorLike): Tensor => compare("lt", a, b, (u, v) => u < v);
/** 1 where a ≥ b, else 0 (no gradient). */
export const ge = (a: TensorLike, b: TensorLike): Tensor => compare("ge", a, b, (u, v) => u >= v);
/** 1 where a ≤ b, else 0 (no gradient). */
export const le = (a: TensorLike, b: TensorLike): Tensor => compare("le", a, b, (u, v) => u <= v);
/** 1 where a = b, else 0 (no gradient). */
export const eq = (a: TensorLike, b: TensorLike): Tensor => compare("eq", a, b, (u, v) => u === v);
/** 1 where a ≠ b (NaN ≠ everything, itself included), else 0 (no gradient). */
export const ne = (a: TensorLike, b: TensorLike): Tensor => compare("ne", a, b, (u, v) => u !== v);

// ── where(cond, a, b): a where cond ≠ 0, else b; ∂/∂a = cond, ∂/∂b = 1 − cond ────────────
/** `t` broadcast to `shape`, times the 0/1 `mask` (or 1 − mask). */
function masked(
  t: Tensor,
  shape: readonly number[],
  mask: Float64Array,
  keep: boolean,
): Float64Array {
  const T = broadcastData(t, shape);
  for (let k = 0; k < T.length; k++) T[k] *= keep ? mask[k] : 1 - mask[k];
  return T;
}

const whereRule: OpRule<Float64Array> = {
  saves: [],
  vjpGraph: linearVjpGraph,
  vjp(node, i, g) {
    const mask = node.saved; // cond broadcast to the output's shape, as 0/1
    const G = g.data;
    const out = allocate(G.length);
    for (let k = 0; k < G.length; k++) out[k] = (i === 1 ? mask[k] : 1 - mask[k]) * G[k];
    return sumToShape(new Tensor(out, g.shape), node.inputs[i].shape);
  },
  // d where(c, a, b) = where(c, da, db); the condition only selects
  jvp(node, [, ta, tb]) {
    const shape = node.output.shape;
    const out = allocate(node.output.data.length);
    if (ta) out.set(masked(ta, shape, node.saved, true));
    if (tb) {
      const B = masked(tb, shape, node.saved, false);
      for (let k = 0; k < out.length; k++) out[k] += B[k];
    }
    return new Tensor(out, shape);
  },
  localGrad(node, i) {
    const mask = node.saved;
    if (i === 0) return new Tensor(new Float64Array(mask.length), node.output.shape);
    return new Tensor(i === 1 ? mask.slice() : mask.map((m) => 1 - m), node.output.shape);
  },
};

/** Element-wise choice: `a` where `cond` is non-zero, `b` elsewhere (all three broadcast). */
export function where(cond: TensorLike, x: TensorLike, y: TensorLike): Tensor {
  const c = toTensor(cond, "where");
  const a = toTensor(x, "where");
  const b = toTensor(y, "where");
  const ab = planBinary("where", a, b).shape;
  const shape = planBinary(
    "where",
    c,
    new Tensor(new Float64Array(ab.reduce((p, d) => p * d, 1)), ab),
  ).shape;
  const C = broadcastData(c, shape);
  const A = broadcastData(a, shape);
  const B = broadcastData(b, shape);
  const mask = allocate(C.length);
  const out = allocate(C.length);
  for (let k = 0; k < out.length; k++) {
    mask[k] = C[k] !== 0 ? 1 : 0;
    out[k] = C[k] !== 0 ? A[k] : B[k];
  }
  return makeResult(out, shape, whereRule, "where", [c, a, b], NO_ATTRS, mask);
}

// ── clamp: min(max(x, lo), hi); ∂/∂x = 1 inside [lo, hi], 0 outside ──────────────────────
type Bounds = { min: number; max: number };

function inside(node: OpRecord<Bounds>): Float64Array {
  const X = node.inputs[0].data;
  const { min, max } = node.saved;
  const d = allocate(X.length);
  for (let k = 0; k < X.length; k++) d[k] = X[k] >= min && X[k] <= max ? 1 : 0;
  return d;
}

const clampRule: OpRule<Bounds> = {
  saves: [0],
  vjpGraph: linearVjpGraph,
  vjp(node, _i, g) {
    const d = inside(node);
    for (let k = 0; k < d.length; k++) d[k] *= g.data[k];
    return new Tensor(d, g.shape);
  },
  jvp(node, tangents) {
    const d = inside(node);
    const T = soleTangent(tangents).data;
    for (let k = 0; k < d.length; k++) d[k] *= T[k];
    return new Tensor(d, node.output.shape);
  },
  localGrad: (node) => new Tensor(inside(node), node.output.shape),
};

/** Limits every element to [min, max] (either bound may be omitted), as torch.clamp. */
export function clamp(x: TensorLike, min = -Infinity, max = Infinity): Tensor {
  const a = toTensor(x, "clamp");
  expectNumber("clamp", "min", min, true);
  expectNumber("clamp", "max", max, true);
  if (min > max) throw new Error(`clamp: min ${min} is larger than max ${max}`);
  const X = a.data;
  const out = allocate(X.length);
  for (let k = 0; k < X.length; k++) out[k] = Math.min(Math.max(X[k], min), max); // NaN stays NaN
  return makeResult(out, a.shape, clampRule, "clamp", [a], { min, max }, { min, max });
}

export const WHERE: OpDefinition = {
  name: "where",
  forward: where,
  rules: [whereRule],
  replay: (xs) => where(replayInput(xs, 0), replayInput(xs, 1), replayInput(xs, 2)),
  tex: operatorTex("where"),
  words: ["where", "choice by a mask"],
  elementwise: true,
};

export const CLAMP: OpDefinition = {
  name: "clamp",
  forward: clamp,
  rules: [clampRule],
  replay: (xs, at) => clamp(replayInput(xs, 0), numberAttr(at, "min"), numberAttr(at, "max")),
  tex: operatorTex("clamp"),
  words: ["clamp", "clamped value"],
  elementwise: true,
};
