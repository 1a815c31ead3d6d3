// Element-wise unary ops. Each is one `defineUnary` call: the forward loop and the local
// derivative loop side by side. The vjp is gradOut · derivative, localGrad is the derivative,
// forward mode is tangent · derivative — all three from the same two loops. The same call
// holds how the equations write the op and what a reader sees it called (op-definition.ts).
import { expectNumber } from "../arguments.ts";
import {
  makeResult,
  NO_ATTRS,
  type OpRecord,
  type OpRule,
  soleTangent,
  type TensorLike,
  toTensor,
} from "../op.ts";
import {
  type Notation,
  numberAttr,
  type OpAttrs,
  type OpDefinition,
  replayInput,
} from "../op-definition.ts";
import { OUTPUT } from "../saves.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";
import { add, div, mul, sub } from "./binary.ts";

/**
 * The two loops that define an element-wise op. `p` and `q` are its number parameters (a
 * slope, an exponent; softplus's β and threshold), 0 for an op without them.
 */
export interface UnaryKernels {
  /** y[k] = f(x[k]) */
  forward(x: Float64Array, y: Float64Array, p: number, q: number): void;
  /** d[k] = f′(x[k]), given x and y = f(x) (whichever is cheaper). */
  derivative(x: Float64Array, y: Float64Array, d: Float64Array, p: number, q: number): void;
  /** Which of x and y `derivative` reads: backward refuses if that one changed in place. */
  reads: "x" | "y" | "none";
  /**
   * f′ built from recorded ops on x and y, for createGraph (second derivatives). An op with
   * neither this nor `piecewiseLinear` refuses createGraph by name rather than answer wrongly.
   */
  gradGraph?(x: Tensor, y: Tensor, p: number, q: number): Tensor;
  /**
   * f′ is piecewise constant (neg, abs, relu): createGraph uses the derivative's numbers as a
   * constant, which is exact — f″ is 0 wherever it exists.
   */
  piecewiseLinear?: boolean;
}

/** An element-wise op in full: its name, its two loops, its TeX and its words. */
export interface UnarySpec extends UnaryKernels {
  name: string;
  /** The number parameter recorded in the node's attrs (e.g. "slope"), if the op has one. */
  param?: string;
  /** A second number parameter (softplus's "threshold"), recorded beside the first. */
  param2?: string;
  /** How the equations write f(x) and f′(x); `out` is the output's symbol or value. */
  tex: {
    forward(x: string, attrs: OpAttrs, n: Notation): string;
    local(x: string, out: string, attrs: OpAttrs, n: Notation): string;
  };
  words: OpDefinition["words"];
  /** A layer's non-linearity (see OpDefinition.activation). */
  activation?: boolean;
}

/** A defined element-wise op: the function users call and its definition for the registry. */
export interface UnaryOp {
  readonly op: (x: TensorLike, p?: number, q?: number) => Tensor;
  readonly definition: OpDefinition;
}

type Saved = { kernels: UnaryKernels; p: number; q: number };

function derivativeOf(node: OpRecord<Saved>): Float64Array {
  const x = node.inputs[0].data,
    y = node.output.data,
    d = allocate(y.length);
  node.saved.kernels.derivative(x, y, d, node.saved.p, node.saved.q);
  return d;
}

// One rule object per `reads`, so each op notes the versions of just what its backward reads.
function unaryRule(kernels: UnaryKernels): OpRule<Saved> {
  const { reads, gradGraph, piecewiseLinear } = kernels;
  const vjpGraph: OpRule<Saved>["vjpGraph"] = gradGraph
    ? (node, _i, g) => mul(g, gradGraph(node.inputs[0], node.output, node.saved.p, node.saved.q))
    : piecewiseLinear
      ? (node, _i, g) => mul(g, new Tensor(derivativeOf(node), node.output.shape))
      : undefined;
  return {
    vjpGraph,
    saves: reads === "x" ? [0] : reads === "y" ? [OUTPUT] : [],
    vjp(node, _i, g) {
      const d = derivativeOf(node),
        G = g.data;
      for (let k = 0; k < d.length; k++) d[k] *= G[k];
      return new Tensor(d, node.output.shape);
    },
    // ẏ = f′(x) · ẋ
    jvp(node, tangents) {
      const d = derivativeOf(node),
        T = soleTangent(tangents).data;
      for (let k = 0; k < d.length; k++) d[k] *= T[k];
      return new Tensor(d, node.output.shape);
    },
    localGrad: (node) => new Tensor(derivativeOf(node), node.output.shape),
  };
}

