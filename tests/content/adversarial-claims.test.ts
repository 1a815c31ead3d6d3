// Chapter 11's attack on the digits, run in Node from the chapter's own cells: the classifier
// reads most test digits right after its three passes; one step of the fast gradient sign method
// takes the accuracy down steeply as ε grows (the prose: a few hundredths of brightness per pixel,
// chosen by the gradient), while random signs of the same size barely move it; and some digits
// flip at a few hundredths while others need far more. Also the linear scorer of the slide before:
// at its default d and ε the score moves by about 8, enough to flip its decision (the notes).
import assert from "node:assert/strict";
import { test } from "node:test";
import { data, F, nn, noGrad, optim, randn, rng, type Tensor, tensor } from "../../src/index.ts";
import { cellWith, runCells } from "./chapter-cells.ts";

interface Victim {
  testX: Tensor;
  labels: number[];
  epoch: number;
  step(): void;
  guesses(x: Tensor): number[];
  inputGradient(x: Tensor, labels: number[]): Tensor;
}

const accuracy = (guesses: number[], labels: number[]) =>
  guesses.filter((c, n) => c === labels[n]).length / labels.length;

test("chapter 11: FGSM on the digits classifier: steep for the gradient's signs, flat for random ones", async () => {
  const source = cellWith("content/11-perspective.md", "function digitsClassifier");
  const builtins = { data, F, nn, noGrad, optim };
  const make = runCells<(set: unknown) => Victim>(source, builtins, "digitsClassifier");
  const victim = make(await data.digits());
  while (victim.epoch < 3) victim.step();
  const { testX, labels } = victim;
  const clean = accuracy(victim.guesses(testX), labels);
  assert.ok(clean > 0.9, `unattacked accuracy ${clean}`);
  const g = victim.inputGradient(testX, labels);
  const sign = tensor(Array.from(g.data, Math.sign)).reshape(g.shape);
  const r = rng(1);
  const random = tensor(Array.from(g.data, () => (r.next() < 0.5 ? -1 : 1))).reshape(g.shape);
  const under = (s: Tensor, eps: number) =>
    accuracy(victim.guesses(testX.add(s.mul(eps)).clamp(0, 1)), labels);
  const attacked = [0.05, 0.1, 0.2].map((eps) => under(sign, eps));
  console.log(`clean ${clean}, FGSM at 0.05/0.1/0.2: ${attacked}`);
  assert.ok((attacked[1] ?? 1) < clean - 0.3, `ε = 0.1 costs over 30 points: ${attacked}`);
  assert.ok((attacked[2] ?? 1) < 0.2, `ε = 0.2 leaves under 20 %: ${attacked}`);
  for (const eps of [0.05, 0.1]) {
    const noise = under(random, eps);
    assert.ok(noise > clean - 0.05, `random signs at ε = ${eps} cost under 5 points: ${noise}`);
  }
  // Smallest flipping ε per digit: some at a few hundredths, some above 0.2.
  const flips = labels.slice(0, 40).map((label, k) => {
    const x = testX.narrow(0, k, 1);
    const s = sign.narrow(0, k, 1);
    for (let i = 0; i <= 50; i++)
      if (victim.guesses(x.add(s.mul(i / 100)).clamp(0, 1))[0] !== label) return i / 100;
    return 1;
  });
  assert.ok(
    flips.some((e) => e > 0 && e <= 0.05),
    `some flip by ε = 0.05: ${flips}`,
  );
  assert.ok(
    flips.some((e) => e >= 0.2),
    `some need ε ≥ 0.2: ${flips}`,
  );
});

test("chapter 11: the linear scorer at d = 10,000 and ε = 0.02 moves by ε‖w‖₁ ≈ 8 and flips its decision", () => {
  const source = cellWith("content/11-perspective.md", "const advResult");
  const builtins = {
    adv: { d: 10000, eps: 0.02 },
    rng,
    randn,
    tensor,
    html: () => "",
    display: () => undefined,
  };
  const result = runCells<{ before: number; after: number; predicted: number }>(
    source,
    builtins,
    "advResult",
  );
  // The notes: "with 10,000 pixels the score moves by about 8 units, enough to flip this decision".
  assert.ok(Math.abs(result.after - result.before - result.predicted) < 1e-9);
  assert.ok(Math.abs(result.predicted - 8) < 0.5, `ε‖w‖₁ = ${result.predicted}`);
  assert.ok(result.before < 0 && result.after > 0, `score ${result.before} → ${result.after}`);
});
