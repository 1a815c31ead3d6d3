// Broadcasting plumbing for binary ops and their backward: how two inputs line up with the
// output (with fast paths for equal shapes, a repeated scalar and a repeated trailing block
// such as a bias), `sumToShape` for the backward, and the `expand` op.
import { linearVjpGraph } from "../linear-adjoint.ts";
import { makeResult, type OpRule, soleTangent, type TensorLike, toTensor } from "../op.ts";
import { type OpDefinition, replayInput } from "../op-definition.ts";
import {
  broadcastIndex,
  broadcastKind,
  broadcastShapes,
  checkShape,
  formatShape,
  type Shape,
  sameShape,
  sizeOf,
} from "../shape.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";

/** Both inputs have the output's shape. */
export const SAME = 0;
/** `a` has the output's size; `b`'s `block` elements repeat along it (scalar: block 1). */
export const B_REPEATS = 1;
/** `b` has the output's size; `a`'s `block` elements repeat along it. */
export const A_REPEATS = 2;
/** Anything else: explicit index maps `ai`, `bi`. */
export const GENERAL = 3;

/** How a binary op walks its inputs. One scratch object: plans are used at once, never kept. */
export interface BinaryPlan {
  shape: Shape;
  size: number;
  mode: number;
  block: number;
  /** GENERAL only: the flat index into a and into b of each output element. */
  ai: Int32Array;
  bi: Int32Array;
}

const NO_INDEX = new Int32Array(0);
const plan: BinaryPlan = { shape: [], size: 0, mode: SAME, block: 0, ai: NO_INDEX, bi: NO_INDEX };

/** Plans `op(a, b)`; throws `op: shapes [2,3] and [4] cannot broadcast`. */
export function planBinary(op: string, a: Tensor, b: Tensor): BinaryPlan {
  const sa = a.shape;
  const sb = b.shape;
  plan.ai = NO_INDEX;
  plan.bi = NO_INDEX;
  if (sameShape(sa, sb)) {
    plan.shape = sa;
    plan.size = a.data.length;
    plan.mode = SAME;
    plan.block = plan.size;
    return plan;
  }
  const shape = broadcastShapes(op, sa, sb);
  const size = sizeOf(shape);
  plan.shape = shape;
  plan.size = size;
  const na = a.data.length;
  const nb = b.data.length;
  if (na === size && (nb === size || broadcastKind(sb, shape) !== "general")) {
    plan.mode = nb === size ? SAME : B_REPEATS;
    plan.block = nb;
  } else if (nb === size && broadcastKind(sa, shape) !== "general") {
    plan.mode = A_REPEATS;
    plan.block = na;
  } else {
    plan.mode = GENERAL;
    plan.block = 0;
    plan.ai = broadcastIndex(sa, shape);
    plan.bi = broadcastIndex(sb, shape);
  }
  return plan;
}

/**
 * Sums `g` (shaped like a broadcast output) down to `shape`: the backward of broadcasting.
 * Returns `g` itself (or a reshaped view of it) when nothing was broadcast.
 */
export function sumToShape(g: Tensor, shape: Shape): Tensor {
  const n = sizeOf(shape);
  const G = g.data;
  if (n === G.length) return sameShape(g.shape, shape) ? g : new Tensor(G, shape);
  const out = allocate(n);
  const kind = broadcastKind(shape, g.shape);
  if (kind === "scalar") {
    let s = 0;
    for (let k = 0; k < G.length; k++) s += G[k];
    out[0] = s;
  } else if (kind === "suffix") {
    for (let k = 0, j = 0; k < G.length; k++) {
      out[j] += G[k];
      if (++j === n) j = 0;
    }
  } else {
    const index = broadcastIndex(shape, g.shape);
    for (let k = 0; k < G.length; k++) out[index[k]] += G[k];
  }
  return new Tensor(out, shape);
}

/** Copies `t`'s values broadcast to `shape` (no graph); used by local derivatives and tangents. */
export function broadcastData(t: Tensor, shape: Shape): Float64Array {
  const n = sizeOf(shape);
  const T = t.data;
  const out = allocate(n);
  if (T.length === n) {
    out.set(T);
    return out;
  }
  const kind = broadcastKind(t.shape, shape);
  if (kind === "scalar") out.fill(T[0]);
  else if (kind === "suffix") {
    for (let k = 0, j = 0; k < n; k++) {
      out[k] = T[j];
      if (++j === T.length) j = 0;
    }
  } else {
    const index = broadcastIndex(t.shape, shape);
    for (let k = 0; k < n; k++) out[k] = T[index[k]];
  }
  return out;
}

const expandRule: OpRule = {
  saves: [],
  vjpGraph: linearVjpGraph,
  vjp: (node, _i, g) => sumToShape(g, node.inputs[0].shape),
  jvp: (node, t) => expand(soleTangent(t), node.output.shape),
};

/** Broadcasts `x` to `shape` (a copy, unlike PyTorch's view); sizes of 1 may grow. */
export function expand(x: TensorLike, shape: readonly number[]): Tensor {
  const a = toTensor(x, "expand");
  checkShape("expand", shape);
  const target = broadcastShapes("expand", a.shape, shape);
  if (!sameShape(target, shape)) {
    throw new Error(`expand: cannot expand shape ${formatShape(a.shape)} to ${formatShape(shape)}`);
  }
  return makeResult(
    broadcastData(a, shape),
    [...shape],
    expandRule,
    "expand",
    [a],
    { shape: [...shape] },
    undefined,
  );
}

export const EXPAND: OpDefinition = {
  name: "expand",
  forward: expand,
  rules: [expandRule],
  replay: (xs, at) => expand(replayInput(xs, 0), (at.shape as number[] | undefined) ?? []),
  tex: {
    forward: (a, _at, n) => `\\operatorname{expand}(${n.unwrap(a[0] ?? "")})`,
    local: () => null,
    term: (_i, up) => `\\textstyle\\sum_{\\text{copies}} ${up}`,
  },
  words: ["broadcast", "broadcast copy"],
  elementwise: false,
};
