// The activations, the non-linearities a layer applies: tanh, σ, ReLU and leaky ReLU. Each is one
// `defineUnary` call (define-unary.ts) marked `activation: true`, so the graph view shows it as
// a layer's non-linearity.

import type { TensorLike } from "../op.ts";
import { numberAttr, type OpAttrs } from "../op-definition.ts";
import type { Tensor } from "../tensor.ts";
import { mul, sub } from "./binary.ts";
import { defineUnary } from "./define-unary.ts";

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
