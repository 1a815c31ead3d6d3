// Element-wise ops are each one `defineUnary` call: the forward loop and the local derivative
// loop side by side. The vjp is gradOut · derivative, localGrad is the derivative, forward mode
// is tangent · derivative — all three from the same two loops. The same call holds how the
// equations write the op and what a reader sees it called (op-definition.ts). The ops
// themselves: unary.ts, activations.ts, sin-cos-log1p.ts, and pow.ts for a number exponent.
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
import { mul } from "./binary.ts";

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
