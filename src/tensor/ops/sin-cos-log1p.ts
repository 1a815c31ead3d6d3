// More element-wise ops, each one `defineUnary` call (see define-unary.ts): sin, cos and log1p.
import { add, div } from "./binary.ts";
import { defineUnary } from "./define-unary.ts";
import { neg } from "./unary.ts";

/** sin x; derivative cos x */
export const SIN_OP = defineUnary({
  name: "sin",
  gradGraph: (x) => cos(x),
  reads: "x",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.sin(x[k]);
  },
  derivative(x, _y, d) {
    for (let k = 0; k < x.length; k++) d[k] = Math.cos(x[k]);
  },
  tex: {
    forward: (x) => `\\sin ${x}`,
    local: (x) => `\\cos ${x}`,
  },
  words: ["sin", "sine"],
});
export const sin = SIN_OP.op;

/** cos x; derivative −sin x */
export const COS_OP = defineUnary({
  name: "cos",
  gradGraph: (x) => neg(sin(x)),
  reads: "x",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.cos(x[k]);
  },
  derivative(x, _y, d) {
    for (let k = 0; k < x.length; k++) d[k] = -Math.sin(x[k]);
  },
  tex: {
    forward: (x) => `\\cos ${x}`,
    local: (x) => `-\\sin ${x}`,
  },
  words: ["cos", "cosine"],
});
export const cos = COS_OP.op;

/** ln(1 + x), accurate for tiny x (where 1 + x would round to 1); derivative 1/(1 + x) */
export const LOG1P_OP = defineUnary({
  name: "log1p",
  gradGraph: (x) => div(1, add(x, 1)),
  reads: "x",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = Math.log1p(x[k]);
  },
  derivative(x, _y, d) {
    for (let k = 0; k < x.length; k++) d[k] = 1 / (1 + x[k]);
  },
  tex: {
    forward: (x, _at, n) => `\\ln(1 + ${n.unwrap(x)})`,
    local: (x, _out, _at, n) => `\\frac{1}{1 + ${n.unwrap(x)}}`,
  },
  words: ["log1p", "log of one plus"],
});
export const log1p = LOG1P_OP.op;
