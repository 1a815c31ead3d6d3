// `pow` takes a number exponent (the common x², recorded as one input with attrs
// `{ exponent: 2 }`) or a tensor exponent (two inputs, broadcasting). Both record "pow", so
// its one definition holds both rules and writes both forms.
import { makeResult, NO_ATTRS, type OpRule, type TensorLike, toTensor } from "../op.ts";
import { type Notation, type OpAttrs, type OpDefinition, replayInput } from "../op-definition.ts";
import { OUTPUT } from "../saves.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";
import { add, mul, type Node, sub, sumTerms } from "./binary.ts";
import { broadcastData, planBinary, sumToShape } from "./broadcast.ts";
import { defineUnary } from "./define-unary.ts";
import { sumToShapeGraph } from "./sum-to-shape-graph.ts";
import { log } from "./unary.ts";

// ── number exponent: out = xᵖ, one element-wise op (define-unary.ts); TeX and words are POW's
export const POW_SCALAR_OP = defineUnary({
  name: "pow",
  gradGraph: (x, _y, p) =>
    p === 0 ? mul(x, 0) : p === 1 ? add(mul(x, 0), 1) : mul(POW_SCALAR_OP.op(x, p - 1), p),
  param: "exponent",
  reads: "x",
  forward(x, y, p) {
    if (p === 2) for (let k = 0; k < x.length; k++) y[k] = x[k] * x[k];
    else for (let k = 0; k < x.length; k++) y[k] = x[k] ** p;
  },
  // d/dx xᵖ = p·xᵖ⁻¹ (p = 0 gives 0 everywhere, also at x = 0)
  derivative(x, _y, d, p) {
    if (p === 0) d.fill(0);
    else if (p === 2) for (let k = 0; k < x.length; k++) d[k] = 2 * x[k];
    else for (let k = 0; k < x.length; k++) d[k] = p * x[k] ** (p - 1);
  },
  tex: { forward: () => "", local: () => "" }, // written by POW below
  words: ["power", "power"],
});

/** xᵖ for a number exponent (recorded as attrs `{ exponent: p }`). */
export function powScalar(x: TensorLike, exponent: number): Tensor {
  return POW_SCALAR_OP.op(x, exponent);
}

// ── powTensor: out = a^b; ∂out/∂a = b·a^(b−1), ∂out/∂b = out·ln a ──────────────────────
export const powTensorRule: OpRule = {
  saves: [0, 1, OUTPUT],
  vjpGraph: (node, i, g) => {
    const [a, b] = node.inputs as [Tensor, Tensor];
    const keep = constantMask(node, i); // 0 where PyTorch masks the derivative (see powLocal)
    const local = i === 0 ? mul(b, powTensor(a, sub(b, 1))) : mul(node.output, log(a));
    return sumToShapeGraph(mul(g, mul(local, keep)), node.inputs[i].shape);
  },
  vjp: (node, i, g) => sumToShape(mul(g, powLocal(node, i)), node.inputs[i].shape),
  jvp: (node, [ta, tb]) =>
    sumTerms(node, ta && mul(ta, powLocal(node, 0)), tb && mul(tb, powLocal(node, 1))),
  localGrad: (node, i) => powLocal(node, i),
};

function powLocal(node: Node, i: number): Tensor {
  const [a, b] = node.inputs as [Tensor, Tensor];
  const shape = node.output.shape;
  const A = broadcastData(a, shape),
    B = broadcastData(b, shape),
    Y = node.output.data;
  const d = allocate(Y.length);
  // PyTorch's masks: ∂/∂a is 0 where b = 0 (also at 0⁰, not 0·0⁻¹ = NaN); ∂/∂b is 0 where
  // a = 0 and b ≥ 0 (0^b is constant there: no 0·ln 0 = NaN, no 1·ln 0 = −∞ at 0⁰), and where
  // out is 0 (an underflowed a^b).
  if (i === 0) for (let k = 0; k < d.length; k++) d[k] = B[k] === 0 ? 0 : B[k] * A[k] ** (B[k] - 1);
  else
    for (let k = 0; k < d.length; k++)
      d[k] = Y[k] === 0 || (A[k] === 0 && B[k] >= 0) ? 0 : Y[k] * Math.log(A[k]);
  return new Tensor(d, shape);
}

