// Element-wise binary ops with NumPy broadcasting: add, sub, mul, div, pow (tensor exponent).
// Each op: forward loops over raw Float64Arrays (one loop per broadcasting case, so the hot
// cases — equal shapes, a scalar, a bias row — run without index arithmetic), then its rule.
import {
  makeResult,
  NO_ATTRS,
  type OpNode,
  type OpRule,
  type TensorLike,
  toTensor,
} from "../op.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";
import { A_REPEATS, B_REPEATS, broadcastData, planBinary, SAME, sumToShape } from "./broadcast.ts";

type Node = OpNode<undefined>;

function ones(node: Node): Tensor {
  return new Tensor(new Float64Array(node.output.data.length).fill(1), node.output.shape);
}

/** inputs[j] broadcast to the output's shape, as a plain tensor. */
function spread(node: Node, j: number): Tensor {
  return new Tensor(broadcastData(node.inputs[j], node.output.shape), node.output.shape);
}

// ── add: out = a + b; ∂out/∂a = ∂out/∂b = 1 ────────────────────────────────────────────
const addRule: OpRule = {
  vjp: (node, i, g) => sumToShape(g, node.inputs[i].shape),
  localGrad: (node) => ones(node),
  jvp: (_node, [ta, tb]) => add(ta, tb),
};

/** a + b with broadcasting. */
export function add(x: TensorLike, y: TensorLike): Tensor {
  const a = toTensor(x, "add");
  const b = toTensor(y, "add");
  const p = planBinary("add", a, b);
  const A = a.data,
    B = b.data,
    n = p.size,
    out = allocate(n);
  if (p.mode === SAME) for (let k = 0; k < n; k++) out[k] = A[k] + B[k];
  else if (p.mode === B_REPEATS)
    for (let k = 0, j = 0, m = p.block; k < n; k++) {
      out[k] = A[k] + B[j];
      if (++j === m) j = 0;
    }
  else if (p.mode === A_REPEATS)
    for (let k = 0, j = 0, m = p.block; k < n; k++) {
      out[k] = A[j] + B[k];
      if (++j === m) j = 0;
    }
  else {
    const ai = p.ai,
      bi = p.bi;
    for (let k = 0; k < n; k++) out[k] = A[ai[k]] + B[bi[k]];
  }
  return makeResult(out, p.shape, addRule, "add", [a, b], NO_ATTRS, undefined);
}

// ── sub: out = a − b; ∂out/∂a = 1, ∂out/∂b = −1 ─────────────────────────────────────────
const subRule: OpRule = {
  vjp: (node, i, g) => {
    const s = sumToShape(g, node.inputs[i].shape);
    return i === 0 ? s : scale(s, -1);
  },
  localGrad: (node, i) => (i === 0 ? ones(node) : scale(ones(node), -1)),
  jvp: (_node, [ta, tb]) => sub(ta, tb),
};

/** a − b with broadcasting. */
export function sub(x: TensorLike, y: TensorLike): Tensor {
  const a = toTensor(x, "sub");
  const b = toTensor(y, "sub");
  const p = planBinary("sub", a, b);
  const A = a.data,
    B = b.data,
    n = p.size,
    out = allocate(n);
  if (p.mode === SAME) for (let k = 0; k < n; k++) out[k] = A[k] - B[k];
  else if (p.mode === B_REPEATS)
    for (let k = 0, j = 0, m = p.block; k < n; k++) {
      out[k] = A[k] - B[j];
      if (++j === m) j = 0;
    }
  else if (p.mode === A_REPEATS)
    for (let k = 0, j = 0, m = p.block; k < n; k++) {
      out[k] = A[j] - B[k];
      if (++j === m) j = 0;
    }
  else {
    const ai = p.ai,
      bi = p.bi;
    for (let k = 0; k < n; k++) out[k] = A[ai[k]] - B[bi[k]];
  }
  return makeResult(out, p.shape, subRule, "sub", [a, b], NO_ATTRS, undefined);
}

// ── mul: out = a · b; ∂out/∂a = b, ∂out/∂b = a ──────────────────────────────────────────
const mulRule: OpRule = {
  vjp: (node, i, g) => sumToShape(mul(g, node.inputs[1 - i]), node.inputs[i].shape),
  localGrad: (node, i) => spread(node, 1 - i),
  jvp: (node, [ta, tb]) => add(mul(ta, node.inputs[1]), mul(node.inputs[0], tb)),
};

