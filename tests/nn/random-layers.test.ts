// Layers draw from the default generator unless given { seed } or { rng }, as in PyTorch:
// two layers built one after the other differ, and seeded ones replay whatever ran before.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { manualSeed, nn, ones, randn, rng, zeros } from "../../src/index.ts";

const values = (m: nn.Module) => m.parameters().map((p) => Array.from(p.data));

describe("layers without a seed draw from the default generator", () => {
  test("two nn.Linear(4, 4) in a Sequential get different weights", () => {
    const model = new nn.Sequential(new nn.Linear(4, 4), new nn.Tanh(), new nn.Linear(4, 4));
    const [first, second] = model.layers.filter((l): l is nn.Linear => l instanceof nn.Linear);
    assert.notDeepEqual(Array.from(first.weight.data), Array.from(second.weight.data));
  });

  test("two MLPs, two Conv2d layers differ; manualSeed before building replays them", () => {
    manualSeed(4);
    const a = [
      new nn.MLP([1, 3, 1]),
      new nn.MLP([1, 3, 1]),
      new nn.Conv2d(1, 2, 3),
      new nn.Conv2d(1, 2, 3),
    ];
    assert.notDeepEqual(values(a[0]), values(a[1]));
    assert.notDeepEqual(values(a[2]), values(a[3]));
    manualSeed(4);
    const b = [
      new nn.MLP([1, 3, 1]),
      new nn.MLP([1, 3, 1]),
      new nn.Conv2d(1, 2, 3),
      new nn.Conv2d(1, 2, 3),
    ];
    assert.deepEqual(b.map(values), a.map(values));
  });

  test("a fresh default generator (seed 0) gives the weights of { seed: 0 }", () => {
    manualSeed(0);
    assert.deepEqual(values(new nn.MLP([1, 3, 1])), values(new nn.MLP([1, 3, 1], { seed: 0 })));
  });

  test("two nn.Dropout layers drop different units", () => {
    const x = ones([1, 400]);
    const [d1, d2] = [new nn.Dropout(0.5), new nn.Dropout(0.5)];
    assert.notDeepEqual(d1.forward(x).toArray(), d2.forward(x).toArray());
  });

  test("nn.init functions draw from it when given no generator", () => {
    manualSeed(8);
    const a = nn.init.xavierNormal(zeros([3, 4]));
    const b = nn.init.xavierNormal(zeros([3, 4]));
    assert.notDeepEqual(Array.from(a.data), Array.from(b.data));
    manualSeed(8);
    assert.deepEqual(Array.from(nn.init.xavierNormal(zeros([3, 4])).data), Array.from(a.data));
  });
});

describe("{ seed } and { rng } give exact replays, whatever else was drawn", () => {
  test("a seeded layer ignores the default generator", () => {
    const first = values(new nn.MLP([1, 8, 1], { seed: 3 }));
    randn([100]);
    manualSeed(123);
    assert.deepEqual(values(new nn.MLP([1, 8, 1], { seed: 3 })), first);
    assert.deepEqual(
      values(new nn.Linear(2, 3, { seed: 1 })),
      values(new nn.Linear(2, 3, { seed: 1 })),
    );
  });

  test("layers sharing an { rng } draw one after the other from it", () => {
    const r = rng(6);
    const a = new nn.Linear(2, 2, { rng: r });
    const b = new nn.Linear(2, 2, { rng: r });
    assert.notDeepEqual(values(a), values(b));
    const s = rng(6);
    assert.deepEqual(
      [values(new nn.Linear(2, 2, { rng: s })), values(new nn.Linear(2, 2, { rng: s }))],
      [values(a), values(b)],
    );
  });

  test("a seeded Dropout repeats its masks from the start on every rebuild", () => {
    const x = ones([1, 50]);
    const mask = new nn.Dropout(0.5, { seed: 2 }).forward(x).toArray();
    assert.deepEqual(new nn.Dropout(0.5, { seed: 2 }).forward(x).toArray(), mask);
  });

  test("refuses a seed or a generator of the wrong kind, naming the layer", () => {
    assert.throws(
      () => new nn.Linear(2, 2, { seed: "1" as unknown as number }),
      /nn\.Linear: seed must be a finite number, found a string \("1"\)/,
    );
    assert.throws(
      () => new nn.MLP([1, 2], { rng: 5 as never }),
      /nn\.MLP: expected a generator made by rng\(seed\)/,
    );
  });
});
