// Chapter 2's numbers, recomputed: the ones its prose and predictions state as plain text (they
// cannot be ${…} there) against the library, and its cells run from the Markdown with the
// page's built-ins, so the table the prose reads from says what the prose says it does.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import * as core from "../../src/core.ts";
import { checkGradient } from "../../src/notebook/exercise/index.ts";
import { cellWith, runCells } from "./chapter-cells.ts";

const CHAPTER = "content/02-neurons-activations.md";
const markdown = readFileSync(new URL(`../../${CHAPTER}`, import.meta.url), "utf8");
const { F, linspace, tensor } = core;
const page = { ...core, html: () => "", display: () => undefined };

/** f′(z) by autograd, for a tensor function f. */
function slope(f: (t: core.Tensor) => core.Tensor, z: number): number {
  const t = tensor(z, { requiresGrad: true });
  f(t).backward();
  return t.grad?.item() ?? Number.NaN;
}

const near = (got: number, want: number, tol: number, what: string) =>
  assert.ok(Math.abs(got - want) <= tol, `${what}: ${got}, the text says ${want}`);

describe("chapter 2: the numbers its text states", () => {
  test("saturation at z = 5: sigmoid′ ≈ 0.0066, tanh′ ≈ 0.00018, 0.25⁵ ≈ 0.001", () => {
    assert.match(markdown, /sigmoid\}'\(5\) \\approx 0\.0066/);
    near(
      slope((t) => t.sigmoid(), 5),
      0.0066,
      0.00005,
      "sigmoid′(5)",
    );
    near(
      slope((t) => t.tanh(), 5),
      0.00018,
      0.000005,
      "tanh′(5)",
    );
    near(0.25 ** 5, 0.001, 0.00003, "0.25⁵");
  });

  test("three saturated sigmoid layers pass about 3 × 10⁻⁷ (0.0066³ ≈ 2.9 × 10⁻⁷)", () => {
    const three = slope((t) => t.sigmoid(), 5) ** 3;
    near(three, 2.9e-7, 0.05e-7, "sigmoid′(5)³");
  });

  test("the steepest slopes: sigmoid′(0) = 0.25 and tanh′(0) = 1, nowhere steeper", () => {
    const zs = linspace(-6, 6, 1201).toArray() as number[];
    const sig = Math.max(...zs.map((z) => slope((t) => t.sigmoid(), z)));
    const th = Math.max(...zs.map((z) => slope((t) => t.tanh(), z)));
    near(sig, 0.25, 1e-12, "largest sigmoid′");
    near(th, 1, 1e-12, "largest tanh′");
  });

  test("the leaky ReLU passes α = 0.02 at z = 0 itself, as the text and the explorer say", () => {
    assert.equal(
      slope((t) => t.leakyRelu(0.02), 0),
      0.02,
    );
    assert.equal(
      slope((t) => t.relu(), 0),
      0,
    );
  });

  test("GELU dips below zero, lowest near z = −0.75 (the cell's grid search)", () => {
    const cell = cellWith(CHAPTER, "const geluMin");
    const geluMin = runCells<number>(cell, page, "geluMin");
    near(geluMin, -0.75, 0.005, "GELU's lowest point");
    assert.ok(F.gelu(tensor(geluMin)).item() < -0.16);
  });
});

describe("chapter 2: the unit's line, distance and steepness", () => {
  test("scaling w = (3, 4), b = −5 by k keeps x = (1, 1) 0.4 from the line; sigmoid(z) sharpens", () => {
    const cell = cellWith(CHAPTER, "const steep = [1, 2, 10]");
    const steep = runCells<{ k: number; norm: number; z: number; d: number; a: number }[]>(
      cell,
      page,
      "steep",
    );
    assert.deepEqual(
      steep.map((r) => [r.k, r.norm, r.z]),
      [
        [1, 5, 2],
        [2, 10, 4],
        [10, 50, 20],
      ],
    );
    for (const r of steep) near(r.d, 0.4, 1e-12, `distance at k = ${r.k}`);
    near(steep[0].a, 0.8808, 0.00005, "sigmoid(2)");
    near(steep[1].a, 0.982, 0.00005, "sigmoid(4)");
    assert.ok(1 - steep[2].a < 3e-9, "sigmoid(20) is within 2e-9 of 1");
  });

  test("the plot's line is where the sigmoid is ½ and sign flips, |b|/‖w‖ from the origin", () => {
    const cell = cellWith(CHAPTER, "const planeGrid");
    const plane = { w1: 1.5, w2: 1, b: -0.5, out: "sigmoid" };
    const plots = { vegaLite: () => "" };
    const got = runCells<{ foot: number[]; boundary: { x1: number; x2: number }[] }>(
      cell,
      { ...page, plane, plots },
      "{ foot, boundary }",
    );
    const z = (x1: number, x2: number) => plane.w1 * x1 + plane.w2 * x2 + plane.b;
    for (const p of [{ x1: got.foot[0], x2: got.foot[1] }, ...got.boundary])
      near(z(p.x1, p.x2), 0, 1e-12, "z on the line");
    near(Math.hypot(got.foot[0], got.foot[1]), 0.5 / Math.hypot(1.5, 1), 1e-12, "distance");
  });
});

