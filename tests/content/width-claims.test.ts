// Chapter 3's speaker notes for the "how many hidden units" demo quote the error each width
// reaches after 1500 steps from seed 7. This reruns the chapter's own makeFit and trainStep
// and checks every figure the notes give.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { data, linspace, noGrad, optim, randn, rng, tensor } from "../../src/index.ts";

const markdown = readFileSync(
  new URL("../../content/03-one-hidden-layer.md", import.meta.url),
  "utf8",
);
const cells = [...markdown.matchAll(/^```js[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");

interface Fit {
  steps: number;
  loss: number;
}
function loadCell(): {
  makeFit(kind: string, hidden: number, seed: number): Fit;
  trainStep(fit: Fit): void;
} {
  const source = cells.find((c) => c.includes("function makeFit"));
  assert.ok(source, "chapter 3 no longer has the cell that defines makeFit");
  const builtins = { data, linspace, noGrad, optim, randn, rng, tensor };
  // The chapter's own source text, run as a function body the way the page runs it.
  return new Function(...Object.keys(builtins), `${source}\nreturn { makeFit, trainStep };`)(
    ...Object.values(builtins),
  );
}

const { makeFit, trainStep } = loadCell();
/** The error the demo prints after its 1500 steps, for a target and a width (seed 7, as the demo). */
function errorAfter1500(kind: string, hidden: number): number {
  const fit = makeFit(kind, hidden, 7);
  while (fit.steps < 1500) trainStep(fit);
  return fit.loss;
}
const near = (value: number, quoted: number) => Math.abs(value - quoted) <= 0.25 * quoted;

describe("chapter 3 notes: what each width reaches after 1500 steps", () => {
  test("the demo trains 1500 steps from seed 7", () => {
    assert.match(markdown, /makeFit\(wk\.kind, wk\.hidden, 7\)/);
    assert.match(markdown, /const WIDE_STEPS = 1500;/);
    assert.match(markdown, /done: \(steps\) => steps >= WIDE_STEPS/);
  });

  test("step target: K = 2 halves K = 1's error, K = 3 is no better than K = 1, K = 10 about 0.0005", () => {
    const [k1, k2, k3, k10] = [1, 2, 3, 10].map((k) => errorAfter1500("step", k));
    assert.ok(near(k1, 0.003), `K = 1: ${k1}`);
    assert.ok(near(k2, 0.0012), `K = 2: ${k2}`);
    assert.ok(k3 >= 0.9 * k1, `K = 3 (${k3}) should be no better than K = 1 (${k1})`);
    assert.ok(near(k10, 0.0005), `K = 10: ${k10}`);
  });

  test("sin target: K = 1 and K = 2 stall near 0.09, K = 3 reaches about 0.00003", () => {
    const [k1, k2, k3] = [1, 2, 3].map((k) => errorAfter1500("sin", k));
    assert.ok(near(k1, 0.09), `K = 1: ${k1}`);
    assert.ok(near(k2, 0.09), `K = 2: ${k2}`);
    assert.ok(near(k3, 0.00003), `K = 3: ${k3}`);
  });
});
