// cumsum: running sums along one axis (torch.cumsum), out[j] = Σ_{i ≤ j} x[i]. Its backward is
// the running sum of the gradient taken from the other end: ∂L/∂x[i] = Σ_{j ≥ i} g[j].
import { linearVjpGraph } from "../linear-adjoint.ts";
import { makeResult, type OpRule, soleTangent, type TensorLike, toTensor } from "../op.ts";
import { numberAttr, type OpDefinition, replayInput } from "../op-definition.ts";
import { normalizeAxis } from "../shape.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";

interface Lanes {
  outer: number;
  n: number;
  inner: number;
}

function scan(X: Float64Array, { outer, n, inner }: Lanes, reverse: boolean): Float64Array {
  const out = allocate(X.length);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) {
        const k = (o * n + (reverse ? n - 1 - j : j)) * inner + i;
        s += X[k];
        out[k] = s;
      }
    }
  }
  return out;
}

const cumsumRule: OpRule<Lanes> = {
  saves: [],
  vjpGraph: linearVjpGraph,
  vjp: (node, _i, g) => new Tensor(scan(g.data, node.saved, true), node.inputs[0].shape),
  jvp: (node, t) => new Tensor(scan(soleTangent(t).data, node.saved, false), node.output.shape),
};

/** Running sums along `axis` (a 0-D tensor is its own sum). */
export function cumsum(x: TensorLike, axis: number): Tensor {
  const a = toTensor(x, "cumsum");
  const rank = Math.max(1, a.shape.length);
  const ax = normalizeAxis("cumsum", axis, rank, a.shape);
  let outer = 1,
    inner = 1;
  for (let d = 0; d < ax; d++) outer *= a.shape[d];
  for (let d = ax + 1; d < a.shape.length; d++) inner *= a.shape[d];
  const lanes = { outer, n: a.shape[ax] ?? 1, inner };
  return makeResult(
    scan(a.data, lanes, false),
    a.shape,
    cumsumRule,
    "cumsum",
    [a],
    { axis: ax },
    lanes,
  );
}

export const CUMSUM: OpDefinition = {
  name: "cumsum",
  forward: cumsum,
  rules: [cumsumRule],
  replay: (xs, at) => cumsum(replayInput(xs, 0), numberAttr(at, "axis") ?? 0),
  tex: {
    forward: (a, at) => `\\operatorname{cumsum}_{\\text{axis }${String(at.axis ?? 0)}} ${a[0]}`,
    local: () => null,
    term: (_i, up) => `\\operatorname{revcumsum}(${up})`,
  },
  words: ["cumsum", "running sum"],
  elementwise: false,
};
