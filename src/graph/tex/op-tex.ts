// How each op is written in the equations: the forward right-hand side, the local derivative
// ∂out/∂argᵢ, and (where it is not a plain element-wise product) how the upstream gradient is
// carried back. The same template serves symbols and numbers: pass labels or values as `a`
// (already parenthesised as factors; a rule unwraps an argument where it stands delimited).
import { texNumber } from "../model/format.ts";
import { raise, times, transposed, unwrap } from "./tex-parts.ts";

/** One op's TeX rules. `a` are the arguments (already parenthesised), `out` the output. */
export interface OpTex {
  /** Right-hand side of `out = …`. */
  forward(a: readonly string[], attrs: Readonly<Record<string, unknown>>): string;
  /** ∂out/∂aᵢ in symbols; null when the op is not element-wise (then `term` says it all). */
  local(
    i: number,
    a: readonly string[],
    out: string,
    attrs: Readonly<Record<string, unknown>>,
  ): string | null;
  /** ∂L/∂aᵢ as written from the upstream `up` = ∂L/∂out, for ops that are not element-wise. */
  term?(
    i: number,
    up: string,
    a: readonly string[],
    out: string,
    attrs: Readonly<Record<string, unknown>>,
  ): string;
}

function exponentOf(attrs: Readonly<Record<string, unknown>>): number | undefined {
  for (const key of ["exponent", "p", "power"]) {
    const v = attrs[key];
    if (typeof v === "number") return v;
  }
  return undefined;
}

const unary = (
  forward: (x: string) => string,
  local: (x: string, out: string) => string,
): OpTex => ({
  forward: (a) => forward(a[0] ?? ""),
  local: (_i, a, out) => local(a[0] ?? "", out),
});

function axisText(attrs: Readonly<Record<string, unknown>>): string {
  const axis = attrs.axis ?? attrs.dim;
  return axis === undefined || axis === null ? "" : `_{\\text{axis }${String(axis)}}`;
}

const sizeOfShape = (shape: readonly number[] | undefined): number =>
  (shape ?? []).reduce((p, n) => p * n, 1);

function sizeOf(attrs: Readonly<Record<string, unknown>>): number {
  const shapes = attrs.inputShapes as readonly (readonly number[])[] | undefined;
  return sizeOfShape(shapes?.[0]);
}

/** Entries averaged into each output entry of a mean: input size over output size. */
function meanCount(attrs: Readonly<Record<string, unknown>>): number {
  const out = attrs.outputShape as readonly number[] | undefined;
  return Math.round(sizeOf(attrs) / Math.max(1, sizeOfShape(out)));
}

/** Rows of the first argument (1 for a vector): the examples nn.Linear sums its bias over. */
function rowsOf(attrs: Readonly<Record<string, unknown>>): number {
  const shapes = attrs.inputShapes as readonly (readonly number[])[] | undefined;
  const x = shapes?.[0] ?? [];
  return x.length > 1 ? sizeOfShape(x.slice(0, -1)) : 1;
}

/** `\tfrac{1}{n}\sum ` for a mean over n > 1 entries, `\sum ` for a sum, nothing for one entry. */
function meanOf(attrs: Readonly<Record<string, unknown>>): string {
  const n = sizeOf(attrs);
  if (n === 1) return "";
  if (attrs.reduction === "none") return "";
  return attrs.reduction === "sum" ? "\\textstyle\\sum " : `\\tfrac{1}{${n}}\\textstyle\\sum `;
}

function twoOver(attrs: Readonly<Record<string, unknown>>): string {
  const n = sizeOf(attrs);
  return attrs.reduction === "sum" || attrs.reduction === "none" || n === 1
    ? "2"
    : `\\tfrac{2}{${n}}`;
}

/** p x^{p−1} for a constant exponent, with the coefficient as a lecturer writes it. */
function powerLocal(x: string, p: number | undefined): string {
  if (p === undefined) return `p\\, ${raise(x, "p - 1")}`;
  if (p === 2) return `2 ${x}`;
  if (p === 1) return "1";
  const rest = raise(x, texNumber(p - 1));
  if (p === -1) return `-${rest}`;
  return `${texNumber(p)}\\, ${rest}`;
}

