// Chapter 10's eigenvalue and hinge cells, recomputed from the chapter: the minus-distance
// "kernel" has a negative eigenvalue and the real kernels none, the linear kernel's Gram matrix
// has rank two (four zero eigenvalues), and the hinge's autograd slopes are −1, 0 and 0 at
// margins 0.5, 1 (the corner) and 1.5.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { tensor } from "../../src/index.ts";

const markdown = readFileSync(new URL("../../content/10-kernels.md", import.meta.url), "utf8");
const cells = [...markdown.matchAll(/^```js[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
const cell = (marker: string): string => {
  const found = cells.find((c) => c.includes(marker));
  assert.ok(found, `chapter 10 no longer has a cell with "${marker}"`);
  return found;
};
const page = { html: () => "", display: () => undefined, tensor };

/** The Gram matrix cell and the eigenvalue cell, run for one choice of the kernel menu. */
function eigenvaluesFor(kernelPick: string): number[] {
  const builtins = { ...page, kernelPick };
  // The chapter's own cells, run as a function body the way the page runs them.
  return new Function(
    ...Object.keys(builtins),
    `${cell("function eigenvalues")}\n${cell("const gramPoints")}\nreturn eigenvalues(gram);`,
  )(...Object.values(builtins));
}

test("chapter 10: only the minus-distance function has a negative eigenvalue", () => {
  const kernels = ["linear", "polynomial (p = 2)", "RBF (ℓ = 1)", "sum: linear + RBF"];
  for (const k of kernels) {
    const smallest = Math.min(...eigenvaluesFor(k));
    assert.ok(smallest > -1e-9, `${k}: smallest eigenvalue ${smallest}`);
  }
  assert.ok(Math.min(...eigenvaluesFor("not a kernel: −‖x − x′‖²")) < -1);
  const linear = eigenvaluesFor("linear");
  assert.equal(linear.filter((v) => Math.abs(v) < 1e-9).length, 4, `linear: ${linear}`);
  assert.ok(Math.min(...eigenvaluesFor("RBF (ℓ = 1)")) > 0.01);
});

test("chapter 10: the hinge's slopes on each side of the corner and at it", () => {
  const builtins = page;
  const grads = new Function(
    ...Object.keys(builtins),
    `${cell("const hingeGrads")}\nreturn hingeGrads;`,
  )(...Object.values(builtins)) as { z: number; g: number }[];
  assert.deepEqual(
    grads.map((r) => [r.z, r.g + 0]),
    [
      [0.5, -1],
      [1, 0],
      [1.5, 0],
    ],
  );
});
