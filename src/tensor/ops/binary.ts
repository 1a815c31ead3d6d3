// Element-wise arithmetic with NumPy broadcasting: add, sub, mul, div (pow with a tensor
// exponent is in pow.ts).
// Each op: forward loops over raw Float64Arrays (one loop per broadcasting case, so the hot
// cases — equal shapes, a scalar, a bias row — run without index arithmetic), then its rule.
import {
  makeResult,
  NO_ATTRS,
  type OpRecord,
  type OpRule,
  type TensorLike,
  toTensor,
} from "../op.ts";
import { type OpDefinition, replayInput } from "../op-definition.ts";
import { OUTPUT } from "../saves.ts";
import { sameShape } from "../shape.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";
import { A_REPEATS, B_REPEATS, broadcastData, planBinary, SAME, sumToShape } from "./broadcast.ts";
import { sumToShapeGraph } from "./sum-to-shape-graph.ts";
/** A binary op's node (no saved values beyond its inputs and output). */
export type Node = OpRecord<undefined>;

function ones(node: Node): Tensor {
  return new Tensor(new Float64Array(node.output.data.length).fill(1), node.output.shape);
}

/** inputs[j] broadcast to the output's shape, as a plain tensor. */
function spread(node: Node, j: number): Tensor {
  return new Tensor(broadcastData(node.inputs[j], node.output.shape), node.output.shape);
}

/**
 * Forward mode of a binary op: the sum of the terms of the inputs that move (null for one
 * that does not), broadcast to the output's shape.
 */
export function sumTerms(node: Node, x: Tensor | null, y: Tensor | null): Tensor {
  const shape = node.output.shape;
  const t = x && y ? add(x, y) : (x ?? y);
  if (t === null) return new Tensor(new Float64Array(node.output.data.length), shape);
  return sameShape(t.shape, shape) ? t : new Tensor(broadcastData(t, shape), shape);
}

// ── add: out = a + b; ∂out/∂a = ∂out/∂b = 1 ────────────────────────────────────────────
const addRule: OpRule = {
  saves: [],
  vjpGraph: (node, i, g) => sumToShapeGraph(g, node.inputs[i].shape),
  vjp: (node, i, g) => sumToShape(g, node.inputs[i].shape),
  jvp: (node, [ta, tb]) => sumTerms(node, ta, tb),
  localGrad: (node) => ones(node),
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

export const ADD: OpDefinition = {
  name: "add",
  forward: add,
  rules: [addRule],
  replay: (xs) => add(replayInput(xs, 0), replayInput(xs, 1)),
  tex: { forward: (a, _at, n) => `${n.unwrap(a[0] ?? "")} + ${a[1]}`, local: () => "1" },
  words: ["+", "sum"],
  elementwise: true,
};

// ── sub: out = a − b; ∂out/∂a = 1, ∂out/∂b = −1 ─────────────────────────────────────────
const subRule: OpRule = {
  saves: [],
  vjpGraph: (node, i, g) => sumToShapeGraph(i === 0 ? g : scaleGraph(g, -1), node.inputs[i].shape),
  vjp: (node, i, g) => {
    const s = sumToShape(g, node.inputs[i].shape);
    return i === 0 ? s : scale(s, -1);
  },
  jvp: (node, [ta, tb]) => sumTerms(node, ta, tb && scale(tb, -1)),
  localGrad: (node, i) => (i === 0 ? ones(node) : scale(ones(node), -1)),
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

export const SUB: OpDefinition = {
  name: "sub",
  forward: sub,
  rules: [subRule],
  replay: (xs) => sub(replayInput(xs, 0), replayInput(xs, 1)),
  tex: {
    forward: (a, _at, n) => `${n.unwrap(a[0] ?? "")} - ${a[1]}`,
    local: (i) => (i === 0 ? "1" : "-1"),
  },
  words: ["−", "difference"],
  elementwise: true,
};

// ── mul: out = a · b; ∂out/∂a = b, ∂out/∂b = a ──────────────────────────────────────────
const mulRule: OpRule = {
  saves: [0, 1],
  vjpGraph: (node, i, g) => sumToShapeGraph(mul(g, node.inputs[1 - i]), node.inputs[i].shape),
  vjp: (node, i, g) => sumToShape(mul(g, node.inputs[1 - i]), node.inputs[i].shape),
  // d(a·b) = da·b + a·db
  jvp: (node, [ta, tb]) =>
    sumTerms(node, ta && mul(ta, node.inputs[1]), tb && mul(node.inputs[0], tb)),
  localGrad: (node, i) => spread(node, 1 - i),
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

export const MUL: OpDefinition = {
  name: "mul",
  forward: mul,
  rules: [mulRule],
  replay: (xs) => mul(replayInput(xs, 0), replayInput(xs, 1)),
  tex: { forward: (a) => `${a[0]} \\cdot ${a[1]}`, local: (i, a) => a[1 - i] ?? "" },
  words: ["×", "product"],
  elementwise: true,
};

// ── div: out = a / b; ∂out/∂a = 1/b, ∂out/∂b = −a/b² = −out/b ──────────────────────────
const divRule: OpRule = {
  saves: [1, OUTPUT],
  vjpGraph: (node, i, g) => {
    const [a, b] = node.inputs as [Tensor, Tensor];
    if (i === 0) return sumToShapeGraph(div(g, b), a.shape);
    return sumToShapeGraph(scaleGraph(div(mul(g, node.output), b), -1), b.shape);
  },
  vjp: (node, i, g) => {
    const [a, b] = node.inputs as [Tensor, Tensor];
    if (i === 0) return sumToShape(div(g, b), a.shape);
    return sumToShape(scale(div(mul(g, node.output), b), -1), b.shape);
  },
  // d(a/b) = da/b − out·db/b
  jvp: (node, [ta, tb]) => {
    const b = node.inputs[1];
    return sumTerms(node, ta && div(ta, b), tb && scale(div(mul(tb, node.output), b), -1));
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

export const DIV: OpDefinition = {
  name: "div",
  forward: div,
  rules: [divRule],
  replay: (xs) => div(replayInput(xs, 0), replayInput(xs, 1)),
  tex: {
    forward: (a, _at, n) => `\\frac{${n.unwrap(a[0] ?? "")}}{${n.unwrap(a[1] ?? "")}}`,
    local: (i, a, _out, _at, n) =>
      i === 0
        ? `\\frac{1}{${n.unwrap(a[1] ?? "")}}`
        : `-\\frac{${n.unwrap(a[0] ?? "")}}{${n.raise(a[1] ?? "", "2")}}`,
  },
  words: ["÷", "quotient"],
  elementwise: true,
};

/** g · s, recorded (createGraph's backward helpers). */
function scaleGraph(g: Tensor, s: number): Tensor {
  return mul(g, s);
}

/** Multiplies by a number without recording (backward helpers only). */
export function scale(t: Tensor, s: number): Tensor {
  const T = t.data,
    out = allocate(T.length);
  for (let k = 0; k < T.length; k++) out[k] = T[k] * s;
  return new Tensor(out, t.shape);
}
