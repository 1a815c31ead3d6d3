// Softplus: the smooth ReLU, softplus(x) = (1/β)·log(1 + e^(βx)), whose derivative is the
// sigmoid σ(βx). As in PyTorch, where βx > threshold (20 by default) it returns x itself (the
// two differ by < 1e-9 there). Written as max(βx, 0) + log1p(e^(−|βx|)) so neither a large
// threshold (no overflow) nor a large negative x (no lost digits) spoils it.
import {
  defineUnary,
  describeValue,
  numberAttr,
  type OpAttrs,
  sigmoid,
  Tensor,
  type TensorLike,
  where,
} from "../../tensor/index.ts";

const betaOf = (attrs: OpAttrs): number => numberAttr(attrs, "beta") ?? 1;

export const SOFTPLUS_OP = defineUnary({
  name: "softplus",
  param: "beta",
  param2: "threshold",
  reads: "x",
  forward(x, y, beta, threshold) {
    for (let k = 0; k < x.length; k++) {
      const bx = beta * x[k];
      y[k] = bx > threshold ? x[k] : (Math.max(bx, 0) + Math.log1p(Math.exp(-Math.abs(bx)))) / beta;
    }
  },
  derivative(x, _y, d, beta, threshold) {
    for (let k = 0; k < x.length; k++) {
      const bx = beta * x[k];
      d[k] = bx > threshold ? 1 : 1 / (1 + Math.exp(-bx));
    }
  },
  // f′ = σ(βx) below the threshold, 1 above it (f″ = β σ(1 − σ), or 0)
  gradGraph(x, _y, beta, threshold) {
    const linear = new Tensor(
      x.data.map((v) => (beta * v > threshold ? 1 : 0)),
      x.shape,
    );
    return where(linear, 1, sigmoid(x.mul(beta)));
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

/**
 * `F.softplus(x, beta = 1, threshold = 20)`: (1/β)·log(1 + e^(βx)), and x itself where
 * βx > threshold, as torch.nn.functional.softplus.
 */
export function softplus(x: TensorLike, beta = 1, threshold = 20): Tensor {
  if (typeof beta !== "number" || !(beta > 0))
    throw new Error(`softplus: beta must be a number > 0, found ${describeValue(beta)}`);
  if (typeof threshold !== "number" || Number.isNaN(threshold))
    throw new Error(`softplus: threshold must be a number, found ${describeValue(threshold)}`);
  return SOFTPLUS_OP.op(x, beta, threshold);
}