/** Makes an element-wise op from its spec: the function to call and its registry definition. */
export function defineUnary(spec: UnarySpec): UnaryOp {
  const { name, param, param2 } = spec;
  const kernels: UnaryKernels = spec;
  const rule = unaryRule(kernels);
  const fixed: Saved = { kernels, p: 0, q: 0 }; // shared by every call of an op without a parameter
  const op = (x: TensorLike, p = 0, q = 0): Tensor => {
    const a = toTensor(x, name);
    if (param !== undefined) expectNumber(name, `the ${param}`, p, true);
    if (param2 !== undefined) expectNumber(name, `the ${param2}`, q, true);
    const y = allocate(a.data.length);
    kernels.forward(a.data, y, p, q);
    if (param === undefined) return makeResult(y, a.shape, rule, name, [a], NO_ATTRS, fixed);
    const attrs = param2 === undefined ? { [param]: p } : { [param]: p, [param2]: q };
    return makeResult(y, a.shape, rule, name, [a], attrs, { kernels, p, q });
  };
  const { tex } = spec;
  const definition: OpDefinition = {
    name,
    forward: op,
    rules: [rule],
    replay: (xs, attrs) =>
      op(
        replayInput(xs, 0),
        param ? numberAttr(attrs, param) : undefined,
        param2 ? numberAttr(attrs, param2) : undefined,
      ),
    tex: {
      forward: (a, attrs, n) => tex.forward(a[0] ?? "", attrs, n),
      local: (_i, a, out, attrs, n) => tex.local(a[0] ?? "", out, attrs, n),
    },
    words: spec.words,
    elementwise: true,
    activation: spec.activation === true,
  };
  return { op, definition };
}

/** −x */
export const NEG_OP = defineUnary({
  name: "neg",
  piecewiseLinear: true,
  reads: "none",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = -x[k];
  },
  derivative(_x, _y, d) {
    d.fill(-1);
  },
  tex: {
    forward: (x) => `-${x}`,
    local: () => "-1",
  },
  words: ["negate", "negation"],
});
export const neg = NEG_OP.op;

/** eˣ; derivative eˣ = y */
export const EXP_OP = defineUnary({
  name: "exp",
  gradGraph: (_x, y) => y,
  reads: "y",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.exp(x[k]);
  },
  derivative(_x, y, d) {
    d.set(y);
  },
  tex: {
    forward: (x, _at, n) => `e^{${n.unwrap(x)}}`,
    local: (_x, out) => out,
  },
  words: ["exp", "exponential"],
});
export const exp = EXP_OP.op;

/** ln x; derivative 1/x */
export const LOG_OP = defineUnary({
  name: "log",
  gradGraph: (x) => div(1, x),
  reads: "x",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.log(x[k]);
  },
  derivative(x, _y, d) {
    for (let k = 0; k < x.length; k++) d[k] = 1 / x[k];
  },
  tex: {
    forward: (x) => `\\ln ${x}`,
    local: (x, _out, _at, n) => `\\frac{1}{${n.unwrap(x)}}`,
  },
  words: ["log", "natural log"],
});
export const log = LOG_OP.op;

/** √x; derivative 1/(2√x) */
export const SQRT_OP = defineUnary({
  name: "sqrt",
  gradGraph: (_x, y) => div(0.5, y),
  reads: "y",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.sqrt(x[k]);
  },
  derivative(_x, y, d) {
    for (let k = 0; k < y.length; k++) d[k] = 0.5 / y[k];
  },
  tex: {
    forward: (x, _at, n) => `\\sqrt{${n.unwrap(x)}}`,
    local: (_x, out) => `\\frac{1}{2 ${out}}`,
  },
  words: ["square root", "square root"],
});
export const sqrt = SQRT_OP.op;

/** |x|; derivative sign(x), 0 at 0 as in PyTorch */
export const ABS_OP = defineUnary({
  name: "abs",
  piecewiseLinear: true,
  reads: "x",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.abs(x[k]);
  },
  derivative(x, _y, d) {
    for (let k = 0; k < x.length; k++) d[k] = Math.sign(x[k]);
  },
  tex: {
    forward: (x, _at, n) => `\\lvert ${n.unwrap(x)} \\rvert`,
    local: (x, _out, _at, n) => `\\operatorname{sign}(${n.unwrap(x)})`,
  },
  words: ["|·|", "absolute value"],
});
export const abs = ABS_OP.op;

