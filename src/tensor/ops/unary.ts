// The elementary element-wise ops: −x, eˣ, ln x, √x and |x|, each one `defineUnary` call
// (define-unary.ts) with its forward loop and its local derivative loop side by side.
import { div } from "./binary.ts";
import { defineUnary } from "./define-unary.ts";

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
