// Sum and mean over all elements or one axis (keepdim as in PyTorch), and over several axes,
// composed as one single-axis reduction per axis.

import { linearVjpGraph } from "../linear-adjoint.ts";
import { makeResult, type OpRule, soleTangent, type TensorLike, toTensor } from "../op.ts";
import {
  entriesOf,
  type OpAttrs,
  type OpDefinition,
  recordedShapes,
  replayInput,
} from "../op-definition.ts";
import { formatShape, normalizeAxis } from "../shape.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";
import { axisOf, axisText, type Layout, layoutOf } from "./reduce-layout.ts";

function sumLoop(X: Float64Array, L: Layout, scaleBy: number): Float64Array {
  const { outer, n, inner } = L;
  const out = allocate(outer * inner);
  if (inner === 1) {
    for (let o = 0; o < outer; o++) {
      let s = 0;
      for (let j = 0, base = o * n; j < n; j++) s += X[base + j];
      out[o] = s * scaleBy;
    }
    return out;
  }
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < n; j++) {
      const src = (o * n + j) * inner;
      const dst = o * inner;
      for (let i = 0; i < inner; i++) out[dst + i] += X[src + i];
    }
  }
  if (scaleBy !== 1) for (let k = 0; k < out.length; k++) out[k] *= scaleBy;
  return out;
}

/** Spreads a reduced gradient back over the reduced axis, times `scaleBy`. */
function spreadLoop(G: Float64Array, L: Layout, scaleBy: number): Float64Array {
  const { outer, n, inner } = L;
  const out = allocate(outer * n * inner);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < n; j++) {
      const dst = (o * n + j) * inner;
      const src = o * inner;
      for (let i = 0; i < inner; i++) out[dst + i] = G[src + i] * scaleBy;
    }
  }
  return out;
}

type Saved = Layout & { scale: number };

const sumRule: OpRule<Saved> = {
  saves: [],
  vjpGraph: linearVjpGraph,
  vjp: (node, _i, g) =>
    new Tensor(spreadLoop(g.data, node.saved, node.saved.scale), node.inputs[0].shape),
  jvp: (node, t) =>
    new Tensor(sumLoop(soleTangent(t).data, node.saved, node.saved.scale), node.output.shape),
};

/** Axes to reduce, one or several (`[0, 2]`); `undefined` (or `[]`, as PyTorch) for all of them. */
export type Axes = number | readonly number[] | undefined;

/**
 * Several axes reduced one at a time, the highest first, so each single-axis node (the graph
 * shows one per axis) sees the axis numbers of its input. Each axis is normalised and checked.
 */
function reduceAxes(
  op: "sum" | "mean",
  a: Tensor,
  axes: readonly number[],
  keepdim: boolean,
): Tensor {
  const rank = a.shape.length;
  const list = axes.map((ax) => normalizeAxis(op, ax, rank, a.shape));
  const twice = list.find((ax, i) => list.indexOf(ax) !== i);
  if (twice !== undefined) {
    throw new Error(
      `${op}: axis ${twice} appears twice in [${axes.join(", ")}] for a tensor of shape ${formatShape(a.shape)}`,
    );
  }
  let out = a;
  for (const ax of [...list].sort((p, q) => q - p)) out = reduceOne(op, out, ax, keepdim);
  return out;
}

function reduceOne(op: "sum" | "mean", a: Tensor, axis: number | undefined, keepdim: boolean) {
  const L = layoutOf(op, a.shape, axis, keepdim);
  if (op === "mean" && L.n === 0) throw new Error("mean: cannot average over an axis of size 0");
  const s = op === "mean" ? 1 / L.n : 1;
  return makeResult(
    sumLoop(a.data, L, s),
    L.shape,
    sumRule,
    op,
    [a],
    { axis, keepdim },
    { ...L, scale: s },
  );
}

function reduction(op: "sum" | "mean", x: TensorLike, axis: Axes, keepdim: boolean): Tensor {
  const a = toTensor(x, op);
  if (Array.isArray(axis)) {
    if (axis.length === 0) return reduceOne(op, a, undefined, keepdim);
    if (axis.length > 1) return reduceAxes(op, a, axis, keepdim);
    return reduceOne(op, a, axis[0], keepdim);
  }
  return reduceOne(op, a, axis as number | undefined, keepdim);
}

/** Sum of all elements, or along `axis` — one axis or several, `[0, 2]` (dropped unless keepdim). */
export function sum(x: TensorLike, axis?: number | readonly number[], keepdim = false): Tensor {
  return reduction("sum", x, axis, keepdim);
}

/** Mean of all elements, or along `axis` — one axis or several (dropped unless keepdim). */
export function mean(x: TensorLike, axis?: number | readonly number[], keepdim = false): Tensor {
  return reduction("mean", x, axis, keepdim);
}

/** Entries averaged into each output entry of a mean: input size over output size. */
function meanCount(attrs: OpAttrs): number {
  const shapes = recordedShapes(attrs);
  return Math.round(entriesOf(shapes.inputs[0]) / Math.max(1, entriesOf(shapes.output)));
}

export const SUM: OpDefinition = {
  name: "sum",
  forward: sum,
  rules: [sumRule],
  replay: (xs, at) => sum(replayInput(xs, 0), axisOf(at), at.keepdim === true),
  tex: {
    forward: (a, attrs) => `\\textstyle\\sum${axisText(attrs)} ${a[0]}`,
    local: () => null,
    term: (_i, up, _a, _out, _at, n) => n.times("\\mathbf{1}", up),
  },
  words: ["sum", "sum of the entries"],
  elementwise: false,
};

export const MEAN: OpDefinition = {
  name: "mean",
  forward: mean,
  rules: [sumRule],
  replay: (xs, at) => mean(replayInput(xs, 0), axisOf(at), at.keepdim === true),
  tex: {
    forward: (a, attrs) => `\\operatorname{mean}${axisText(attrs)} ${a[0]}`,
    local: () => null,
    term: (_i, up, _a, _out, attrs, n) =>
      n.times(`\\tfrac{1}{${meanCount(attrs)}}\\, \\mathbf{1}`, up),
  },
  words: ["mean", "mean of the entries"],
  elementwise: false,
};
