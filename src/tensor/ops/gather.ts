// gather: entries picked along one axis by an index tensor (torch.gather), e.g. the score of
// each row's label: scores.gather(1, labels.unsqueeze(1)). The backward scatters the gradient
// back, adding where an entry was picked twice. maskedFill is composed from where.

import { expectNumber } from "../arguments.ts";
import { linearVjpGraph } from "../linear-adjoint.ts";
import { makeResult, type OpRule, type TensorLike, toTensor } from "../op.ts";
import { numberAttr, type OpDefinition, replayInput } from "../op-definition.ts";
import { broadcastShapes, formatShape, normalizeAxis, sameShape, stridesOf } from "../shape.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";
import { where } from "./compare.ts";

/** For each output entry, the flat input position it reads. */
function gatherPositions(op: string, a: Tensor, axis: number, index: Tensor): Int32Array {
  const rank = a.shape.length;
  const shape = index.shape;
  if (shape.length !== rank) {
    throw new Error(
      `${op}: the index must have the input's rank — input ${formatShape(a.shape)}, index ${formatShape(shape)}`,
    );
  }
  for (let d = 0; d < rank; d++) {
    if (d !== axis && shape[d] > a.shape[d]) {
      throw new Error(
        `${op}: index ${formatShape(shape)} is larger than input ${formatShape(a.shape)} along axis ${d} (only axis ${axis} may differ)`,
      );
    }
  }
  const strides = stridesOf(a.shape);
  const n = a.shape[axis];
  const I = index.data;
  const pos = new Int32Array(I.length);
  const counter = new Array<number>(rank).fill(0);
  let base = 0; // input position of the counter with 0 along `axis`
  for (let k = 0; k < I.length; k++) {
    const v = I[k];
    if (!Number.isInteger(v) || v < -n || v >= n) {
      throw new Error(
        `${op}: index ${v} at flat position ${k} is out of range for axis ${axis} of size ${n} (shape ${formatShape(a.shape)})`,
      );
    }
    pos[k] = base + (v < 0 ? v + n : v) * strides[axis];
    for (let d = rank - 1; d >= 0; d--) {
      counter[d]++;
      if (d !== axis) base += strides[d];
      if (counter[d] < shape[d]) break;
      if (d !== axis) base -= strides[d] * counter[d];
      counter[d] = 0;
    }
  }
  return pos;
}

const gatherRule: OpRule<Int32Array> = {
  saves: [],
  vjpGraph: linearVjpGraph,
  vjp(node, i, g) {
    const x = node.inputs[0];
    if (i !== 0) return new Tensor(allocate(node.inputs[1].data.length), node.inputs[1].shape);
    const out = allocate(x.data.length);
    const pos = node.saved;
    for (let k = 0; k < pos.length; k++) out[pos[k]] += g.data[k];
    return new Tensor(out, x.shape);
  },
  jvp(node, tangents) {
    const out = allocate(node.output.data.length);
    const t = tangents[0];
    if (t) for (let k = 0; k < out.length; k++) out[k] = t.data[node.saved[k]];
    return new Tensor(out, node.output.shape);
  },
};

/**
 * Entries of `x` picked along `axis` by `index` (same rank as x; integers, negative ones count
 * from the end): out[i][j] = x[i][index[i][j]] for axis 1. Differentiable in x.
 */
export function gather(x: TensorLike, axis: number, index: TensorLike): Tensor {
  const a = toTensor(x, "gather");
  const idx = toTensor(index, "gather", "the index").detach();
  const ax = normalizeAxis("gather", axis, a.shape.length, a.shape);
  const pos = gatherPositions("gather", a, ax, idx);
  const out = allocate(pos.length);
  for (let k = 0; k < pos.length; k++) out[k] = a.data[pos[k]];
  return makeResult(out, idx.shape, gatherRule, "gather", [a, idx], { axis: ax }, pos);
}

export const GATHER: OpDefinition = {
  name: "gather",
  forward: gather,
  rules: [gatherRule],
  replay: (xs, at) => gather(replayInput(xs, 0), numberAttr(at, "axis") ?? 0, replayInput(xs, 1)),
  tex: {
    forward: (a, at) => `${a[0]}_{[${a[1]}]}^{\\text{axis }${String(at.axis ?? 0)}}`,
    local: () => null,
    term: (_i, up) => `\\operatorname{scatter}(${up})`,
  },
  words: ["gather", "gathered entries"],
  elementwise: false,
};

/**
 * `x` with `value` wherever `mask` is non-zero (torch.masked_fill; the mask broadcasts), e.g.
 * scores.maskedFill(mask, -Infinity) before a softmax. No gradient flows to the filled entries.
 */
export function maskedFill(x: TensorLike, mask: TensorLike, value: number): Tensor {
  expectNumber("maskedFill", "the fill value", value, true);
  const a = toTensor(x, "maskedFill");
  const m = toTensor(mask, "maskedFill", "the mask");
  if (!sameShape(broadcastShapes("maskedFill", m.shape, a.shape), a.shape)) {
    throw new Error(
      `maskedFill: the mask ${formatShape(m.shape)} must broadcast to the tensor's shape ${formatShape(a.shape)}`,
    );
  }
  return where(m, value, a);
}
