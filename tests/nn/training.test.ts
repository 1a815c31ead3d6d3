// The lecture's figure 5.3 experiment as a regression test: a 1-3-1 tanh MLP trained on each
// data.bishop target from the default seeds must bring the MSE under the chapter's bound.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { data, F, nn, optim } from "../../src/index.ts";

// Measured with these settings (Adam, lr 0.02, 2000 full-batch steps, seeds 0): x² 1.5e-5,
// sin 3.9e-5, |x| 7.8e-4, H 1.2e-2. Each bound leaves a margin of 2× or more.
const bounds = { x2: 0.001, sin: 0.001, abs: 0.002, heaviside: 0.03 } as const;

describe("training a 1-3-1 tanh MLP on data.bishop", () => {
  for (const [target, bound] of Object.entries(bounds) as [keyof typeof bounds, number][]) {
    test(`${target}: MSE falls below ${bound} within 2000 Adam steps`, () => {
      const { x, y } = data.bishop(target); // n = 50, seed 0
      const model = new nn.MLP([1, 3, 1], { activation: "tanh", seed: 0 });
      const optimizer = new optim.Adam(model.parameters(), { lr: 0.02 });
      const first = F.mseLoss(model.forward(x), y).item();
      let loss = first;
      for (let step = 0; step < 2000; step++) {
        optimizer.zeroGrad();
        const l = F.mseLoss(model.forward(x), y);
        l.backward();
        optimizer.step();
        loss = l.item();
      }
      assert.ok(loss < bound, `${target}: MSE ${loss} after 2000 steps (started at ${first})`);
      assert.ok(loss < first / 5, `${target}: the loss barely moved (${first} → ${loss})`);
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