describe("chapter 2: the leaky ReLU exercise's check", () => {
  const cell = cellWith(CHAPTER, 'id: "leaky-relu-backward"');
  const options = new Function("exercise", "leakyReluBackward", "checkGradient", `return ${cell};`);
  const run = (rule: (z: core.Tensor, g: core.Tensor) => core.Tensor) =>
    options(
      (o: { check: () => { pass: boolean; message: string } }) => o,
      rule,
      checkGradient,
    ).check() as { pass: boolean; message: string };

  test("passes the chapter's convention, slope α at z = 0", () => {
    assert.equal(run((z, g) => g.mul(z.gt(0).mul(0.98).add(0.02))).pass, true);
  });

  test("tries z = 0 itself: slope 1 there (z ≥ 0) fails, naming the entry", () => {
    const result = run((z, g) => g.mul(z.ge(0).mul(0.98).add(0.02)));
    assert.equal(result.pass, false);
    // The entry it names is the one at z = 0: yours is the upstream, autograd 0.02 × upstream.
    const [, index] = /∂L\/∂z\[(\d)\] is off/.exec(result.message) ?? [];
    const zs = /at z = \[([^\]]*)\]/.exec(result.message)?.[1].split(", ").map(Number) ?? [];
    assert.equal(zs[Number(index)], 0, result.message);
  });

  test("plain ReLU's rule (slope 0 on the left) fails", () => {
    assert.equal(run((z, g) => g.mul(z.gt(0))).pass, false);
  });
});

describe("chapter 2: slopes from the stored output", () => {
  test("g · a(1 − a) and g · (1 − a²) equal autograd; the largest slopes are 0.25 and 1, at z = 0", () => {
    const cell = cellWith(CHAPTER, "const slopeRows");
    const rows = runCells<
      { name: string; a: number; passed: number; autograd: number; max: number; at: number }[]
    >(cell, page, "slopeRows");
    assert.deepEqual(
      rows.map((r) => r.name),
      ["sigmoid", "tanh"],
    );
    for (const r of rows) near(r.passed, r.autograd, 1e-12, `${r.name}: slope from a`);
    near(rows[0].max, 0.25, 1e-12, "sigmoid's largest slope");
    near(rows[1].max, 1, 1e-12, "tanh's largest slope");
    for (const r of rows) near(r.at, 0, 1e-12, `${r.name} is steepest at`);
  });
});

describe("chapter 2: zero-centred outputs", () => {
  const cell = cellWith(CHAPTER, "function zigRun");
  const zigRun = runCells<
    (act: string, eta: number) => { together: number; steps: number; reached: boolean }
  >(cell, { ...page, zigForm: { eta: 0.5 }, plots: { vegaLite: () => "" } }, "zigRun");

  test("sigmoid inputs: every step moves both weights the same way; tanh inputs: not every step", () => {
    for (let eta = 0.2; eta <= 1.5 + 1e-9; eta += 0.1) {
      const sig = zigRun("sigmoid", eta);
      const th = zigRun("tanh", eta);
      assert.equal(sig.together, sig.steps, `η = ${eta}: sigmoid`);
      assert.ok(sig.reached && th.reached, `η = ${eta}: both reach the target`);
      assert.ok(sig.steps > th.steps, `η = ${eta}: sigmoid ${sig.steps}, tanh ${th.steps} steps`);
    }
  });

  test("the prediction's numbers: δ = −0.3 on inputs 0.2, 0.7, 0.9 gives −0.06, −0.21, −0.27", () => {
    const grads = tensor([0.2, 0.7, 0.9]).mul(-0.3).toArray() as number[];
    for (const [i, want] of [-0.06, -0.21, -0.27].entries())
      near(grads[i], want, 1e-12, `δ·a${i + 1}`);
  });
});

describe("chapter 2: dead units in a layer", () => {
  const cell = cellWith(CHAPTER, "function deadRun");
  const deadRun = runCells<(lr: number) => { step: number; dead: number; loss: number }[]>(
    cell,
    { ...page, deadForm: { lr: 0.3 }, plots: { vegaLite: () => "" } },
    "deadRun",
  );

  test("a dead unit stays dead: the count never falls, at every η the slider offers", () => {
    for (let lr = 0.05; lr <= 0.45 + 1e-9; lr += 0.05) {
      const rows = deadRun(lr);
      assert.equal(rows.length, 201);
      for (let i = 1; i < rows.length; i++)
        assert.ok(rows[i].dead >= rows[i - 1].dead, `η = ${lr}: fell at step ${i}`);
      assert.ok(
        rows.every((r) => Number.isFinite(r.loss)),
        `η = ${lr}: the loss stays finite`,
      );
    }
  });

  test("small steps lose almost nothing, large ones most of the layer, and fit worse", () => {
    const small = deadRun(0.1).at(-1);
    const large = deadRun(0.4).at(-1);
    assert.ok(small && large);
    assert.ok(small.dead <= 2, `η = 0.1: ${small.dead} dead`);
    assert.ok(large.dead >= 40, `η = 0.4: ${large.dead} dead`);
    assert.ok(large.loss > small.loss, `losses ${small.loss} and ${large.loss}`);
  });
});
