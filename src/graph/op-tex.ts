// How each op is written in the equations: the forward right-hand side, the local derivative
// ∂out/∂argᵢ, and (where it is not a plain element-wise product) how the upstream gradient is
// carried back. The same template serves symbols and numbers: pass labels or values as `a`.

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

/** `base^{p}`, braced when the base already has a superscript (`{a^{(1)}_{2}}^{2}`). */
export function raise(base: string, p: string): string {
  return base.includes("^") && !/^\(.*\)$/.test(base) ? `{${base}}^{${p}}` : `${base}^{${p}}`;
}

const powerTex = raise;

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

function sizeOf(attrs: Readonly<Record<string, unknown>>): number {
  const shapes = attrs.inputShapes as readonly (readonly number[])[] | undefined;
  return (shapes?.[0] ?? []).reduce((p, n) => p * n, 1);
}

/** `\tfrac{1}{n}\sum ` for a mean over n > 1 entries, `\sum ` for a sum, nothing for one entry. */
function meanOf(attrs: Readonly<Record<string, unknown>>): string {
  const n = sizeOf(attrs);
  if (n === 1) return "";
  return attrs.reduction === "sum" ? "\\textstyle\\sum " : `\\tfrac{1}{${n}}\\textstyle\\sum `;
}

function twoOver(attrs: Readonly<Record<string, unknown>>): string {
  const n = sizeOf(attrs);
  return attrs.reduction === "sum" || n === 1 ? "2" : `\\tfrac{2}{${n}}`;
}

