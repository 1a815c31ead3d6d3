// permute: the axes in a new order (torch.permute), a copy. Output axis i is input axis
// dims[i]; the backward permutes the gradient back with the inverse order.

import { describeValue } from "../arguments.ts";
import { linearVjpGraph } from "../linear-adjoint.ts";
import { makeResult, type OpRule, soleTangent, type TensorLike, toTensor } from "../op.ts";
import { type OpDefinition, operatorTex, replayInput } from "../op-definition.ts";
import { formatShape, stridesOf } from "../shape.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";

/** X (of `shape`) with its axes reordered: output axis i is input axis dims[i]. */
export function permuteData(
  X: Float64Array,
  shape: readonly number[],
  dims: readonly number[],
): Float64Array {
  const rank = shape.length;
  const out = allocate(X.length);
  if (X.length === 0) return out;
  const inStrides = stridesOf(shape);
  const outShape = dims.map((d) => shape[d]);
  const step = dims.map((d) => inStrides[d]); // input step for a step along each output axis
  const counter = new Array<number>(rank).fill(0);
  let pos = 0;
  for (let k = 0; k < out.length; k++) {
    out[k] = X[pos];
    for (let d = rank - 1; d >= 0; d--) {
      counter[d]++;
      pos += step[d];
      if (counter[d] < outShape[d]) break;
      pos -= step[d] * counter[d];
      counter[d] = 0;
    }
  }
  return out;
}

type Saved = { dims: number[]; inverse: number[] };

const permuteRule: OpRule<Saved> = {
  saves: [],
  vjpGraph: linearVjpGraph,
  vjp: (node, _i, g) =>
    new Tensor(permuteData(g.data, g.shape, node.saved.inverse), node.inputs[0].shape),
  jvp: (node, t) => {
    const x = soleTangent(t);
    return new Tensor(permuteData(x.data, x.shape, node.saved.dims), node.output.shape);
  },
};

/** The axes of `x` in the order `dims` (each axis once, negative ones count from the end). */
export function permute(x: TensorLike, dims: readonly number[]): Tensor {
  const a = toTensor(x, "permute");
  const rank = a.shape.length;
  const problem = `permute: dims ${Array.isArray(dims) ? `[${dims.join(", ")}]` : describeValue(dims)} for a tensor of shape ${formatShape(a.shape)}`;
  if (!Array.isArray(dims) || dims.length !== rank) {
    throw new Error(
      `${problem} — expected an order of all ${rank} axes, e.g. [${[...Array(rank).keys()].reverse().join(", ")}]`,
    );
  }
  const order = dims.map((d) =>
    typeof d === "number" && Number.isInteger(d) && d < 0 ? d + rank : d,
  );
  const seen = new Set<number>();
  for (const d of order) {
    if (typeof d !== "number" || !Number.isInteger(d) || d < 0 || d >= rank || seen.has(d)) {
      throw new Error(`${problem} — each axis 0…${rank - 1} must appear exactly once`);
    }
    seen.add(d);
  }
  const inverse = new Array<number>(rank);
  for (let i = 0; i < rank; i++) inverse[order[i]] = i;
  return makeResult(
    permuteData(a.data, a.shape, order),
    order.map((d) => a.shape[d]),
    permuteRule,
    "permute",
    [a],
    { dims: order },
    { dims: order, inverse },
  );
}

export const PERMUTE: OpDefinition = {
  name: "permute",
  forward: permute,
  rules: [permuteRule],
  replay: (xs, at) => permute(replayInput(xs, 0), (at.dims as number[] | undefined) ?? []),
  tex: {
    ...operatorTex("permute"),
    local: () => null,
    term: (_i, up) => `\\operatorname{permute}^{-1}(${up})`,
  },
  words: ["permute", "axes reordered"],
  elementwise: false,
};
