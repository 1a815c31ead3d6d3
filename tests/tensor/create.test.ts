import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { arange, full, linspace, ones, rand, randn, rng, tensor, zeros } from "../../src/index.ts";

describe("tensor(data, options)", () => {
  it("reads numbers, nested arrays and typed arrays with a shape", () => {
    assert.deepEqual(tensor(3).shape, []);
    assert.equal(tensor(3).item(), 3);
    const m = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    assert.deepEqual(m.shape, [2, 3]);
    assert.deepEqual([...m.data], [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(m.toArray(), [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const t = tensor(new Float64Array([1, 2, 3, 4]), {
      shape: [2, 2],
      requiresGrad: true,
      name: "W",
    });
    assert.deepEqual(t.shape, [2, 2]);
    assert.equal(t.requiresGrad, true);
    assert.equal(t.name, "W");
    assert.deepEqual(tensor([]).shape, [0]);
  });

  it("copies a tensor it is given, so the new leaf has its own storage", () => {
    const a = tensor([1, 2]);
    const b = tensor(a, { requiresGrad: true });
    assert.notEqual(a.data, b.data);
    assert.deepEqual(b.toArray(), [1, 2]);
  });

  it("gives every tensor a unique increasing id", () => {
    const a = tensor(1),
      b = tensor(2);
    assert.ok(b.id > a.id);
  });
});

describe("filled tensors and ranges", () => {
  it("zeros, ones, full", () => {
    assert.deepEqual(zeros([2, 2]).toArray(), [
      [0, 0],
      [0, 0],
    ]);
    assert.deepEqual(ones([3]).toArray(), [1, 1, 1]);
    assert.deepEqual(full([], 7).toArray(), 7);
  });

  it("linspace includes both ends; arange excludes the end", () => {
    assert.deepEqual(linspace(-1, 1, 5).toArray(), [-1, -0.5, 0, 0.5, 1]);
    assert.deepEqual(arange(4).toArray(), [0, 1, 2, 3]);
    assert.deepEqual(arange(1, 2, 0.25).toArray(), [1, 1.25, 1.5, 1.75]);
    assert.deepEqual(arange(3, 0, -1).toArray(), [3, 2, 1]);
  });
});

describe("rng(seed)", () => {
  it("replays the same sequence from the same seed and differs between seeds", () => {
    const a = randn([5], rng(42)).toArray();
    assert.deepEqual(randn([5], rng(42)).toArray(), a);
    assert.notDeepEqual(randn([5], rng(43)).toArray(), a);
    assert.notDeepEqual(randn([5], rng(0.5)).toArray(), randn([5], rng(0)).toArray());
    assert.notDeepEqual(randn([5], rng(2 ** 32)).toArray(), randn([5], rng(0)).toArray());
  });

  it("draws uniform samples in [low, high) and standard normals", () => {
    const u = rand([20_000], rng(1), { low: -1, high: 1 });
    assert.ok(u.data.every((v) => v >= -1 && v < 1));
    assert.ok(Math.abs(u.mean().item()) < 0.02);
    const z = randn([20_000], rng(2));
    const mean = z.mean().item();
    const variance = z.sub(mean).pow(2).mean().item();
    assert.ok(Math.abs(mean) < 0.03, `mean ${mean}`);
    assert.ok(Math.abs(variance - 1) < 0.05, `variance ${variance}`);
  });

  it("gives integers below n", () => {
    const r = rng(3);
    const seen = new Set(Array.from({ length: 200 }, () => r.int(4)));
    assert.deepEqual([...seen].sort(), [0, 1, 2, 3]);
  });
});
