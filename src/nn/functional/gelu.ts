// GELU (Hendrycks & Gimpel, 2016), the transformer's activation: x weighted by the chance that a
// standard normal falls below it, GELU(x) = x·Φ(x) = x·(1 + erf(x/√2))/2, with
// GELU′(x) = Φ(x) + x·φ(x) — torch.nn.functional.gelu with approximate="none".
import { defineUnary, exp, type Tensor, type TensorLike, toTensor } from "../../tensor/index.ts";
import { erf } from "./erf.ts";

const SQRT_HALF = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** d[k] = GELU′(x[k]) = Φ(x) + x·φ(x). */
function geluPrime(x: Float64Array, d: Float64Array): void {
  for (let k = 0; k < x.length; k++) {
    const v = x[k];
    d[k] = 0.5 * (1 + erf(v * SQRT_HALF)) + v * INV_SQRT_2PI * Math.exp(-0.5 * v * v);
  }
}

// GELU′(x) = Φ(x) + x·φ(x) as an op of its own, so a createGraph backward through GELU records
// it; its derivative is GELU″(x) = φ(x)(2 − x²), written with recorded ops for higher orders.
export const GELU_GRAD_OP = defineUnary({
  name: "geluGrad",
  reads: "x",
  forward: geluPrime,
  derivative(x, _y, d) {
    for (let k = 0; k < x.length; k++) {
      const v = x[k];
      d[k] = INV_SQRT_2PI * Math.exp(-0.5 * v * v) * (2 - v * v);
    }
  },
  gradGraph: (x) => exp(x.mul(x).mul(-0.5)).mul(INV_SQRT_2PI).mul(x.mul(x).neg().add(2)),
  tex: {
    forward: (x, _at, n) => `\\Phi(${n.unwrap(x)}) + ${n.unwrap(x)}\\,\\varphi(${n.unwrap(x)})`,
    local: (x, _out, _at, n) => `\\varphi(${n.unwrap(x)})\\,(2 - ${n.raise(n.unwrap(x), "2")})`,
  },
  words: ["GELU′", "derivative of GELU"],
});

export const GELU_OP = defineUnary({
  name: "gelu",
  reads: "x",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = 0.5 * x[k] * (1 + erf(x[k] * SQRT_HALF));
  },
  derivative: (x, _y, d) => geluPrime(x, d),
  gradGraph: (x) => GELU_GRAD_OP.op(x),
  tex: {
    forward: (x, _at, n) => `\\operatorname{GELU}(${n.unwrap(x)})`,
    local: (x, _out, _at, n) => `\\Phi(${n.unwrap(x)}) + ${n.unwrap(x)}\\,\\varphi(${n.unwrap(x)})`,
  },
  words: ["GELU", "GELU"],
});

/**
 * `F.gelu(x)`: x·Φ(x), Φ the standard normal's distribution function. `{ approximate: "tanh" }`
 * gives the tanh form ½x(1 + tanh(√(2/π)(x + 0.044715x³))), as PyTorch's option of that name.
 */
export function gelu(x: TensorLike, options: { approximate?: "none" | "tanh" } = {}): Tensor {
  const approximate = options.approximate ?? "none";
  if (approximate === "none") return GELU_OP.op(x);
  if (approximate !== "tanh") {
    throw new Error(
      `gelu: approximate must be "none" or "tanh", found ${JSON.stringify(approximate)}`,
    );
  }
  const t = toTensor(x, "gelu", "the input");
  const inner = t.add(t.pow(3).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
  return t.mul(0.5).mul(inner.tanh().add(1));
}
