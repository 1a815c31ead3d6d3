// Chapter 8's dropout demo, recomputed in Node from the chapter's own cell: the prose says the
// network without dropout chases the noise, that p = 0.5 lands about twice as close to sin(πx),
// and that p = 0.8 underfits. Each of those sentences is checked against the numbers here.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { data, F, nn, noGrad, optim, randn, rng, tensor } from "../../src/index.ts";

const markdown = readFileSync(
  new URL("../../content/08-training-in-practice.md", import.meta.url),
  "utf8",
);

/** The chapter's cell that defines `dropoutRun`, with the library built-ins it uses. */
const cells = [...markdown.matchAll(/^```js[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");

function loadCell(): {
  dropoutRun: (p: number) => {
    step(): void;
    predict(x: ReturnType<typeof tensor>): ReturnType<typeof tensor>;
  };
  rmsToSine: (run: unknown, grid: number[]) => number;
  dropData: { x: ReturnType<typeof tensor>; y: ReturnType<typeof tensor> };
} {
  const source = cells.find((c) => c.includes("function dropoutRun"));
  assert.ok(source, "chapter 8 no longer has the cell that defines dropoutRun");
  const builtins = { data, F, noGrad, nn, optim, randn, rng, tensor };
  // The cell is the chapter's own source text; running it as a function body is how the page runs it.
  return new Function(
    ...Object.keys(builtins),
    `${source}\nreturn { dropoutRun, rmsToSine, dropData };`,
  )(...Object.values(builtins));
}

/** The demo's epoch count, read from the chapter so the two cannot drift apart. */
const demoCell = cells.find((c) => c.includes("const dropFits")) ?? "";
const epochs = Number(/const dropEpochs = (\d+);/.exec(demoCell)?.[1]);
const grid = Array.from({ length: 101 }, (_, i) => -1 + 0.02 * i);

describe("chapter 8: what the dropout demo shows", () => {
  const cell = loadCell();
  const results = new Map<number, { rms: number; trainMse: number }>();
  for (const p of [0, 0.5, 0.8]) {
    const run = cell.dropoutRun(p);
    for (let e = 0; e < epochs; e++) run.step(); // the demo's epochs, one full-batch step each
    const trainMse = F.mseLoss(run.predict(cell.dropData.x), cell.dropData.y).item();
    results.set(p, { rms: cell.rmsToSine(run, grid), trainMse });
  }
  const at = (p: number) => results.get(p) ?? assert.fail(`no run at p = ${p}`);

  test("the demo trains for a stated number of epochs", () => {
    assert.ok(epochs > 0, "no 'const dropEpochs = N;' in the demo cell");
    assert.match(markdown, new RegExp(`of ${epochs} epochs`));
  });

  test("without dropout the fit passes closer to the points than the noise allows", () => {
    // The noise has standard deviation 0.25, variance 0.0625; a fit that follows the sine alone
    // would keep a training MSE near that. Far below it means the curve bends to the noise.
    assert.ok(at(0).trainMse < 0.0625 / 2, `training MSE ${at(0).trainMse}`);
  });

  test("at p = 0.5 the curve is about twice as close to sin(πx) as without dropout", () => {
    assert.match(markdown, /at \$p = 0\.5\$ it is about twice as close/);
    const ratio = at(0).rms / at(0.5).rms;
    assert.ok(
      ratio > 1.7 && ratio < 2.6,
      `RMS ${at(0).rms} without, ${at(0.5).rms} with: ${ratio}`,
    );
  });

  test("at p = 0.8 the network underfits: farther from the sine, training error above the noise", () => {
    assert.match(markdown, /at \$p = 0\.8\$ the network can no longer fit the sine/);
    assert.ok(at(0.8).rms > at(0.5).rms, `RMS ${at(0.8).rms} at 0.8, ${at(0.5).rms} at 0.5`);
    assert.ok(at(0.8).trainMse > 0.0625, `training MSE ${at(0.8).trainMse}`);
  });
});
