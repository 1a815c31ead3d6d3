// `pow` takes a number exponent (the common x², recorded as one input with attrs
// `{ exponent: 2 }`) or a tensor exponent (two inputs, broadcasting). Both record "pow", so
// its one definition holds both rules and writes both forms.
import type { TensorLike } from "../op.ts";
import { type Notation, type OpAttrs, type OpDefinition, replayInput } from "../op-definition.ts";
import type { Tensor } from "../tensor.ts";
import { powTensor, powTensorRule } from "./binary.ts";
import { POW_SCALAR_OP, powScalar } from "./unary.ts";

/** xᵉ element-wise; `e` a number or a tensor (broadcast against x). */
export function pow(x: TensorLike, e: TensorLike): Tensor {
  return typeof e === "number" ? powScalar(x, e) : powTensor(x, e);
}

function exponentOf(attrs: OpAttrs): number | undefined {
  for (const key of ["exponent", "p", "power"]) {
    const v = attrs[key];
    if (typeof v === "number") return v;
  }
  return undefined;
}

/** p x^{p−1} for a constant exponent, with the coefficient as a lecturer writes it. */
function powerLocal(x: string, p: number | undefined, n: Notation): string {
  if (p === undefined) return `p\\, ${n.raise(x, "p - 1")}`;
  if (p === 2) return `2 ${x}`;
  if (p === 1) return "1";
  const rest = n.raise(x, n.texNumber(p - 1));
  if (p === -1) return `-${rest}`;
  return `${n.texNumber(p)}\\, ${rest}`;
}

export const POW: OpDefinition = {
  name: "pow",
  forward: pow,
  // A getter: tensor.ts imports this file while binary.ts (and its rule) is still loading.
  get rules() {
    return [...POW_SCALAR_OP.definition.rules, powTensorRule];
  },
  replay: (xs, attrs) =>
    xs.length === 2
      ? powTensor(replayInput(xs, 0), replayInput(xs, 1))
      : powScalar(replayInput(xs, 0), exponentOf(attrs) ?? 1),
  tex: {
    forward: (a, attrs, n) => {
      const p = exponentOf(attrs);
      return n.raise(a[0] ?? "", a[1] ? n.unwrap(a[1]) : p === undefined ? "p" : n.texNumber(p));
    },
    local: (i, a, out, attrs, n) => {
      if (i === 1) return `${out} \\ln ${a[0]}`;
      if (a.length > 1) return `${a[1]}\\, ${n.raise(a[0] ?? "", `${n.unwrap(a[1] ?? "")} - 1`)}`;
      return powerLocal(a[0] ?? "", exponentOf(attrs), n);
    },
  },
  // By its exponent: 2 → square, 3 → cube, ½ → square root, −1 → reciprocal.
  words: (attrs, n) => {
    const p = attrs.exponent;
    if (typeof p !== "number") return ["power", "power"];
    if (p === 2) return ["square", "square"];
    if (p === 3) return ["cube", "cube"];
    if (p === 0.5) return ["square root", "square root"];
    if (p === -1) return ["1/x", "reciprocal"];
    return [`power ${n.formatNumber(p)}`, `power ${n.formatNumber(p)}`];
  },
  elementwise: true,
};
