// mseLoss: the mean (or sum) of squared differences, one primitive so the common regression
// step is one node with a one-line backward: ∂L/∂ŷ = 2(ŷ − y)/n, ∂L/∂y = −2(ŷ − y)/n.
// reduction "none" is composed, (ŷ − y)², one node per step.
import {
  allocate,
  entriesOf,
  makeResult,
  mul,
  type OpAttrs,
  type OpDefinition,
  type OpRecord,
  type OpRule,
  recordedShapes,
  replayInput,
  sub,
  Tensor,
  type TensorLike,
  toTensor,
} from "../../tensor/index.ts";
import { checkReduction, matchTarget, type Reduction } from "./reduction.ts";

export type { Reduction } from "./reduction.ts";

interface Saved {
  /** 1/n for "mean", 1 for "sum" */
  scale: number;
}

function residualGrad(node: OpRecord<Saved>, factor: number): Float64Array {
  const [a, b] = node.inputs as [Tensor, Tensor];
  const A = a.data;
  const B = b.data;
  const f = 2 * factor * node.saved.scale;
  const out = allocate(A.length);
  for (let k = 0; k < A.length; k++) out[k] = f * (A[k] - B[k]);
  return out;
}

const mseRule: OpRule<Saved> = {
  saves: [0, 1],
  // createGraph: ±2(ŷ − y)·scale·g as recorded ops, so the loss can be differentiated twice.
  vjpGraph(node, i, g) {
    const [a, b] = node.inputs as [Tensor, Tensor];
    return mul(mul(sub(a, b), 2 * node.saved.scale * (i === 0 ? 1 : -1)), g);
  },
  vjp(node, i, g) {
    const d = residualGrad(node, g.data[0] * (i === 0 ? 1 : -1));
    return new Tensor(d, node.inputs[i].shape);
  },
  // dL = Σ 2(ŷ − y)(dŷ − dy)·scale
  jvp(node, [ta, tb]) {
    const d = residualGrad(node, 1);
    let s = 0;
    for (let k = 0; k < d.length; k++) s += d[k] * ((ta ? ta.data[k] : 0) - (tb ? tb.data[k] : 0));
    return new Tensor(new Float64Array([s]), []);
  },
};

/**
 * `F.mseLoss(input, target, reduction = "mean")`: (1/n) Σ (inputₖ − targetₖ)². Input and target
 * must have the same shape (a [50,1] prediction against a [50] target would otherwise broadcast
 * to [50,50] and silently compare every prediction with every target); a single number as the
 * target is compared with every element.
 */
export function mseLoss(
  input: TensorLike,
  target: TensorLike,
  reduction: Reduction = "mean",
): Tensor {
  const a = toTensor(input, "mseLoss", "the input");
  const b = matchTarget("mseLoss", a, toTensor(target, "mseLoss", "the target"));
  if (checkReduction("mseLoss", reduction) === "none") return a.sub(b).pow(2);
  const A = a.data;
  const B = b.data;
  let s = 0;
  for (let k = 0; k < A.length; k++) {
    const d = A[k] - B[k];
    s += d * d;
  }
  const scale = reduction === "mean" ? 1 / A.length : 1;
  return makeResult(
    new Float64Array([s * scale]),
    [],
    mseRule,
    "mseLoss",
    [a, b],
    { reduction },
    { scale },
  );
}

/** `\\tfrac{1}{n}\\sum ` for a mean over n > 1 entries, `\\sum ` for a sum, nothing for one entry. */
function meanOf(attrs: OpAttrs): string {
  const n = entriesOf(recordedShapes(attrs).inputs[0]);
  if (n === 1) return "";
  if (attrs.reduction === "none") return "";
  return attrs.reduction === "sum" ? "\\textstyle\\sum " : `\\tfrac{1}{${n}}\\textstyle\\sum `;
}

function twoOver(attrs: OpAttrs): string {
  const n = entriesOf(recordedShapes(attrs).inputs[0]);
  return attrs.reduction === "sum" || attrs.reduction === "none" || n === 1
    ? "2"
    : `\\tfrac{2}{${n}}`;
}

// F.mseLoss: (1/n) Σ (a − b)² (or the plain sum); ∂/∂a = (2/n)(a − b), ∂/∂b = −(2/n)(a − b).
export const MSE_LOSS: OpDefinition = {
  name: "mseLoss",
  forward: mseLoss,
  rules: [mseRule],
  replay: (xs, at) =>
    mseLoss(replayInput(xs, 0), replayInput(xs, 1), at.reduction === "sum" ? "sum" : "mean"),
  tex: {
    forward: (a, attrs, n) => `${meanOf(attrs)}(${n.unwrap(a[0] ?? "")} - ${a[1]})^{2}`,
    local: () => null,
    term: (i, up, a, _out, attrs, n) =>
      n.times(`${i === 0 ? "" : "-"}${twoOver(attrs)}(${n.unwrap(a[0] ?? "")} - ${a[1]})`, up),
  },
  words: ["MSE", "mean squared error"],
  elementwise: false,
};
