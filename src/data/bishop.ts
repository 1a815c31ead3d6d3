// The four regression problems of Bishop's PRML figure 5.3: N points with x uniform on
// (−1, 1) and a noiseless target — x², sin(πx), |x| or the Heaviside step — fitted in the
// lecture by a 1-3-1 tanh network.
import { describeValue, rng as makeRng, type Rng, showValue, Tensor } from "../tensor/index.ts";

/** Which target function. */
export type BishopTarget = "x2" | "sin" | "abs" | "heaviside";

/** The target functions, with the formula a chapter prints beside the plot. */
export const bishopTargets: Readonly<
  Record<BishopTarget, { f: (x: number) => number; tex: string }>
> = {
  x2: { f: (x) => x * x, tex: "x^2" },
  sin: { f: (x) => Math.sin(Math.PI * x), tex: "\\sin(\\pi x)" },
  abs: { f: (x) => Math.abs(x), tex: "|x|" },
  // H(0) never comes up: a uniform draw is exactly 0 with probability 0 (we take H(0) = 1).
  heaviside: { f: (x) => (x >= 0 ? 1 : 0), tex: "H(x)" },
};

/** Other names readers reach for: "square" for x², "step" for the Heaviside step. */
const ALIASES: Readonly<Record<string, BishopTarget>> = { square: "x2", step: "heaviside" };

/** Options of `data.bishop`. */
export interface BishopOptions {
  /** Number of points (default 50, as in the figure). */
  n?: number;
  /** Seed of the x draws (default 0); ignored when `rng` is given. */
  seed?: number;
  rng?: Rng;
}

/** A 1-D regression data set: tensors for training and plain arrays for plotting. */
export interface RegressionData {
  /** Inputs [n, 1], sorted ascending. */
  x: Tensor;
  /** Targets [n, 1]. */
  y: Tensor;
  /** The same inputs and targets as plain numbers. */
  xs: number[];
  ys: number[];
  /** `{ x, y }` rows, ready for a Vega-Lite data set. */
  points: { x: number; y: number }[];
  /** The target function, to draw the true curve. */
  f: (x: number) => number;
  /** Its formula in TeX. */
  tex: string;
}

/**
 * `data.bishop("sin", { n: 50, seed: 0 })`: n inputs uniform on (−1, 1), sorted, with targets
 * x², sin(πx), |x| or H(x).
 */
export function bishop(
  target: BishopTarget | "square" | "step",
  options: BishopOptions = {},
): RegressionData {
  const spec = bishopTargets[ALIASES[target] ?? (target as BishopTarget)];
  if (!spec) {
    throw new Error(
      `data.bishop: unknown target ${typeof target === "string" ? JSON.stringify(target) : `(${describeValue(target)})`}, expected "x2", "sin", "abs" or "heaviside" (or "square", "step")`,
    );
  }
  const n = options.n ?? 50;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1)
    throw new Error(`data.bishop: n must be a positive integer, found ${showValue(n)}`);
  const r = options.rng ?? makeRng(options.seed ?? 0);
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    let u = r.next();
    while (u === 0) u = r.next(); // the open interval: −1 itself is never drawn
    xs.push(2 * u - 1);
  }
  xs.sort((a, b) => a - b);
  const ys = xs.map(spec.f);
  return {
    x: new Tensor(Float64Array.from(xs), [n, 1]),
    y: new Tensor(Float64Array.from(ys), [n, 1]),
    xs,
    ys,
    points: xs.map((x, i) => ({ x, y: ys[i] })),
    f: spec.f,
    tex: spec.tex,
  };
}
