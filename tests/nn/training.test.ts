// The lecture's figure 5.3 experiment as a regression test, held to what chapter 3 states: a
// 1-3-1 tanh nn.MLP from its default seed, trained on each data.bishop target with the
// chapter's optimiser settings, must bring the MSE under the chapter's bound for that target.
// The settings and bounds are read from the chapter, so the two cannot drift apart.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { data, F, manualSeed, nn, optim } from "../../src/index.ts";
import { DEFAULT_SEED } from "../../src/tensor/index.ts";

const CHAPTER = new URL("../../content/03-one-hidden-layer.md", import.meta.url);

/** The target each column heading of the chapter's table names. */
const HEADINGS: Record<string, "x2" | "sin" | "abs" | "heaviside"> = {
  "$x^2$": "x2",
  "$\\sin(\\pi x)$": "sin",
  "$\\lvert x \\rvert$": "abs",
  "$H(x)$": "heaviside",
};

interface Claim {
  lr: number;
  steps: number;
  bounds: Map<"x2" | "sin" | "abs" | "heaviside", number>;
}

/** The learning rate, step count and per-target bounds chapter 3 states. */
function readClaim(markdown: string): Claim {
  // Any run of spaces may be a line break, so re-wrapping the paragraph keeps the test working.
  const sentence = [
    "new nn\\.MLP\\(\\[1, 3, 1\\]\\)` with tanh units from its default seed, trained by Adam",
    "with learning rate (?<lr>[\\d.]+) for (?<steps>\\d+) full-batch steps",
  ].join(" ");
  const settings = new RegExp(sentence.replaceAll(" ", "\\s+")).exec(markdown)?.groups;
  assert.ok(settings, "chapter 3 no longer states the optimiser settings of its MSE table");
  const cells = (line: string) =>
    line
      .split("|")
      .slice(1, -1)
      .map((c) => c.trim());
  const lines = markdown.split("\n");
  const row = lines.findIndex((l) => l.startsWith("| MSE below |"));
  assert.ok(row >= 2, "chapter 3 no longer has its 'MSE below' table row");
  const heads = cells(lines[row - 2]).slice(1);
  const values = cells(lines[row]).slice(1);
  const bounds = new Map(heads.map((h, i) => [HEADINGS[h], Number(values[i])] as const));
  assert.deepEqual([...bounds.keys()].sort(), ["abs", "heaviside", "sin", "x2"]);
  for (const [target, bound] of bounds) assert.ok(bound > 0, `${target}: bound ${bound}`);
  return { lr: Number(settings.lr), steps: Number(settings.steps), bounds };
}

const claim = readClaim(readFileSync(CHAPTER, "utf8"));

describe("training a 1-3-1 tanh MLP on data.bishop reaches chapter 3's bounds", () => {
  for (const [target, bound] of claim.bounds) {
    test(`${target}: MSE below ${bound} after ${claim.steps} Adam steps (lr ${claim.lr})`, () => {
      const { x, y } = data.bishop(target); // the defaults: n = 50, seed 0
      manualSeed(DEFAULT_SEED); // the default generator as a fresh page has it
      const model = new nn.MLP([1, 3, 1], { activation: "tanh" });
      const optimizer = new optim.Adam(model.parameters(), { lr: claim.lr });
      const first = F.mseLoss(model.forward(x), y).item();
      let loss = first;
      for (let step = 0; step < claim.steps; step++) {
        optimizer.zeroGrad();
        const l = F.mseLoss(model.forward(x), y);
        l.backward();
        optimizer.step();
        loss = l.item();
      }
      assert.ok(
        loss < bound,
        `${target}: MSE ${loss} after ${claim.steps} steps (started at ${first})`,
      );
    });
  }

  test("plain SGD with momentum also fits sin(πx)", () => {
    const { x, y } = data.bishop("sin");
    const model = new nn.MLP([1, 3, 1], { seed: 0 });
    const optimizer = new optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
    let loss = Number.NaN;
    for (let step = 0; step < 1000; step++) {
      optimizer.zeroGrad();
      const l = F.mseLoss(model.forward(x), y);
      l.backward();
      optimizer.step();
      loss = l.item();
    }
    assert.ok(loss < 0.001, `MSE ${loss}`);
  });
});
