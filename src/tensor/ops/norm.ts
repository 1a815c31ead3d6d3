// norm: the p-norm of all elements or along one axis, ‖x‖ₚ = (Σ |xᵢ|ᵖ)^{1/p} (torch.norm;
// p = 2 by default, Infinity the largest |xᵢ|). One primitive rather than sqrt(sum(x²)), so
// the gradient at x = 0 is 0, as in PyTorch, not ∞ · 0 = NaN:
//   ∂‖x‖ₚ/∂xᵢ = sign(xᵢ) |xᵢ|^{p−1} / ‖x‖ₚ^{p−1}   (0 where ‖x‖ₚ = 0)
import { describeValue } from "../arguments.ts";
import {
  makeResult,
  type OpRecord,
  type OpRule,
  soleTangent,
  type TensorLike,
  toTensor,
} from "../op.ts";
import { numberAttr, type OpDefinition, replayInput } from "../op-definition.ts";
import { OUTPUT } from "../saves.ts";
import { normalizeAxis } from "../shape.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";
import { div, mul } from "./binary.ts";
import { where } from "./compare.ts";
import { max } from "./max-min.ts";
import { powScalar } from "./pow.ts";
import { reshape } from "./shape.ts";
import { abs } from "./unary.ts";

interface Saved {
  outer: number;
  n: number;
  inner: number;
  p: number;
}

/** ∂‖x‖/∂xᵢ for every input entry. */
function partials(node: OpRecord<Saved>): Float64Array {
  const X = node.inputs[0].data;
  const N = node.output.data;
  const { n, inner, p } = node.saved;
  const d = allocate(X.length);
  for (let k = 0; k < X.length; k++) {
    const norm = N[Math.floor(k / (n * inner)) * inner + (k % inner)];
    const x = X[k];
    if (norm === 0 || x === 0) continue;
    d[k] =
      p === 2 ? x / norm : p === 1 ? Math.sign(x) : Math.sign(x) * (Math.abs(x) / norm) ** (p - 1);
  }
  return d;
}

const normRule: OpRule<Saved> = {
  saves: [0, OUTPUT],
  // createGraph: the same formula with recorded ops; sign(x) is a constant (piecewise), and
  // entries of a zero norm get 0 through where.
  vjpGraph(node, _i, g) {
    const x = node.inputs[0];
    const { p } = node.saved;
    const axis = numberAttr(node.attrs, "axis");
    const ax = axis === undefined ? -1 : axis < 0 ? axis + x.shape.length : axis;
    const kept = x.shape.map((d, k) => (ax < 0 || k === ax ? 1 : d));
    const G = reshape(g, kept);
    const N = reshape(node.output, kept);
    const sign = new Tensor(x.data.map(Math.sign), x.shape);
    const zero = new Tensor(
      N.data.map((v) => (v === 0 ? 1 : 0)),
      kept,
    );
    const local =
      p === 1 ? sign : p === 2 ? div(x, N) : mul(sign, powScalar(div(abs(x), N), p - 1));
    return mul(G, where(zero, 0, local));
  },
  vjp(node, _i, g) {
    const d = partials(node);
    const { n, inner } = node.saved;
    for (let k = 0; k < d.length; k++)
      d[k] *= g.data[Math.floor(k / (n * inner)) * inner + (k % inner)];
    return new Tensor(d, node.inputs[0].shape);
  },
  jvp(node, tangents) {
    const d = partials(node);
    const T = soleTangent(tangents).data;
    const { n, inner } = node.saved;
    const out = allocate(node.output.data.length);
    for (let k = 0; k < d.length; k++)
      out[Math.floor(k / (n * inner)) * inner + (k % inner)] += d[k] * T[k];
    return new Tensor(out, node.output.shape);
  },
};

/** The p-norm (default 2) of all elements, or along `axis` (dropped unless keepdim). */
export function norm(x: TensorLike, p = 2, axis?: number, keepdim = false): Tensor {
  const a = toTensor(x, "norm");
  if (typeof p !== "number" || !(p > 0)) {
    throw new Error(`norm: p must be a positive number or Infinity, found ${describeValue(p)}`);
  }
  if (typeof keepdim !== "boolean") {
    throw new Error(`norm: keepdim must be true or false, found ${describeValue(keepdim)}`);
  }
  if (p === Infinity) {
    if (axis !== undefined) normalizeAxis("norm", axis, a.shape.length, a.shape);
    return max(abs(a), axis, keepdim);
  }
  let outer = 1,
    inner = 1,
    n = a.data.length,
    shape: number[] = keepdim ? a.shape.map(() => 1) : [];
  if (axis !== undefined) {
    const ax = normalizeAxis("norm", axis, a.shape.length, a.shape);
    outer = 1;
    for (let d = 0; d < ax; d++) outer *= a.shape[d];
    for (let d = ax + 1; d < a.shape.length; d++) inner *= a.shape[d];
    n = a.shape[ax];
    shape = keepdim
      ? a.shape.map((s, d) => (d === ax ? 1 : s))
      : a.shape.filter((_, d) => d !== ax);
  }
  const out = allocate(outer * inner);
  const X = a.data;
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) {
        const v = Math.abs(X[(o * n + j) * inner + i]);
        s += p === 2 ? v * v : p === 1 ? v : v ** p;
      }
      out[o * inner + i] = p === 2 ? Math.sqrt(s) : p === 1 ? s : s ** (1 / p);
    }
  return makeResult(
    out,
    shape,
    normRule,
    "norm",
    [a],
    { p, axis, keepdim },
    { outer, n, inner, p },
  );
}

export const NORM: OpDefinition = {
  name: "norm",
  forward: norm,
  rules: [normRule],
  replay: (xs, at) =>
    norm(replayInput(xs, 0), numberAttr(at, "p") ?? 2, numberAttr(at, "axis"), at.keepdim === true),
  tex: {
    forward: (a, at, n) =>
      `\\lVert ${n.unwrap(a[0] ?? "")} \\rVert_{${n.texNumber(numberAttr(at, "p") ?? 2)}}`,
    local: () => null,
    term: (_i, up, a, out, at, n) =>
      (numberAttr(at, "p") ?? 2) === 2
        ? n.times(`\\frac{${n.unwrap(a[0] ?? "")}}{${out}}`, up)
        : n.times(`\\frac{\\partial ${out}}{\\partial ${a[0]}}`, up),
  },
  words: ["norm", "norm"],
  elementwise: false,
};