/** tanh x; derivative 1 − tanh² x */
export const TANH_OP = defineUnary({
  name: "tanh",
  gradGraph: (_x, y) => sub(1, mul(y, y)),
  reads: "y",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.tanh(x[k]);
  },
  derivative(_x, y, d) {
    for (let k = 0; k < y.length; k++) d[k] = 1 - y[k] * y[k];
  },
  tex: {
    forward: (x) => `\\tanh ${x}`,
    local: (_x, out, _at, n) => `1 - ${n.raise(out, "2")}`,
  },
  words: ["tanh", "tanh"],
  activation: true,
});
export const tanh = TANH_OP.op;

/** σ(x) = 1/(1 + e⁻ˣ); derivative σ(1 − σ). Written to avoid overflow for large |x|. */
export const SIGMOID_OP = defineUnary({
  name: "sigmoid",
  gradGraph: (_x, y) => mul(y, sub(1, y)),
  reads: "y",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) {
      const v = x[k];
      if (v >= 0) y[k] = 1 / (1 + Math.exp(-v));
      else {
        const e = Math.exp(v);
        y[k] = e / (1 + e);
      }
    }
  },
  derivative(_x, y, d) {
    for (let k = 0; k < y.length; k++) d[k] = y[k] * (1 - y[k]);
  },
  tex: {
    forward: (x, _at, n) => `\\sigma(${n.unwrap(x)})`,
    local: (_x, out) => `${out}(1 - ${out})`,
  },
  words: ["sigmoid", "sigmoid"],
  activation: true,
});
export const sigmoid = SIGMOID_OP.op;

/** max(0, x); derivative 1 for x > 0, else 0 (0 at 0, as PyTorch) */
export const RELU_OP = defineUnary({
  name: "relu",
  piecewiseLinear: true,
  reads: "x",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.max(x[k], 0);
  },
  derivative(x, _y, d) {
    for (let k = 0; k < x.length; k++) d[k] = x[k] > 0 ? 1 : 0;
  },
  tex: {
    forward: (x, _at, n) => `\\operatorname{ReLU}(${n.unwrap(x)})`,
    local: (x, _out, _at, n) => `\\mathbb{1}[${n.unwrap(x)} > 0]`,
  },
  words: ["ReLU", "ReLU"],
  activation: true,
});
export const relu = RELU_OP.op;

export const LEAKY_RELU_OP = defineUnary({
  name: "leakyRelu",
  piecewiseLinear: true,
  param: "slope",
  reads: "x",
  forward(x, y, s) {
    for (let k = 0; k < x.length; k++) y[k] = x[k] > 0 ? x[k] : s * x[k];
  },
  derivative(x, _y, d, s) {
    for (let k = 0; k < x.length; k++) d[k] = x[k] > 0 ? 1 : s;
  },
  tex: {
    forward: (x, at, n) => `\\operatorname{LReLU}_{${n.texNumber(slopeOf(at))}}(${n.unwrap(x)})`,
    local: (x, _out, at, n) => `(${n.unwrap(x)} > 0 \\;?\\; 1 : ${n.texNumber(slopeOf(at))})`,
  },
  words: ["leaky ReLU", "leaky ReLU"],
  activation: true,
});

function slopeOf(attrs: OpAttrs): number {
  return numberAttr(attrs, "slope") ?? 0.01;
}

/** x for x > 0, slope·x otherwise (PyTorch's default slope 0.01). */
export function leakyRelu(x: TensorLike, slope = 0.01): Tensor {
  return LEAKY_RELU_OP.op(x, slope);
}

// The number-exponent form of `pow`; its definition (TeX, words, both rules) is in pow.ts.
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
  tex: { forward: () => "", local: () => "" }, // written by POW in pow.ts
  words: ["power", "power"],
});

/** xᵖ for a number exponent (recorded as attrs `{ exponent: p }`). */
export function powScalar(x: TensorLike, exponent: number): Tensor {
  return POW_SCALAR_OP.op(x, exponent);
}
