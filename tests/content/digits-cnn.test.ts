// Chapter 9's live digits CNN, trained in Node from the chapter's own trainer cell: the split the
// prose names (1,500 to train, 297 to test), one epoch per pass over the loader, and a network that
// reads most test digits right within the demo's eight epochs (it gets past 90 % in three).
import assert from "node:assert/strict";
import { test } from "node:test";
import { data, F, nn, noGrad, optim } from "../../src/index.ts";
import { cellWith, runCells } from "./chapter-cells.ts";

interface Trainer {
  labels: number[];
  epoch: number;
  steps: number;
  history: { epoch: number; accuracy: number }[];
  step(): void;
}

test("chapter 9: the digits CNN passes 90 % test accuracy within three epochs", async () => {
  const source = cellWith("content/09-convolutional-networks.md", "function digitsTrainer");
  const builtins = { data, F, nn, noGrad, optim };
  const make = runCells<(set: unknown) => Trainer>(source, builtins, "digitsTrainer");
  const trainer = make(await data.digits());
  assert.equal(trainer.labels.length, 297);
  while (trainer.epoch < 3) trainer.step();
  assert.equal(trainer.steps, 3 * Math.ceil(1500 / 32), "47 mini-batches per epoch");
  assert.deepEqual(
    trainer.history.map((h) => h.epoch),
    [1, 2, 3],
  );
  const last = trainer.history.at(-1)?.accuracy ?? 0;
  assert.ok(last > 0.9, `test accuracy after three epochs: ${last}`);
});
