// Element-wise unary ops. Each is one `defineUnary` call: the forward loop and the local
// derivative loop side by side. The vjp is gradOut · derivative, localGrad is the derivative,
// forward mode is tangent · derivative — all three from the same two loops.
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
import { OUTPUT } from "../saves.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";

/** The two loops that define an element-wise op. `p` is its number parameter (slope, exponent). */
export interface UnaryKernels {
  /** y[k] = f(x[k]) */
  forward(x: Float64Array, y: Float64Array, p: number): void;
  /** d[k] = f′(x[k]), given x and y = f(x) (whichever is cheaper). */
  derivative(x: Float64Array, y: Float64Array, d: Float64Array, p: number): void;
  /** Which of x and y `derivative` reads: backward refuses if that one changed in place. */
  reads: "x" | "y" | "none";
}

type Saved = { kernels: UnaryKernels; p: number };

function derivativeOf(node: OpRecord<Saved>): Float64Array {
  const x = node.inputs[0].data,
    y = node.output.data,
    d = allocate(y.length);
  node.saved.kernels.derivative(x, y, d, node.saved.p);
  return d;
}

// One rule object per `reads`, so each op notes the versions of just what its backward reads.
function unaryRule(reads: UnaryKernels["reads"]): OpRule<Saved> {
  return {
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

/**
 * Makes an element-wise op from its two loops. `param` names the number parameter recorded in
 * the node's attrs (e.g. "slope"), if the op has one.
 */
export function defineUnary(name: string, kernels: UnaryKernels, param?: string) {
  const rule = unaryRule(kernels.reads);
  const fixed: Saved = { kernels, p: 0 }; // shared by every call of an op without a parameter
  return (x: TensorLike, p = 0): Tensor => {
    const a = toTensor(x, name);
    if (param !== undefined) expectNumber(name, `the ${param}`, p, true);
    const y = allocate(a.data.length);
    kernels.forward(a.data, y, p);
    if (param === undefined) return makeResult(y, a.shape, rule, name, [a], NO_ATTRS, fixed);
    return makeResult(y, a.shape, rule, name, [a], { [param]: p }, { kernels, p });
  };
}

/** −x */
export const neg = defineUnary("neg", {
  reads: "none",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = -x[k];
  },
  derivative(_x, _y, d) {
    d.fill(-1);
  },
});

/** eˣ; derivative eˣ = y */
export const exp = defineUnary("exp", {
  reads: "y",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.exp(x[k]);
  },
  derivative(_x, y, d) {
    d.set(y);
  },
});

/** ln x; derivative 1/x */
export const log = defineUnary("log", {
  reads: "x",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.log(x[k]);
  },
  derivative(x, _y, d) {
    for (let k = 0; k < x.length; k++) d[k] = 1 / x[k];
  },
});

/** √x; derivative 1/(2√x) */
export const sqrt = defineUnary("sqrt", {
  reads: "y",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.sqrt(x[k]);
  },
  derivative(_x, y, d) {
    for (let k = 0; k < y.length; k++) d[k] = 0.5 / y[k];
  },
});

/** |x|; derivative sign(x), 0 at 0 as in PyTorch */
export const abs = defineUnary("abs", {
  reads: "x",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.abs(x[k]);
  },
  derivative(x, _y, d) {
    for (let k = 0; k < x.length; k++) d[k] = Math.sign(x[k]);
  },
});

/** tanh x; derivative 1 − tanh² x */
export const tanh = defineUnary("tanh", {
  reads: "y",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.tanh(x[k]);
  },
  derivative(_x, y, d) {
    for (let k = 0; k < y.length; k++) d[k] = 1 - y[k] * y[k];
  },
});

/** σ(x) = 1/(1 + e⁻ˣ); derivative σ(1 − σ). Written to avoid overflow for large |x|. */
export const sigmoid = defineUnary("sigmoid", {
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
});

/** max(0, x); derivative 1 for x > 0, else 0 (0 at 0, as PyTorch) */
export const relu = defineUnary("relu", {
  reads: "x",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.max(x[k], 0);
  },
  derivative(x, _y, d) {
    for (let k = 0; k < x.length; k++) d[k] = x[k] > 0 ? 1 : 0;
  },
});

const leakyReluOp = defineUnary(
  "leakyRelu",
  {
    reads: "x",
    forward(x, y, s) {
      for (let k = 0; k < x.length; k++) y[k] = x[k] > 0 ? x[k] : s * x[k];
    },
    derivative(x, _y, d, s) {
      for (let k = 0; k < x.length; k++) d[k] = x[k] > 0 ? 1 : s;
    },
  },
  "slope",
);

/** x for x > 0, slope·x otherwise (PyTorch's default slope 0.01). */
export function leakyRelu(x: TensorLike, slope = 0.01): Tensor {
  return leakyReluOp(x, slope);
}

const powOp = defineUnary(
  "pow",
  {
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
  },
  "exponent",
);

/** xᵖ for a number exponent (recorded as attrs `{ exponent: p }`). */
export function powScalar(x: TensorLike, exponent: number): Tensor {
  return powOp(x, exponent);
}
