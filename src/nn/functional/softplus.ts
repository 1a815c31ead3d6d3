// Softplus: the smooth ReLU, softplus(x) = (1/β)·log(1 + e^(βx)), whose derivative is the
// sigmoid σ(βx). As in PyTorch, where βx > 20 it returns x itself (the two differ by < 1e-9
// there); log1p keeps it exact for large negative x, where e^(βx) is tiny.
import {
  defineUnary,
  describeValue,
  numberAttr,
  type OpAttrs,
  type Tensor,
  type TensorLike,
} from "../../tensor/index.ts";

const THRESHOLD = 20;
const betaOf = (attrs: OpAttrs): number => numberAttr(attrs, "beta") ?? 1;

export const SOFTPLUS_OP = defineUnary({
  name: "softplus",
  param: "beta",
  reads: "x",
  forward(x, y, beta) {
    for (let k = 0; k < x.length; k++) {
      const bx = beta * x[k];
      y[k] = bx > THRESHOLD ? x[k] : Math.log1p(Math.exp(bx)) / beta;
    }
  },
  derivative(x, _y, d, beta) {
    for (let k = 0; k < x.length; k++) {
      const bx = beta * x[k];
      d[k] = bx > THRESHOLD ? 1 : 1 / (1 + Math.exp(-bx));
    }
  },
  tex: {
    forward: (x, at, n) => {
      const beta = betaOf(at);
      return beta === 1
        ? `\\log(1 + e^{${n.unwrap(x)}})`
        : `\\tfrac{1}{${n.texNumber(beta)}}\\log(1 + e^{${n.texNumber(beta)}${n.unwrap(x)}})`;
    },
    local: (x, _out, at, n) => {
      const beta = betaOf(at);
      return `\\sigma(${beta === 1 ? "" : n.texNumber(beta)}${n.unwrap(x)})`;
    },
  },
  words: ["softplus", "softplus"],
});

/** `F.softplus(x, beta = 1)`: (1/β)·log(1 + e^(βx)), x itself where βx > 20. */
export function softplus(x: TensorLike, beta = 1): Tensor {
  if (!(beta > 0))
    throw new Error(`softplus: beta must be a number > 0, found ${describeValue(beta)}`);
  return SOFTPLUS_OP.op(x, beta);
}
