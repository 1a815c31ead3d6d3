// The shape of a reduction over axis `a`: viewed as [outer, n, inner], outer = product of the
// sizes before `a`, n = shape[a], inner = product of the sizes after it; and how the graph
// names the axis of a recorded reduction.

import { describeValue } from "../arguments.ts";
import { numberAttr, type OpAttrs } from "../op-definition.ts";
import { normalizeAxis, type Shape } from "../shape.ts";

export interface Layout {
  outer: number;
  n: number;
  inner: number;
  shape: number[]; // output shape
}

export function layoutOf(
  op: string,
  shape: Shape,
  axis: number | undefined,
  keepdim: boolean,
): Layout {
  if (typeof keepdim !== "boolean") {
    throw new Error(`${op}: keepdim must be true or false, found ${describeValue(keepdim)}`);
  }
  if (axis === undefined) {
    let n = 1;
    for (const d of shape) n *= d;
    return { outer: 1, n, inner: 1, shape: keepdim ? shape.map(() => 1) : [] };
  }
  const a = normalizeAxis(op, axis, shape.length, shape);
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < a; i++) outer *= shape[i];
  for (let i = a + 1; i < shape.length; i++) inner *= shape[i];
  const out = keepdim ? shape.map((d, i) => (i === a ? 1 : d)) : shape.filter((_, i) => i !== a);
  return { outer, n: shape[a], inner, shape: out };
}

/** `_{\\text{axis }1}` under a reduction along an axis, nothing for a reduction of everything. */
export function axisText(attrs: OpAttrs): string {
  const axis = attrs.axis ?? attrs.dim;
  return axis === undefined || axis === null ? "" : `_{\\text{axis }${String(axis)}}`;
}

export const axisOf = (attrs: OpAttrs) => numberAttr(attrs, "axis");
