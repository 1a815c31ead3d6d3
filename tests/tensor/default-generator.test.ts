// The default generator (torch.default_generator): what random functions draw from when given
// no generator; manualSeed replays it; rng(seed) stays independent of it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultGenerator, manualSeed, rand, randn, rng } from "../../src/index.ts";

describe("the default generator and manualSeed(seed)", () => {
  it("randn and rand draw from it when given no generator: two calls differ", () => {
    manualSeed(3);
    const a = randn([4]).toArray();
    const b = randn([4]).toArray();
    assert.notDeepEqual(a, b);
    assert.ok(rand([100]).data.every((v) => v >= 0 && v < 1));
  });

  it("manualSeed(s) replays it, and it then draws what rng(s) draws", () => {
    manualSeed(5);
    const first = [randn([3]).toArray(), rand([3], undefined, { low: -1, high: 1 }).toArray()];
    manualSeed(5);
    assert.deepEqual(
      [randn([3]).toArray(), rand([3], undefined, { low: -1, high: 1 }).toArray()],
      first,
    );
    const r = rng(5);
    assert.deepEqual(randn([3], r).toArray(), first[0]);
    assert.equal(manualSeed(9), defaultGenerator);
    assert.equal(defaultGenerator.seed, 9);
  });

  it("a generator of one's own is untouched by draws from the default one", () => {
    const r = rng(1);
    const expected = randn([3], rng(1)).toArray();
    randn([10]); // the default generator moves on
    assert.deepEqual(randn([3], r).toArray(), expected);
  });

  it("a generator restarts with manualSeed, like torch.Generator.manual_seed", () => {
    const r = rng(2);
    const a = randn([4], r).toArray();
    r.manualSeed(2);
    assert.deepEqual(randn([4], r).toArray(), a);
  });

  it("refuses a seed that is not a finite number, and a generator that is not one", () => {
    assert.throws(
      () => manualSeed(Number.NaN),
      /rng: the seed must be a finite number, found the number NaN/,
    );
    assert.throws(() => rng("1" as unknown as number), /found a string \("1"\)/);
    assert.throws(
      () => randn([2], { next: 1 } as never),
      /randn: expected a generator made by rng\(seed\) \(or nothing, to draw from the default generator\), found an object/,
    );
  });
});
