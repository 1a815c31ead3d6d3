// GELU (Hendrycks & Gimpel, 2016), the transformer's activation: x weighted by the chance that a
// standard normal falls below it, GELU(x) = x·Φ(x) = x·(1 + erf(x/√2))/2, with
// GELU′(x) = Φ(x) + x·φ(x) — torch.nn.functional.gelu with approximate="none".
import { defineUnary, type Tensor, type TensorLike, toTensor } from "../../tensor/index.ts";
import { erf } from "./erf.ts";

const SQRT_HALF = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

export const GELU_OP = defineUnary({
  name: "gelu",
  reads: "x",
  forward(x, y) {
    for (let k = 0; k < x.length; k++) y[k] = 0.5 * x[k] * (1 + erf(x[k] * SQRT_HALF));
  },
  derivative(x, _y, d) {
    for (let k = 0; k < x.length; k++) {
      const v = x[k];
      d[k] = 0.5 * (1 + erf(v * SQRT_HALF)) + v * INV_SQRT_2PI * Math.exp(-0.5 * v * v);
    }
  },
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
