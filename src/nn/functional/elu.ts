// ELU (Clevert et al., 2016): x for x > 0, α(eˣ − 1) below, so negative inputs saturate at −α
// instead of dying as ReLU's do. ELU′(x) = 1 for x > 0, else α·eˣ (= ELU(x) + α), as PyTorch.
import {
  clamp,
  defineUnary,
  exp,
  numberAttr,
  type OpAttrs,
  Tensor,
  type TensorLike,
  where,
} from "../../tensor/index.ts";

const alphaOf = (attrs: OpAttrs): number => numberAttr(attrs, "alpha") ?? 1;

export const ELU_OP = defineUnary({
  name: "elu",
  param: "alpha",
  reads: "x",
  forward(x, y, alpha) {
    for (let k = 0; k < x.length; k++) y[k] = x[k] > 0 ? x[k] : alpha * Math.expm1(x[k]);
  },
  derivative(x, _y, d, alpha) {
    for (let k = 0; k < x.length; k++) d[k] = x[k] > 0 ? 1 : alpha * Math.exp(x[k]);
  },
  // f′ recorded: 1 or α·e^min(x, 0) (the min keeps e^x finite on the side where does not take
  // it, whose zero gradient would otherwise meet an infinite e^x as 0·∞ = NaN)
  gradGraph(x, _y, alpha) {
    const positive = new Tensor(
      x.data.map((v) => (v > 0 ? 1 : 0)),
      x.shape,
    );
    return where(positive, 1, exp(clamp(x, -Infinity, 0)).mul(alpha));
  },
  tex: {
    forward: (x, at, n) => `\\operatorname{ELU}_{${n.texNumber(alphaOf(at))}}(${n.unwrap(x)})`,
    local: (x, _out, at, n) =>
      `(${n.unwrap(x)} > 0 \\;?\\; 1 : ${n.texNumber(alphaOf(at))}\\,e^{${n.unwrap(x)}})`,
  },
  words: ["ELU", "ELU"],
});

/** `F.elu(x, alpha = 1)`: x for x > 0, α(eˣ − 1) otherwise. */
export function elu(x: TensorLike, alpha = 1): Tensor {
  return ELU_OP.op(x, alpha);
}
