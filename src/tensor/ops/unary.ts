// Element-wise unary ops. Each is one `defineUnary` call: the forward loop and the local
// derivative loop side by side. The vjp is gradOut · derivative, localGrad is the derivative,
// forward mode is tangent · derivative — all three from the same two loops.
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

/** The two loops that define an element-wise op. `p` is its number parameter (slope, exponent). */
export interface UnaryKernels {
  /** y[k] = f(x[k]) */
  forward(x: Float64Array, y: Float64Array, p: number): void;
  /** d[k] = f′(x[k]), given x and y = f(x) (whichever is cheaper). */
  derivative(x: Float64Array, y: Float64Array, d: Float64Array, p: number): void;
}

type Saved = { kernels: UnaryKernels; p: number };

function derivativeOf(node: OpNode<Saved>): Float64Array {
  const x = node.inputs[0].data,
    y = node.output.data,
    d = allocate(y.length);
  node.saved.kernels.derivative(x, y, d, node.saved.p);
  return d;
}

const unaryRule: OpRule<Saved> = {
  vjp(node, _i, g) {
    const d = derivativeOf(node),
      G = g.data;
    for (let k = 0; k < d.length; k++) d[k] *= G[k];
    return new Tensor(d, node.output.shape);
  },
  localGrad: (node) => new Tensor(derivativeOf(node), node.output.shape),
  jvp(node, [t]) {
    const d = derivativeOf(node),
      T = t.data;
    for (let k = 0; k < d.length; k++) d[k] *= T[k];
    return new Tensor(d, node.output.shape);
  },
};

/**
 * Makes an element-wise op from its two loops. `param` names the number parameter recorded in
 * the node's attrs (e.g. "slope"), if the op has one.
 */
export function defineUnary(name: string, kernels: UnaryKernels, param?: string) {
  const fixed: Saved = { kernels, p: 0 }; // shared by every call of an op without a parameter
  return (x: TensorLike, p = 0): Tensor => {
    const a = toTensor(x, name);
    const y = allocate(a.data.length);
    kernels.forward(a.data, y, p);
    if (param === undefined) return makeResult(y, a.shape, unaryRule, name, [a], NO_ATTRS, fixed);
    return makeResult(y, a.shape, unaryRule, name, [a], { [param]: p }, { kernels, p });
  };
}

/** −x */
export const neg = defineUnary("neg", {
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = -x[k];
  },
  derivative(_x, _y, d) {
    d.fill(-1);
  },
});

/** eˣ; derivative eˣ = y */
export const exp = defineUnary("exp", {
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.exp(x[k]);
  },
  derivative(_x, y, d) {
    d.set(y);
  },
});

/** ln x; derivative 1/x */
export const log = defineUnary("log", {
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.log(x[k]);
  },
  derivative(x, _y, d) {
    for (let k = 0; k < x.length; k++) d[k] = 1 / x[k];
  },
});

/** √x; derivative 1/(2√x) */
export const sqrt = defineUnary("sqrt", {
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.sqrt(x[k]);
  },
  derivative(_x, y, d) {
    for (let k = 0; k < y.length; k++) d[k] = 0.5 / y[k];
  },
});

/** |x|; derivative sign(x), 0 at 0 as in PyTorch */
export const abs = defineUnary("abs", {
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.abs(x[k]);
  },
  derivative(x, _y, d) {
    for (let k = 0; k < x.length; k++) d[k] = Math.sign(x[k]);
  },
});

/** tanh x; derivative 1 − tanh² x */
export const tanh = defineUnary("tanh", {
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.tanh(x[k]);
  },
  derivative(_x, y, d) {
    for (let k = 0; k < y.length; k++) d[k] = 1 - y[k] * y[k];
  },
});

/** σ(x) = 1/(1 + e⁻ˣ); derivative σ(1 − σ). Written to avoid overflow for large |x|. */
export const sigmoid = defineUnary("sigmoid", {
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
