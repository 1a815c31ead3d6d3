// How each op is written in the equations: the forward right-hand side, the local derivative
// ∂out/∂argᵢ, and (where it is not a plain element-wise product) how the upstream gradient is
// carried back. The same template serves symbols and numbers: pass labels or values as `a`
// (already parenthesised as factors; a rule unwraps an argument where it stands delimited).
// The templates are the op registry's (each op's definition holds its TeX); this file binds
// them to the tex/ stage's notation.
import { operatorTex } from "../../tensor/op-definition.ts";
import { opDefinition } from "../model/op-definitions.ts";
import { NOTATION } from "./notation.ts";

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

const bound = new Map<string, OpTex>();

/** Rules for `op`, with a generic fallback that names the op and writes partial derivatives. */
export function opTex(op: string): OpTex {
  const known = bound.get(op);
  if (known) return known;
  const tex = opDefinition(op)?.tex ?? operatorTex(op);
  const { term } = tex;
  const rule: OpTex = {
    forward: (a, attrs) => tex.forward(a, attrs, NOTATION),
    local: (i, a, out, attrs) => tex.local(i, a, out, attrs, NOTATION),
    ...(term && { term: (i, up, a, out, attrs) => term(i, up, a, out, attrs, NOTATION) }),
  };
  bound.set(op, rule);
  return rule;
}
