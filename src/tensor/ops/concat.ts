// Joins: concat (torch.cat, along an existing axis) and stack (along a new one). The backward
// cuts the gradient back into the pieces.

import { describeValue } from "../arguments.ts";
import { linearVjpGraph } from "../linear-adjoint.ts";
import { makeResult, type OpRule, type TensorLike, toTensor } from "../op.ts";
import { numberAttr, type OpDefinition, operatorTex } from "../op-definition.ts";
import { formatShape, normalizeAxis, sameShape } from "../shape.ts";
import { checkSize } from "../size-limit.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";
import { copyWindow, type Window } from "./narrow.ts";

// ── concat / stack ─────────────────────────────────────────────────────────────────────
interface Pieces {
  outer: number;
  inner: number;
  sizes: number[]; // each input's size along the axis
}

const concatRule: OpRule<Pieces> = {
  saves: [],
  vjpGraph: linearVjpGraph,
  vjp(node, i, g) {
    const { outer, inner, sizes } = node.saved;
    const total = sizes.reduce((p, s) => p + s, 0);
    const before = sizes.slice(0, i).reduce((p, s) => p + s, 0);
    const w: Window = { outer, n: total, inner, start: before, length: sizes[i] };
    return new Tensor(copyWindow(g.data, w), node.inputs[i].shape);
  },
  // The tangents join like the values; an input that does not move contributes zeros.
  jvp: (node, tangents) =>
    new Tensor(
      join(
        tangents.map((t, i) => t ?? { data: new Float64Array(node.inputs[i].data.length) }),
        node.saved,
      ),
      node.output.shape,
    ),
};

function join(
  parts: readonly { data: Float64Array }[],
  { outer, inner, sizes }: Pieces,
): Float64Array {
  const total = sizes.reduce((p, s) => p + s, 0);
  const out = allocate(outer * total * inner);
  for (let o = 0; o < outer; o++) {
    let offset = o * total * inner;
    for (let i = 0; i < parts.length; i++) {
      const block = sizes[i] * inner;
      out.set(parts[i].data.subarray(o * block, (o + 1) * block), offset);
      offset += block;
    }
  }
  return out;
}

function checkList(op: string, xs: readonly TensorLike[]): Tensor[] {
  if (!Array.isArray(xs) || xs.length === 0)
    throw new Error(`${op}: expected a non-empty array of tensors, found ${describeValue(xs)}`);
  return xs.map((x, i) => toTensor(x, op, `tensor ${i} of the list`));
}

/** Joins tensors along an existing axis (torch.cat); all other sizes must match. */
export function concat(xs: readonly TensorLike[], axis = 0): Tensor {
  const ts = checkList("concat", xs);
  const first = ts[0];
  const ax = normalizeAxis("concat", axis, first.shape.length, first.shape);
  for (const t of ts) {
    const ok =
      t.shape.length === first.shape.length &&
      t.shape.every((d, i) => i === ax || d === first.shape[i]);
    if (!ok) {
      throw new Error(
        `concat: shapes ${ts.map((u) => formatShape(u.shape)).join(", ")} differ outside axis ${ax}`,
      );
    }
  }
  let outer = 1,
    inner = 1;
  for (let i = 0; i < ax; i++) outer *= first.shape[i];
  for (let i = ax + 1; i < first.shape.length; i++) inner *= first.shape[i];
  const sizes = ts.map((t) => t.shape[ax]);
  const pieces = { outer, inner, sizes };
  const shape = [...first.shape];
  shape[ax] = sizes.reduce((p, s) => p + s, 0);
  checkSize("concat", shape); // each piece may be small and the whole not
  return makeResult(join(ts, pieces), shape, concatRule, "concat", ts, { axis: ax }, pieces);
}

/** Joins same-shaped tensors along a new axis (torch.stack). */
export function stack(xs: readonly TensorLike[], axis = 0): Tensor {
  const ts = checkList("stack", xs);
  const first = ts[0];
  const ax = normalizeAxis("stack", axis, first.shape.length + 1, first.shape);
  for (const t of ts) {
    if (!sameShape(t.shape, first.shape)) {
      throw new Error(
        `stack: all tensors must have the same shape, found ${ts.map((u) => formatShape(u.shape)).join(", ")}`,
      );
    }
  }
  let outer = 1,
    inner = 1;
  for (let i = 0; i < ax; i++) outer *= first.shape[i];
  for (let i = ax; i < first.shape.length; i++) inner *= first.shape[i];
  const pieces = { outer, inner, sizes: ts.map(() => 1) };
  const shape = [...first.shape];
  shape.splice(ax, 0, ts.length);
  checkSize("stack", shape);
  return makeResult(join(ts, pieces), shape, concatRule, "stack", ts, { axis: ax }, pieces);
}

export const CONCAT: OpDefinition = {
  name: "concat",
  forward: concat,
  rules: [concatRule],
  replay: (xs, at) => concat(xs, numberAttr(at, "axis")),
  tex: operatorTex("concat"),
  words: ["concat", "concatenation"],
  elementwise: false,
};

export const STACK: OpDefinition = {
  name: "stack",
  forward: stack,
  rules: [concatRule],
  replay: (xs, at) => stack(xs, numberAttr(at, "axis")),
  tex: operatorTex("stack"),
  words: ["stack", "stack"],
  elementwise: false,
};
