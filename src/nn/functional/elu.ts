// ELU (Clevert et al., 2016): x for x > 0, α(eˣ − 1) below, so negative inputs saturate at −α
// instead of dying as ReLU's do. ELU′(x) = 1 for x > 0, else α·eˣ (= ELU(x) + α), as PyTorch.
import {
  defineUnary,
  numberAttr,
  type OpAttrs,
  type Tensor,
  type TensorLike,
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
