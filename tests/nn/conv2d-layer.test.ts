import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { F, nn, optim, randn, rng } from "../../src/index.ts";

describe("nn.Conv2d(in, out, kernelSize, options)", () => {
  test("three 5×5 filters on a 28×28 grey image: 3×24×24 outputs from 75 weights and 3 biases", () => {
    const conv = new nn.Conv2d(1, 3, 5);
    assert.deepEqual(conv.weight.shape, [3, 1, 5, 5]);
    assert.equal(conv.numParameters(), 78);
    assert.deepEqual(conv.forward(randn([2, 1, 28, 28], rng(0))).shape, [2, 3, 24, 24]);
  });

  test("default init draws from U(−1/√fanIn, 1/√fanIn) with fanIn = in·kh·kw", () => {
    const conv = new nn.Conv2d(2, 4, 3, { seed: 1 });
    const bound = 1 / Math.sqrt(18);
    assert.ok(conv.weight.data.every((v) => Math.abs(v) <= bound));
    assert.ok(conv.weight.data.some((v) => Math.abs(v) > bound * 0.8));
  });

  test("stride and padding reach F.conv2d", () => {
    const conv = new nn.Conv2d(1, 1, 4, { stride: 2 });
    assert.deepEqual(conv.forward(randn([1, 1, 14, 14], rng(0))).shape, [1, 1, 6, 6]); // 36 patches
  });
});

describe("a LeNet-style nn.Sequential", () => {
  test("conv → relu → maxpool → flatten → linear learns to tell two patterns apart", () => {
    const r = rng(3);
    // Images 8×8: class 0 has a bright vertical bar, class 1 a horizontal one, both with noise.
    const n = 16;
    const images = randn([n, 1, 8, 8], r).mul(0.1);
    const labels: number[] = [];
    for (let i = 0; i < n; i++) {
      const label = i % 2;
      const at = 2 + (i % 4);
      for (let k = 0; k < 8; k++)
        images.data[i * 64 + (label === 0 ? k * 8 + at : at * 8 + k)] += 1;
      labels.push(label);
    }
    const model = new nn.Sequential(
      new nn.Conv2d(1, 2, 3, { seed: 1 }), // [n, 2, 6, 6]
      new nn.ReLU(),
      new nn.MaxPool2d(2), // [n, 2, 3, 3]
      new nn.Flatten(), // [n, 18]
      new nn.Linear(18, 2, { seed: 2 }),
    );
    assert.deepEqual(model.forward(images).shape, [n, 2]);
    const opt = new optim.Adam(model.parameters(), { lr: 0.05 });
    const first = F.crossEntropy(model.forward(images), labels).item();
    let loss = first;
    for (let step = 0; step < 60; step++) {
      opt.zeroGrad();
      const l = F.crossEntropy(model.forward(images), labels);
      l.backward();
      opt.step();
      loss = l.item();
    }
    assert.ok(loss < first / 4, `loss ${first} → ${loss}`);
    const predicted = model.forward(images).argmax(1).data;
    assert.deepEqual(Array.from(predicted), labels);
  });

  test("AvgPool2d averages each window", () => {
    const y = new nn.AvgPool2d(2).forward(randn([1, 1, 4, 4], rng(5)));
    assert.deepEqual(y.shape, [1, 1, 2, 2]);
  });
});
