// prod: the product of all elements or along one axis (torch.prod). Its gradient for entry i is
// the product of all the others, computed from running products from both ends, so it is exact
// where entries are 0 (dividing out/x would give 0/0 = NaN there).
import { describeValue } from "../arguments.ts";
import {
  makeResult,
  type OpRecord,
  type OpRule,
  soleTangent,
  type TensorLike,
  toTensor,
} from "../op.ts";
import { numberAttr, type OpAttrs, type OpDefinition, replayInput } from "../op-definition.ts";
import { normalizeAxis } from "../shape.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";
import { mul } from "./binary.ts";
import { where } from "./compare.ts";
import { reshape } from "./shape.ts";

interface Lanes {
  outer: number;
  n: number;
  inner: number;
}

/** ∂out/∂x per input entry: the product of the other entries of its lane. */
function othersProduct(node: OpRecord<Lanes>): Float64Array {
  const X = node.inputs[0].data;
  const { outer, n, inner } = node.saved;
  const d = allocate(X.length);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      let left = 1;
      for (let j = 0; j < n; j++) {
        d[base + j * inner] = left;
        left *= X[base + j * inner];
      }
      let right = 1;
      for (let j = n - 1; j >= 0; j--) {
        d[base + j * inner] *= right;
        right *= X[base + j * inner];
      }
    }
  }
  return d;
}

/**
 * createGraph: Π_{k≠j} x_k for every j as recorded ops — the product along a stack of copies of
 * the lane in which copy j has x_j replaced by 1 — so it is exact at zeros and can itself be
 * differentiated (n² values per lane, for second derivatives only).
 */
function othersProductGraph(node: OpRecord<Lanes>, g: Tensor): Tensor {
  const x = node.inputs[0];
  const { outer, n, inner } = node.saved;
  const own = allocate(n * n);
  for (let j = 0; j < n; j++) own[j * n + j] = 1;
  const copies = where(new Tensor(own, [1, n, n, 1]), 1, reshape(x, [outer, 1, n, inner]));
  const others = prod(copies, 2); // [outer, n (which entry is left out), inner]
  return reshape(mul(others, reshape(g, [outer, 1, inner])), x.shape);
}

const prodRule: OpRule<Lanes> = {
  saves: [0],
  vjpGraph: (node, _i, g) => othersProductGraph(node, g),
  vjp(node, _i, g) {
    const d = othersProduct(node);
    const { n, inner } = node.saved;
    for (let k = 0; k < d.length; k++) {
      const o = Math.floor(k / (n * inner));
      d[k] *= g.data[o * inner + (k % inner)];
    }
    return new Tensor(d, node.inputs[0].shape);
  },
  jvp(node, tangents) {
    const d = othersProduct(node);
    const T = soleTangent(tangents).data;
    const { n, inner } = node.saved;
    const out = allocate(node.output.data.length);
    for (let k = 0; k < d.length; k++)
      out[Math.floor(k / (n * inner)) * inner + (k % inner)] += d[k] * T[k];
    return new Tensor(out, node.output.shape);
  },
};

/** Product of all elements, or along `axis` (dropped unless keepdim). */
export function prod(x: TensorLike, axis?: number, keepdim = false): Tensor {
  const a = toTensor(x, "prod");
  if (typeof keepdim !== "boolean") {
    throw new Error(`prod: keepdim must be true or false, found ${describeValue(keepdim)}`);
  }
  let lanes: Lanes;
  let shape: number[];
  if (axis === undefined) {
    lanes = { outer: 1, n: a.data.length, inner: 1 };
    shape = keepdim ? a.shape.map(() => 1) : [];
  } else {
    const ax = normalizeAxis("prod", axis, a.shape.length, a.shape);
    let outer = 1,
      inner = 1;
    for (let d = 0; d < ax; d++) outer *= a.shape[d];
    for (let d = ax + 1; d < a.shape.length; d++) inner *= a.shape[d];
    lanes = { outer, n: a.shape[ax], inner };
    shape = keepdim
      ? a.shape.map((s, d) => (d === ax ? 1 : s))
      : a.shape.filter((_, d) => d !== ax);
  }
  const { outer, n, inner } = lanes;
  const out = allocate(outer * inner).fill(1);
  for (let o = 0; o < outer; o++)
    for (let j = 0; j < n; j++)
      for (let i = 0; i < inner; i++) out[o * inner + i] *= a.data[(o * n + j) * inner + i];
  return makeResult(out, shape, prodRule, "prod", [a], { axis, keepdim }, lanes);
}

function axisText(attrs: OpAttrs): string {
  const axis = numberAttr(attrs, "axis");
  return axis === undefined ? "" : `_{\\text{axis }${axis}}`;
}

export const PROD: OpDefinition = {
  name: "prod",
  forward: prod,
  rules: [prodRule],
  replay: (xs, at) => prod(replayInput(xs, 0), numberAttr(at, "axis"), at.keepdim === true),
  tex: {
    forward: (a, at) => `\\textstyle\\prod${axisText(at)} ${a[0]}`,
    local: () => null,
    term: (_i, up, _a, out, _at, n) => n.times(`\\tfrac{${out}}{x_i}`, up),
  },
  words: ["prod", "product of the entries"],
  elementwise: false,
};
