// softmax and logSoftmax along one axis, numerically stable: the row maximum is subtracted
// before exponentiating, so large scores never overflow.
//   softmax:    y = exp(x − m) / Σ exp(x − m)        ∂L/∂x = y ∘ (g − Σ g∘y)
//   logSoftmax: y = x − m − log Σ exp(x − m)         ∂L/∂x = g − softmax(x) ∘ Σ g
import {
  makeResult,
  type OpRecord,
  type OpRule,
  soleTangent,
  type TensorLike,
  toTensor,
} from "../op.ts";
import { numberAttr, type OpDefinition, operatorTex, replayInput } from "../op-definition.ts";
import { OUTPUT } from "../saves.ts";
import { normalizeAxis } from "../shape.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";
import { mul, sub } from "./binary.ts";
import { sum } from "./sum-mean.ts";
import { exp } from "./unary.ts";

interface Lanes {
  outer: number;
  n: number;
  inner: number;
}

function lanesOf(op: string, t: Tensor, axis: number): Lanes {
  // A scalar is one lane of one entry, as in PyTorch (axis 0 or −1): softmax 1, logSoftmax 0.
  if (t.shape.length === 0) {
    normalizeAxis(op, axis, 1, t.shape);
    return { outer: 1, n: 1, inner: 1 };
  }
  const ax = normalizeAxis(op, axis, t.shape.length, t.shape);
  let outer = 1,
    inner = 1;
  for (let i = 0; i < ax; i++) outer *= t.shape[i];
  for (let i = ax + 1; i < t.shape.length; i++) inner *= t.shape[i];
  return { outer, n: t.shape[ax], inner };
}

/** Softmax (log = false) or log-softmax (log = true) of every lane along the axis. */
function softmaxLoop(X: Float64Array, { outer, n, inner }: Lanes, log: boolean): Float64Array {
  const out = allocate(X.length);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      let m = -Infinity;
      for (let j = 0; j < n; j++) m = Math.max(m, X[base + j * inner]);
      if (m === -Infinity) m = 0; // a lane of all −∞ stays NaN-free until the division
      let s = 0;
      for (let j = 0; j < n; j++) s += Math.exp(X[base + j * inner] - m);
      if (log) {
        const ls = m + Math.log(s);
        for (let j = 0; j < n; j++) out[base + j * inner] = X[base + j * inner] - ls;
      } else {
        for (let j = 0; j < n; j++) out[base + j * inner] = Math.exp(X[base + j * inner] - m) / s;
      }
    }
  }
  return out;
}

/** The three linear maps of the backward and forward modes, lane by lane (p = probabilities):
 *  SOFTMAX_BACK  p∘(v − Σ v∘p)  — softmax vjp and jvp (its Jacobian is symmetric)
 *  LOG_VJP       v − p·Σ v      — logSoftmax vjp
 *  LOG_JVP       v − Σ p∘v      — logSoftmax jvp */
const SOFTMAX_BACK = 0,
  LOG_VJP = 1,
  LOG_JVP = 2;

function laneLoop(
  V: Float64Array,
  P: Float64Array,
  { outer, n, inner }: Lanes,
  mode: number,
): Float64Array {
  const out = allocate(V.length);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      let s = 0;
      if (mode === LOG_VJP) for (let j = 0; j < n; j++) s += V[base + j * inner];
      else for (let j = 0; j < n; j++) s += V[base + j * inner] * P[base + j * inner];
      for (let j = 0; j < n; j++) {
        const k = base + j * inner;
        out[k] =
          mode === SOFTMAX_BACK ? P[k] * (V[k] - s) : mode === LOG_VJP ? V[k] - P[k] * s : V[k] - s;
      }
    }
  }
  return out;
}

type Saved = Lanes & { log: boolean };

function probabilities(node: OpRecord<Saved>): Float64Array {
  if (!node.saved.log) return node.output.data;
  const Y = node.output.data,
    P = allocate(Y.length);
  for (let k = 0; k < Y.length; k++) P[k] = Math.exp(Y[k]);
  return P;
}

const softmaxRule: OpRule<Saved> = {
  saves: [OUTPUT], // the probabilities (logSoftmax: their logarithms)
  // createGraph: the same maps as recorded ops, on the recorded output y.
  vjpGraph(node, _i, g) {
    const y = node.output;
    if (y.shape.length === 0) return mul(g, 0); // one entry: the output is constant
    const axis = numberAttr(node.attrs, "axis") ?? -1;
    if (node.saved.log) return sub(g, mul(exp(y), sum(g, axis, true)));
    return mul(y, sub(g, sum(mul(g, y), axis, true)));
  },
  vjp: (node, _i, g) =>
    new Tensor(
      laneLoop(g.data, probabilities(node), node.saved, node.saved.log ? LOG_VJP : SOFTMAX_BACK),
      g.shape,
    ),
  jvp: (node, tangents) =>
    new Tensor(
      laneLoop(
        soleTangent(tangents).data,
        probabilities(node),
        node.saved,
        node.saved.log ? LOG_JVP : SOFTMAX_BACK,
      ),
      node.output.shape,
    ),
};

/** exp(x) / Σ exp(x) along `axis` (default the last). */
export function softmax(x: TensorLike, axis = -1): Tensor {
  const a = toTensor(x, "softmax");
  const L = lanesOf("softmax", a, axis);
  return makeResult(
    softmaxLoop(a.data, L, false),
    a.shape,
    softmaxRule,
    "softmax",
    [a],
    { axis },
    { ...L, log: false },
  );
}

/** log softmax(x) along `axis`, computed without forming softmax (stable for large scores). */
export function logSoftmax(x: TensorLike, axis = -1): Tensor {
  const a = toTensor(x, "logSoftmax");
  const L = lanesOf("logSoftmax", a, axis);
  return makeResult(
    softmaxLoop(a.data, L, true),
    a.shape,
    softmaxRule,
    "logSoftmax",
    [a],
    { axis },
    { ...L, log: true },
  );
}

export const SOFTMAX: OpDefinition = {
  name: "softmax",
  forward: softmax,
  rules: [softmaxRule],
  replay: (xs, at) => softmax(replayInput(xs, 0), numberAttr(at, "axis")),
  tex: operatorTex("softmax"),
  words: ["softmax", "softmax"],
  elementwise: false,
};

export const LOG_SOFTMAX: OpDefinition = {
  name: "logSoftmax",
  forward: logSoftmax,
  rules: [softmaxRule],
  replay: (xs, at) => logSoftmax(replayInput(xs, 0), numberAttr(at, "axis")),
  tex: operatorTex("logSoftmax"),
  words: ["log-softmax", "log-softmax"],
  elementwise: false,
};
