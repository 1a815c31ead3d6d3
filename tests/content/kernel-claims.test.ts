// Chapter 10's eigenvalue and hinge cells, recomputed from the chapter: the minus-distance
// "kernel" has a negative eigenvalue and the real kernels none, the linear kernel's Gram matrix
// has rank two (four zero eigenvalues), and the hinge's autograd slopes are −1, 0 and 0 at
// margins 0.5, 1 (the corner) and 1.5.
import assert from "node:assert/strict";
import { test } from "node:test";
import { tensor } from "../../src/index.ts";
import { cellWith, runCells } from "./chapter-cells.ts";

const cell = (marker: string): string => cellWith("content/10-kernels.md", marker);
const page = { html: () => "", display: () => undefined, tensor };

/** The Gram matrix cell and the eigenvalue cell, run for one choice of the kernel menu. */
function eigenvaluesFor(kernelPick: string): number[] {
  return runCells(
    [cell("function eigenvalues"), cell("const gramPoints")],
    { ...page, kernelPick },
    "eigenvalues(gram)",
  );
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
  const grads = runCells<{ z: number; g: number }[]>(cell("const hingeGrads"), page, "hingeGrads");
  assert.deepEqual(
    grads.map((r) => [r.z, r.g + 0]),
    [
      [0.5, -1],
      [1, 0],
      [1.5, 0],
    ],
  );
});

test("chapter 10: a finite-difference check at the hinge's corner answers −0.5, the sides' average", () => {
  // The prose's claim, on the library's own hinge max(0, 1 − z) at the corner z = 1.
  const hinge = (z: number) => tensor(1).sub(tensor(z)).relu().item();
  for (const h of [1e-2, 1e-4, 1e-6]) {
    const central = (hinge(1 + h) - hinge(1 - h)) / (2 * h);
    assert.ok(Math.abs(central + 0.5) < 1e-9, `step ${h}: ${central}`);
  }
});
