// The backward of broadcasting built from recorded ops (sum, reshape), for createGraph: the
// graph-recording twin of `sumToShape`.
import { type Shape, sameShape } from "../shape.ts";
import type { Tensor } from "../tensor.ts";
import { reshape } from "./shape.ts";
import { sum } from "./sum-mean.ts";

/** `g` (shaped like a broadcast output) summed down to `shape`, recorded. */
export function sumToShapeGraph(g: Tensor, shape: Shape): Tensor {
  if (sameShape(g.shape, shape)) return g;
  let t = g;
  const lead = g.shape.length - shape.length;
  if (lead > 0) t = sum(t, lead === 1 ? 0 : [...Array(lead).keys()]);
  const axes = shape.flatMap((d, i) => (d === 1 && t.shape[i] !== 1 ? [i] : []));
  if (axes.length > 0) t = sum(t, axes.length === 1 ? axes[0] : axes, true);
  return sameShape(t.shape, shape) ? t : reshape(t, shape);
}