/** a · b element-wise with broadcasting. */
export function mul(x: TensorLike, y: TensorLike): Tensor {
  const a = toTensor(x, "mul");
  const b = toTensor(y, "mul");
  const p = planBinary("mul", a, b);
  const A = a.data,
    B = b.data,
    n = p.size,
    out = allocate(n);
  if (p.mode === SAME) for (let k = 0; k < n; k++) out[k] = A[k] * B[k];
  else if (p.mode === B_REPEATS)
    for (let k = 0, j = 0, m = p.block; k < n; k++) {
      out[k] = A[k] * B[j];
      if (++j === m) j = 0;
    }
  else if (p.mode === A_REPEATS)
    for (let k = 0, j = 0, m = p.block; k < n; k++) {
      out[k] = A[j] * B[k];
      if (++j === m) j = 0;
    }
  else {
    const ai = p.ai,
      bi = p.bi;
    for (let k = 0; k < n; k++) out[k] = A[ai[k]] * B[bi[k]];
  }
  return makeResult(out, p.shape, mulRule, "mul", [a, b], NO_ATTRS, undefined);
}

// ── div: out = a / b; ∂out/∂a = 1/b, ∂out/∂b = −a/b² = −out/b ──────────────────────────
const divRule: OpRule = {
  vjp: (node, i, g) => {
    const [a, b] = node.inputs as [Tensor, Tensor];
    if (i === 0) return sumToShape(div(g, b), a.shape);
    return sumToShape(scale(div(mul(g, node.output), b), -1), b.shape);
  },
  localGrad: (node, i) => {
    const b = node.inputs[1];
    return i === 0 ? div(ones(node), b) : scale(div(node.output, b), -1);
  },
};

/** a / b element-wise with broadcasting. */
export function div(x: TensorLike, y: TensorLike): Tensor {
  const a = toTensor(x, "div");
  const b = toTensor(y, "div");
  const p = planBinary("div", a, b);
  const A = a.data,
    B = b.data,
    n = p.size,
    out = allocate(n);
  if (p.mode === SAME) for (let k = 0; k < n; k++) out[k] = A[k] / B[k];
  else if (p.mode === B_REPEATS)
    for (let k = 0, j = 0, m = p.block; k < n; k++) {
      out[k] = A[k] / B[j];
      if (++j === m) j = 0;
    }
  else if (p.mode === A_REPEATS)
    for (let k = 0, j = 0, m = p.block; k < n; k++) {
      out[k] = A[j] / B[k];
      if (++j === m) j = 0;
    }
  else {
    const ai = p.ai,
      bi = p.bi;
    for (let k = 0; k < n; k++) out[k] = A[ai[k]] / B[bi[k]];
  }
  return makeResult(out, p.shape, divRule, "div", [a, b], NO_ATTRS, undefined);
}

// ── powTensor: out = a^b; ∂out/∂a = b·a^(b−1), ∂out/∂b = out·ln a ──────────────────────
const powTensorRule: OpRule = {
  vjp: (node, i, g) => sumToShape(mul(g, powLocal(node, i)), node.inputs[i].shape),
  localGrad: (node, i) => powLocal(node, i),
};

function powLocal(node: Node, i: number): Tensor {
  const [a, b] = node.inputs as [Tensor, Tensor];
  const shape = node.output.shape;
  const A = broadcastData(a, shape),
    B = broadcastData(b, shape),
    Y = node.output.data;
  const d = allocate(Y.length);
  if (i === 0) for (let k = 0; k < d.length; k++) d[k] = B[k] * A[k] ** (B[k] - 1);
  // ∂/∂b is 0 where out is 0 (0^b), avoiding 0·ln 0 = NaN, as PyTorch does.
  else for (let k = 0; k < d.length; k++) d[k] = Y[k] === 0 ? 0 : Y[k] * Math.log(A[k]);
  return new Tensor(d, shape);
}

/** a^b element-wise where the exponent is a tensor (for a number exponent see `pow`). */
export function powTensor(x: TensorLike, y: TensorLike): Tensor {
  const a = toTensor(x, "pow");
  const b = toTensor(y, "pow");
  const p = planBinary("pow", a, b);
  const n = p.size;
  const A = broadcastData(a, p.shape),
    B = broadcastData(b, p.shape),
    out = allocate(n);
  for (let k = 0; k < n; k++) out[k] = A[k] ** B[k];
  return makeResult(out, p.shape, powTensorRule, "pow", [a, b], NO_ATTRS, undefined);
}

/** Multiplies by a number without recording (backward helpers only). */
export function scale(t: Tensor, s: number): Tensor {
  const T = t.data,
    out = allocate(T.length);
  for (let k = 0; k < T.length; k++) out[k] = T[k] * s;
  return new Tensor(out, t.shape);
}