/** TeX rules by op name. Ops missing here are written as `\operatorname{op}(…)`. */
export const OP_TEX: Readonly<Record<string, OpTex>> = {
  add: { forward: (a) => `${a[0]} + ${a[1]}`, local: () => "1" },
  sub: { forward: (a) => `${a[0]} - ${a[1]}`, local: (i) => (i === 0 ? "1" : "-1") },
  mul: { forward: (a) => `${a[0]} \\cdot ${a[1]}`, local: (i, a) => a[1 - i] ?? "" },
  div: {
    forward: (a) => `\\frac{${a[0]}}{${a[1]}}`,
    local: (i, a) =>
      i === 0 ? `\\frac{1}{${a[1]}}` : `-\\frac{${a[0]}}{${raise(a[1] ?? "", "2")}}`,
  },
  neg: unary(
    (x) => `-${x}`,
    () => "-1",
  ),
  pow: {
    forward: (a, attrs) => powerTex(a[0] ?? "", a[1] ?? String(exponentOf(attrs) ?? "p")),
    local: (i, a, out, attrs) => {
      if (i === 1) return `${out} \\ln ${a[0]}`;
      const p = exponentOf(attrs);
      if (a.length > 1) return `${a[1]} ${powerTex(a[0] ?? "", `${a[1]} - 1`)}`;
      if (p === 2) return `2 ${a[0]}`;
      if (p !== undefined) return `${p} ${powerTex(a[0] ?? "", String(p - 1))}`;
      return `p ${powerTex(a[0] ?? "", "p - 1")}`;
    },
  },
  square: unary(
    (x) => raise(x, "2"),
    (x) => `2 ${x}`,
  ),
  sqrt: unary(
    (x) => `\\sqrt{${x}}`,
    (_x, out) => `\\frac{1}{2 ${out}}`,
  ),
  exp: unary(
    (x) => `e^{${x}}`,
    (_x, out) => out,
  ),
  log: unary(
    (x) => `\\ln ${x}`,
    (x) => `\\frac{1}{${x}}`,
  ),
  abs: unary(
    (x) => `\\lvert ${x} \\rvert`,
    (x) => `\\operatorname{sign}(${x})`,
  ),
  tanh: unary(
    (x) => `\\tanh ${x}`,
    (_x, out) => `1 - ${raise(out, "2")}`,
  ),
  sigmoid: unary(
    (x) => `\\sigma(${x})`,
    (_x, out) => `${out}(1 - ${out})`,
  ),
  relu: unary(
    (x) => `\\operatorname{ReLU}(${x})`,
    (x) => `\\mathbb{1}[${x} > 0]`,
  ),
  leakyRelu: {
    forward: (a, attrs) => `\\operatorname{LReLU}_{${String(attrs.slope ?? 0.01)}}(${a[0]})`,
    local: (_i, a, _out, attrs) => `(${a[0]} > 0 \\;?\\; 1 : ${String(attrs.slope ?? 0.01)})`,
  },
  matmul: {
    forward: (a) => `${a[0]} ${a[1]}`,
    local: () => null,
    // C = AB: ∂L/∂A = (∂L/∂C) Bᵀ, ∂L/∂B = Aᵀ (∂L/∂C).
    term: (i, up, a) =>
      i === 0 ? `${up}\\, ${raise(a[1] ?? "", "\\top")}` : `${raise(a[0] ?? "", "\\top")} ${up}`,
  },
  sum: {
    forward: (a, attrs) => `\\textstyle\\sum${axisText(attrs)} ${a[0]}`,
    local: () => null,
    term: (_i, up) => `\\mathbf{1}\\, ${up}`,
  },
  mean: {
    forward: (a, attrs) => `\\operatorname{mean}${axisText(attrs)} ${a[0]}`,
    local: () => null,
    term: (_i, up) => `\\tfrac{1}{n}\\, \\mathbf{1}\\, ${up}`,
  },
  max: {
    forward: (a, attrs) => `\\max${axisText(attrs)} ${a[0]}`,
    local: () => null,
    term: (_i, up) => `\\mathbb{1}[\\text{argmax}]\\, ${up}`,
  },
  expand: {
    forward: (a) => `\\operatorname{expand}(${a[0]})`,
    local: () => null,
    term: (_i, up) => `\\textstyle\\sum_{\\text{copies}} ${up}`,
  },
  // F.linear / nn.Linear: y = x Wᵀ + b; ∂L/∂x = G W, ∂L/∂W = Gᵀ x, ∂L/∂b = Σ_rows G.
  linear: {
    forward: (a) => `${a[0]} ${raise(a[1] ?? "", "\\top")}${a.length > 2 ? ` + ${a[2]}` : ""}`,
    local: () => null,
    term: (i, up, a) =>
      i === 0
        ? `${up}\\, ${a[1]}`
        : i === 1
          ? `${raise(up, "\\top")} ${a[0]}`
          : `\\textstyle\\sum_{\\text{rows}} ${up}`,
  },
  // F.mseLoss: (1/n) Σ (a − b)² (or the plain sum); ∂/∂a = (2/n)(a − b), ∂/∂b = −(2/n)(a − b).
  mseLoss: {
    forward: (a, attrs) => `${meanOf(attrs)}(${a[0]} - ${a[1]})^{2}`,
    local: () => null,
    term: (i, up, a, _out, attrs) =>
      `${i === 0 ? "" : "-"}${twoOver(attrs)}(${a[0]} - ${a[1]})\\, ${up}`,
  },
  transpose: {
    forward: (a) => raise(a[0] ?? "", "\\top"),
    local: () => null,
    term: (_i, up) => raise(up, "\\top"),
  },
  reshape: {
    forward: (a) => `\\operatorname{reshape}(${a[0]})`,
    local: () => null,
    term: (_i, up) => `\\operatorname{reshape}(${up})`,
  },
};

/** Rules for `op`, with a generic fallback that names the op and writes partial derivatives. */
export function opTex(op: string): OpTex {
  const rule = OP_TEX[op];
  if (rule) return rule;
  const name = `\\operatorname{${op.replace(/[^A-Za-z0-9]/g, "")}}`;
  return {
    forward: (a) => `${name}(${a.join(", ")})`,
    local: (i, a, out) => `\\frac{\\partial ${out}}{\\partial ${a[i]}}`,
  };
}