/** TeX rules by op name. Ops missing here are written as `\operatorname{op}(…)`. */
export const OP_TEX: Readonly<Record<string, OpTex>> = {
  add: { forward: (a) => `${unwrap(a[0] ?? "")} + ${a[1]}`, local: () => "1" },
  sub: {
    forward: (a) => `${unwrap(a[0] ?? "")} - ${a[1]}`,
    local: (i) => (i === 0 ? "1" : "-1"),
  },
  mul: { forward: (a) => `${a[0]} \\cdot ${a[1]}`, local: (i, a) => a[1 - i] ?? "" },
  div: {
    forward: (a) => `\\frac{${unwrap(a[0] ?? "")}}{${unwrap(a[1] ?? "")}}`,
    local: (i, a) =>
      i === 0
        ? `\\frac{1}{${unwrap(a[1] ?? "")}}`
        : `-\\frac{${unwrap(a[0] ?? "")}}{${raise(a[1] ?? "", "2")}}`,
  },
  neg: unary(
    (x) => `-${x}`,
    () => "-1",
  ),
  pow: {
    forward: (a, attrs) => {
      const p = exponentOf(attrs);
      return raise(a[0] ?? "", a[1] ? unwrap(a[1]) : p === undefined ? "p" : texNumber(p));
    },
    local: (i, a, out, attrs) => {
      if (i === 1) return `${out} \\ln ${a[0]}`;
      if (a.length > 1) return `${a[1]}\\, ${raise(a[0] ?? "", `${unwrap(a[1] ?? "")} - 1`)}`;
      return powerLocal(a[0] ?? "", exponentOf(attrs));
    },
  },
  square: unary(
    (x) => raise(x, "2"),
    (x) => `2 ${x}`,
  ),
  sqrt: unary(
    (x) => `\\sqrt{${unwrap(x)}}`,
    (_x, out) => `\\frac{1}{2 ${out}}`,
  ),
  exp: unary(
    (x) => `e^{${unwrap(x)}}`,
    (_x, out) => out,
  ),
  log: unary(
    (x) => `\\ln ${x}`,
    (x) => `\\frac{1}{${unwrap(x)}}`,
  ),
  abs: unary(
    (x) => `\\lvert ${unwrap(x)} \\rvert`,
    (x) => `\\operatorname{sign}(${unwrap(x)})`,
  ),
  tanh: unary(
    (x) => `\\tanh ${x}`,
    (_x, out) => `1 - ${raise(out, "2")}`,
  ),
  sigmoid: unary(
    (x) => `\\sigma(${unwrap(x)})`,
    (_x, out) => `${out}(1 - ${out})`,
  ),
  relu: unary(
    (x) => `\\operatorname{ReLU}(${unwrap(x)})`,
    (x) => `\\mathbb{1}[${unwrap(x)} > 0]`,
  ),
  leakyRelu: {
    forward: (a, attrs) =>
      `\\operatorname{LReLU}_{${texNumber(slopeOf(attrs))}}(${unwrap(a[0] ?? "")})`,
    local: (_i, a, _out, attrs) =>
      `(${unwrap(a[0] ?? "")} > 0 \\;?\\; 1 : ${texNumber(slopeOf(attrs))})`,
  },
  matmul: {
    forward: (a) => times(a[0] ?? "", a[1] ?? ""),
    local: () => null,
    // C = AB: ∂L/∂A = (∂L/∂C) Bᵀ, ∂L/∂B = Aᵀ (∂L/∂C).
    term: (i, up, a) =>
      i === 0 ? times(up, transposed(a[1] ?? "")) : times(transposed(a[0] ?? ""), up),
  },
  sum: {
    forward: (a, attrs) => `\\textstyle\\sum${axisText(attrs)} ${a[0]}`,
    local: () => null,
    term: (_i, up) => times("\\mathbf{1}", up),
  },
  mean: {
    forward: (a, attrs) => `\\operatorname{mean}${axisText(attrs)} ${a[0]}`,
    local: () => null,
    term: (_i, up, _a, _out, attrs) => times(`\\tfrac{1}{${meanCount(attrs)}}\\, \\mathbf{1}`, up),
  },
  max: {
    forward: (a, attrs) => `\\max${axisText(attrs)} ${a[0]}`,
    local: () => null,
    term: (_i, up) => times("\\mathbb{1}[\\text{argmax}]", up),
  },
  expand: {
    forward: (a) => `\\operatorname{expand}(${unwrap(a[0] ?? "")})`,
    local: () => null,
    term: (_i, up) => `\\textstyle\\sum_{\\text{copies}} ${up}`,
  },
  // F.linear / nn.Linear: y = x Wᵀ + b; ∂L/∂x = G W, ∂L/∂W = Gᵀ x, ∂L/∂b = Σ_rows G.
  linear: {
    forward: (a) =>
      `${times(a[0] ?? "", transposed(a[1] ?? ""))}${a.length > 2 ? ` + ${a[2]}` : ""}`,
    local: () => null,
    term: (i, up, a, _out, attrs) => {
      if (i === 0) return times(up, a[1] ?? "");
      if (i === 1) return times(transposed(up), a[0] ?? "");
      return rowsOf(attrs) > 1 ? `\\textstyle\\sum_{\\text{rows}} ${up}` : up;
    },
  },
  // F.mseLoss: (1/n) Σ (a − b)² (or the plain sum); ∂/∂a = (2/n)(a − b), ∂/∂b = −(2/n)(a − b).
  mseLoss: {
    forward: (a, attrs) => `${meanOf(attrs)}(${unwrap(a[0] ?? "")} - ${a[1]})^{2}`,
    local: () => null,
    term: (i, up, a, _out, attrs) =>
      times(`${i === 0 ? "" : "-"}${twoOver(attrs)}(${unwrap(a[0] ?? "")} - ${a[1]})`, up),
  },
  transpose: {
    forward: (a) => transposed(a[0] ?? ""),
    local: () => null,
    term: (_i, up) => transposed(up),
  },
  reshape: {
    forward: (a) => `\\operatorname{reshape}(${unwrap(a[0] ?? "")})`,
    local: () => null,
    term: (_i, up) => `\\operatorname{reshape}(${unwrap(up)})`,
  },
};

function slopeOf(attrs: Readonly<Record<string, unknown>>): number {
  return typeof attrs.slope === "number" ? attrs.slope : 0.01;
}

/** Rules for `op`, with a generic fallback that names the op and writes partial derivatives. */
export function opTex(op: string): OpTex {
  const rule = OP_TEX[op];
  if (rule) return rule;
  const name = `\\operatorname{${op.replace(/[^A-Za-z0-9]/g, "")}}`;
  return {
    forward: (a) => `${name}(${a.map(unwrap).join(", ")})`,
    local: (i, a, out) => `\\frac{\\partial ${out}}{\\partial ${a[i]}}`,
  };
}