/** a^b element-wise where the exponent is a tensor (for a number exponent see `pow`). */
export function powTensor(x: TensorLike, y: TensorLike): Tensor {
  const a = toTensor(x, "pow");
  const b = toTensor(y, "pow", "the exponent");
  const p = planBinary("pow", a, b);
  const n = p.size;
  const A = broadcastData(a, p.shape),
    B = broadcastData(b, p.shape),
    out = allocate(n);
  for (let k = 0; k < n; k++) out[k] = A[k] ** B[k];
  return makeResult(out, p.shape, powTensorRule, "pow", [a, b], NO_ATTRS, undefined);
}

/** 1 where powLocal's derivative is kept, 0 where PyTorch masks it (a constant). */
function constantMask(node: Node, i: number): Tensor {
  const [a, b] = node.inputs as [Tensor, Tensor];
  const A = broadcastData(a, node.output.shape),
    B = broadcastData(b, node.output.shape),
    Y = node.output.data;
  const keep = allocate(Y.length);
  for (let k = 0; k < keep.length; k++)
    keep[k] = i === 0 ? (B[k] === 0 ? 0 : 1) : Y[k] === 0 || (A[k] === 0 && B[k] >= 0) ? 0 : 1;
  return new Tensor(keep, node.output.shape);
}

/** xᵉ element-wise; `e` a number or a tensor (broadcast against x). */
export function pow(x: TensorLike, e: TensorLike): Tensor {
  return typeof e === "number" ? powScalar(x, e) : powTensor(x, e);
}

function exponentOf(attrs: OpAttrs): number | undefined {
  for (const key of ["exponent", "p", "power"]) {
    const v = attrs[key];
    if (typeof v === "number") return v;
  }
  return undefined;
}

/** p x^{p−1} for a constant exponent, with the coefficient as a lecturer writes it. */
function powerLocal(x: string, p: number | undefined, n: Notation): string {
  if (p === undefined) return `p\\, ${n.raise(x, "p - 1")}`;
  if (p === 2) return `2 ${x}`;
  if (p === 1) return "1";
  const rest = n.raise(x, n.texNumber(p - 1));
  if (p === -1) return `-${rest}`;
  return `${n.texNumber(p)}\\, ${rest}`;
}

export const POW: OpDefinition = {
  name: "pow",
  forward: pow,
  rules: [...POW_SCALAR_OP.definition.rules, powTensorRule],
  replay: (xs, attrs) =>
    xs.length === 2
      ? powTensor(replayInput(xs, 0), replayInput(xs, 1))
      : powScalar(replayInput(xs, 0), exponentOf(attrs) ?? 1),
  tex: {
    forward: (a, attrs, n) => {
      const p = exponentOf(attrs);
      return n.raise(a[0] ?? "", a[1] ? n.unwrap(a[1]) : p === undefined ? "p" : n.texNumber(p));
    },
    local: (i, a, out, attrs, n) => {
      if (i === 1) return `${out} \\ln ${a[0]}`;
      if (a.length > 1) return `${a[1]}\\, ${n.raise(a[0] ?? "", `${n.unwrap(a[1] ?? "")} - 1`)}`;
      return powerLocal(a[0] ?? "", exponentOf(attrs), n);
    },
  },
  // By its exponent: 2 → square, 3 → cube, ½ → square root, −1 → reciprocal.
  words: (attrs, n) => {
    const p = attrs.exponent;
    if (typeof p !== "number") return ["power", "power"];
    if (p === 2) return ["square", "square"];
    if (p === 3) return ["cube", "cube"];
    if (p === 0.5) return ["square root", "square root"];
    if (p === -1) return ["1/x", "reciprocal"];
    return [`power ${n.formatNumber(p)}`, `power ${n.formatNumber(p)}`];
  },
  elementwise: true,
};
