// The two checks every op table runs: reverse mode against central differences, and forward
// mode (jvp) against reverse mode.
import assert from "node:assert/strict";
import { gradcheck, jvp, type Tensor, tensor } from "../../src/index.ts";
import { filled } from "./helpers.ts";
import type { OpInstance } from "./op-cases.ts";

const TOL = { eps: 1e-6, tol: 1e-6 };

/** Passes when backward agrees with central differences on every input element. */
export function gradientsMatch({ f, inputs, label }: OpInstance): void {
  const report = gradcheck(f, inputs, TOL);
  assert.ok(report.ok, `${label}: ${report.op}\n${report.toString()}`);
}

function dot(a: Tensor, b: Tensor): number {
  let s = 0;
  for (let k = 0; k < a.data.length; k++) s += a.data[k] * b.data[k];
  return s;
}

/**
 * Passes when forward mode agrees with reverse mode: for random tangents t and output weights
 * u, uᵀ(J t) from jvp equals (Jᵀ u)ᵀ t from backward.
 */
export function forwardMatchesReverse({ f, inputs, seed, label }: OpInstance): void {
  const tangents = inputs.map((x, i) => filled(x.shape, seed + 100 + i).detach());
  const { value, tangent } = jvp(f, inputs, tangents);
  assert.deepEqual(tangent.shape, value.shape, `${label}: the tangent has the output's shape`);
  const u = filled(value.shape, seed + 200).detach();
  const leaves = inputs.map((x) => tensor(x, { requiresGrad: true }));
  const out = f(...leaves);
  assert.deepEqual(Array.from(value.data), Array.from(out.data), `${label}: jvp's value is f's`);
  out.backward(u);
  const forward = dot(u, tangent);
  const reverse = leaves.reduce(
    (s, l, i) => s + (l.grad === null ? 0 : dot(l.grad, tangents[i])),
    0,
  );
  assert.ok(
    Math.abs(forward - reverse) <= 1e-9 * Math.max(1, Math.abs(reverse)),
    `${label}: forward mode gives ${forward}, reverse mode ${reverse}`,
  );
}
