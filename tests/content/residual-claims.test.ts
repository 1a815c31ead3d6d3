// Chapter 11's deep-stack demo, run in Node from the chapter's own cells: two 20-layer tanh stacks
// from the same weights, one with skips. The prose says the plain stack's gradients vanish toward
// the input (orders of magnitude smaller at layer 1 than at layer 20) and that it settles on a
// poor fit, while the residual stack's gradients stay level and it fits closely, within the
// demo's 600 steps.
import assert from "node:assert/strict";
import { test } from "node:test";
import { F, linspace, nn, noGrad, optim } from "../../src/index.ts";
import { cellWith, runCells } from "./chapter-cells.ts";

const CHAPTER = "content/11-perspective.md";

interface Race {
  steps: number;
  runs: { name: string; loss: number }[];
  step(): void;
  norms(): number[][];
}

test("chapter 11: the plain stack's gradients vanish and it fits poorly; the residual one fits", () => {
  const sources = [
    cellWith(CHAPTER, "function deepStack"),
    cellWith(CHAPTER, "function stackRace"),
  ];
  const builtins = { F, linspace, nn, noGrad, optim };
  const race = runCells<() => Race>(sources, builtins, "stackRace")();
  race.step();
  const [plain, residual] = race.norms();
  assert.equal(plain?.length, 20);
  const plainFirst = plain?.[0] ?? 1;
  const plainLast = plain?.at(-1) ?? 0;
  assert.ok(plainFirst < 1e-3 * plainLast, `plain: layer 1 ${plainFirst}, layer 20 ${plainLast}`);
  const [lo, hi] = [Math.min(...(residual ?? [])), Math.max(...(residual ?? []))];
  assert.ok(hi < 20 * lo, `residual layers' gradients within a factor 20: ${lo}–${hi}`);
  assert.ok((residual?.[0] ?? 0) > 1e3 * plainFirst, "layer 1 learns far more with skips");
  while (race.steps < 600) race.step();
  const [plainRun, residualRun] = race.runs;
  assert.ok((plainRun?.loss ?? 0) > 0.1, `plain loss after 600 steps: ${plainRun?.loss}`);
  assert.ok((residualRun?.loss ?? 1) < 1e-3, `residual loss after 600 steps: ${residualRun?.loss}`);
});
