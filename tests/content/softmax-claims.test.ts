// Chapter 4's softmax-and-cross-entropy section, run from its own cell: the naive formula
// breaks from a shift of 710 on, the log-sum-exp form never does, and the exercise's solution
// passes its own check.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { F, tensor } from "../../src/index.ts";
import { checkGradient } from "../../src/notebook/exercise/check-gradient.ts";

const markdown = readFileSync(
  new URL("../../content/04-mlp-outputs-losses.md", import.meta.url),
  "utf8",
);
const cells = [...markdown.matchAll(/^```js[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");

/** The section's cell at one slider position: the naive and the stable loss, and J. */
function atShift(shift: number): { naive: number; stable: number; jac: number[][] } {
  const source = cells.find((c) => c.includes("const stable = F.crossEntropy"));
  assert.ok(source, "chapter 4 no longer has the log-sum-exp cell");
  const builtins = { shift, tensor, F, html: () => null, display: () => undefined };
  // The chapter's own source text, run as a function body the way the page runs it.
  return new Function(...Object.keys(builtins), `${source}\nreturn { naive, stable, jac };`)(
    ...Object.values(builtins),
  );
}

describe("chapter 4: softmax and cross-entropy, backwards", () => {
  test("the naive formula works at a shift of 700 and gives NaN from 710 on", () => {
    assert.match(markdown, /From a shift of 710 on/);
    assert.ok(Number.isFinite(atShift(700).naive));
    assert.ok(Number.isNaN(atShift(710).naive));
    assert.ok(Number.isNaN(atShift(1000).naive));
  });

  test("log-sum-exp gives the same loss, and the Jacobian the same entries, at every shift", () => {
    const base = atShift(0);
    assert.ok(Math.abs(base.stable - 0.4076) < 1e-4, `loss ${base.stable}`);
    for (const shift of [10, 500, 710, 1000]) {
      const at = atShift(shift);
      assert.ok(Math.abs(at.stable - base.stable) < 1e-9, `shift ${shift}: ${at.stable}`);
      for (const [i, v] of at.jac.flat().entries()) {
        assert.ok(Math.abs(v - base.jac.flat()[i]) < 1e-9);
      }
    }
  });

  test("the Jacobian's rows sum to zero", () => {
    for (const row of atShift(0).jac) assert.ok(Math.abs(row.reduce((a, b) => a + b)) < 1e-12);
  });

  test("the exercise's solution passes its check, the starting code does not", () => {
    const solution = (s: ReturnType<typeof tensor>, up: ReturnType<typeof tensor>) =>
      s
        .softmax()
        .sub(tensor([0, 1, 0]))
        .mul(up);
    const forward = (s: ReturnType<typeof tensor>) => F.crossEntropy(s.reshape([1, 3]), [1]);
    assert.match(markdown, /return s\.softmax\(\)\.sub\(tensor\(\[0, 1, 0\]\)\)\.mul\(upstream\);/);
    assert.equal(checkGradient({ forward, backward: solution, shapes: [[3]] }).pass, true);
    const start = (s: ReturnType<typeof tensor>) => s.mul(0);
    assert.equal(checkGradient({ forward, backward: start, shapes: [[3]] }).pass, false);
  });
});
