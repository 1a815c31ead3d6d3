// bceLoss: binary cross-entropy of probabilities p against targets y ∈ [0, 1],
//   ℓₖ = −[ yₖ log pₖ + (1 − yₖ) log(1 − pₖ) ],  L = (1/n) Σ ℓₖ (or Σ ℓₖ, or every ℓₖ)
// one primitive so that, as in PyTorch, each log is clamped at −100: a confident wrong
// prediction (p = 0 for y = 1) costs 100, not Infinity, and the gradient stays finite.
import {
  allocate,
  clamp,
  div,
  log,
  log1p,
  makeResult,
  mul,
  type OpDefinition,
  type OpRecord,
  type OpRule,
  operatorTex,
  replayInput,
  sub,
  Tensor,
  type TensorLike,
  toTensor,
} from "../../tensor/index.ts";
import { checkReduction, matchTarget, type Reduction } from "./reduction.ts";

const LOG_FLOOR = -100;
const EPS = 1e-12; // PyTorch's floor on p(1 − p) in the backward

interface Saved {
  /** 1/n for "mean", 1 for "sum" and "none" */
  scale: number;
  /** false for "none": the output has the input's shape */
  reduced: boolean;
}

function clampedLog(v: number): number {
  return Math.max(Math.log(v), LOG_FLOOR);
}

/**
 * ∂ℓₖ/∂pₖ (i = 0) or ∂ℓₖ/∂yₖ (i = 1) per element, times `f` and, when given, times `w[k]`:
 * ∂ℓ/∂p = (p − y) / (p(1 − p)), ∂ℓ/∂y = log(1 − p) − log p (unclamped, as PyTorch).
 */
function partials(
  node: OpRecord<Saved>,
  i: number,
  f: number,
  w: Float64Array | null,
): Float64Array {
  const P = node.inputs[0].data;
  const Y = node.inputs[1].data;
  const out = allocate(P.length);
  if (i === 0)
    for (let k = 0; k < P.length; k++)
      out[k] = (f * (P[k] - Y[k])) / Math.max(P[k] * (1 - P[k]), EPS);
  // −logit(p), unclamped, as PyTorch's target gradient: the clamp guards the loss's value only.
  else for (let k = 0; k < P.length; k++) out[k] = f * (Math.log1p(-P[k]) - Math.log(P[k]));
  if (w !== null) for (let k = 0; k < out.length; k++) out[k] *= w[k];
  return out;
}

const bceRule: OpRule<Saved> = {
  saves: [0, 1],
  // createGraph: the same partials as recorded ops, (p − y)/max(p(1 − p), ε) and
  // log(1 − p) − log p, times g (times 1/n for "mean"; g is a scalar unless "none").
  vjpGraph(node, i, g) {
    const [p, y] = node.inputs as [Tensor, Tensor];
    const G = node.saved.scale === 1 ? g : mul(g, node.saved.scale);
    const d = i === 0 ? div(sub(p, y), clamp(mul(p, sub(1, p)), EPS)) : sub(log1p(p.neg()), log(p));
    return mul(d, G);
  },
  vjp(node, i, g) {
    const { scale, reduced } = node.saved;
    const d = reduced ? partials(node, i, g.data[0] * scale, null) : partials(node, i, 1, g.data);
    return new Tensor(d, node.inputs[i].shape);
  },
  // dℓₖ = ∂ℓₖ/∂pₖ dpₖ + ∂ℓₖ/∂yₖ dyₖ, then reduced like the values
  jvp(node, tangents) {
    const { scale, reduced } = node.saved;
    const dl = allocate(node.inputs[0].data.length);
    for (let i = 0; i < 2; i++) {
      const t = tangents[i];
      if (t) {
        const d = partials(node, i, scale, t.data);
        for (let k = 0; k < dl.length; k++) dl[k] += d[k];
      }
    }
    if (!reduced) return new Tensor(dl, node.output.shape);
    let s = 0;
    for (let k = 0; k < dl.length; k++) s += dl[k];
    return new Tensor(new Float64Array([s]), []);
  },
};

/**
 * `F.bceLoss(p, y, reduction = "mean")`: p are probabilities (after a sigmoid), y the targets
 * (0 or 1, or soft labels in between) of the same shape, or one number for all. "sum" adds the
 * terms, "none" returns one per element.
 */
export function bceLoss(
  input: TensorLike,
  target: TensorLike,
  reduction: Reduction = "mean",
): Tensor {
  const p = toTensor(input, "bceLoss", "the input");
  const y = matchTarget("bceLoss", p, toTensor(target, "bceLoss", "the target"));
  const reduced = checkReduction("bceLoss", reduction) !== "none";
  const P = p.data;
  const Y = y.data;
  const terms = allocate(P.length);
  let s = 0;
  for (let k = 0; k < P.length; k++) {
    if (!(P[k] >= 0 && P[k] <= 1)) {
      throw new Error(
        `bceLoss: input must hold probabilities in [0, 1], found ${P[k]} at flat index ${k} (apply sigmoid first)`,
      );
    }
    terms[k] = -(Y[k] * clampedLog(P[k]) + (1 - Y[k]) * clampedLog(1 - P[k]));
    s += terms[k];
  }
  const scale = reduction === "mean" ? 1 / P.length : 1;
  const out = reduced ? new Float64Array([s * scale]) : terms;
  const shape = reduced ? [] : p.shape;
  return makeResult(out, shape, bceRule, "bceLoss", [p, y], { reduction }, { scale, reduced });
}

export const BCE_LOSS: OpDefinition = {
  name: "bceLoss",
  forward: bceLoss,
  rules: [bceRule],
  replay: (xs, at) =>
    bceLoss(
      replayInput(xs, 0),
      replayInput(xs, 1),
      at.reduction === "sum" ? "sum" : at.reduction === "none" ? "none" : "mean",
    ),
  tex: operatorTex("bceLoss"),
  words: ["BCE", "binary cross-entropy"],
  elementwise: false,
};
