// Property-based gradient checks: for random sizes, strides and paddings, every gradient of
// conv2d, the poolings, linear and the losses agrees with central differences.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { F, gradcheck, rand, randn, rng, type Tensor, tensor } from "../../../src/index.ts";

const RUNS = { numRuns: 25 };

function expectOk(fn: (...xs: Tensor[]) => Tensor, inputs: Tensor[], what: string): void {
  const report = gradcheck(fn, inputs);
  assert.ok(report.ok, `${what}: ${report.toString()}`);
}

/** Values spaced apart, shuffled, so no pooling window holds a tie. */
function distinct(shape: number[], seed: number): Tensor {
  const r = rng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: n }, (_, k) => k * 0.31 + r.next() * 0.05);
  for (let k = n - 1; k > 0; k--) {
    const j = r.int(k + 1);
    [values[k], values[j]] = [values[j], values[k]];
  }
  return tensor(Float64Array.from(values), { shape });
}

const geometry = fc.record({
  N: fc.integer({ min: 1, max: 2 }),
  C: fc.integer({ min: 1, max: 2 }),
  O: fc.integer({ min: 1, max: 2 }),
  kh: fc.integer({ min: 1, max: 3 }),
  kw: fc.integer({ min: 1, max: 3 }),
  extraH: fc.integer({ min: 0, max: 3 }),
  extraW: fc.integer({ min: 0, max: 3 }),
  stride: fc.integer({ min: 1, max: 2 }),
  padding: fc.integer({ min: 0, max: 1 }),
  seed: fc.integer({ min: 0, max: 1e6 }),
});

describe("gradients on random shapes (fast-check)", () => {
  test("F.conv2d: input, weight and bias", () => {
    fc.assert(
      fc.property(geometry, (g) => {
        const r = rng(g.seed);
        const x = randn([g.N, g.C, g.kh + g.extraH, g.kw + g.extraW], r);
        const w = randn([g.O, g.C, g.kh, g.kw], r);
        const b = randn([g.O], r);
        const options = { stride: g.stride, padding: g.padding };
        expectOk((x, w, b) => F.conv2d(x, w, b, options), [x, w, b], JSON.stringify(g));
      }),
      RUNS,
    );
  });

  test("F.maxPool2d and F.avgPool2d", () => {
    fc.assert(
      fc.property(geometry, (g) => {
        const x = distinct([g.N, g.C, g.kh + g.extraH, g.kw + g.extraW], g.seed);
        const options = {
          stride: g.stride,
          padding: Math.min(g.padding, Math.floor(g.kh / 2), Math.floor(g.kw / 2)),
        };
        expectOk((x) => F.maxPool2d(x, [g.kh, g.kw], options), [x], `max ${JSON.stringify(g)}`);
        expectOk((x) => F.avgPool2d(x, [g.kh, g.kw], options), [x], `avg ${JSON.stringify(g)}`);
      }),
      RUNS,
    );
  });

  test("F.linear and the losses", () => {
    const sizes = fc.record({
      batch: fc.integer({ min: 1, max: 4 }),
      inF: fc.integer({ min: 1, max: 4 }),
      outF: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer({ min: 0, max: 1e6 }),
    });
    fc.assert(
      fc.property(sizes, ({ batch, inF, outF, seed }) => {
        const r = rng(seed);
        const [x, W, b] = [randn([batch, inF], r), randn([outF, inF], r), randn([outF], r)];
        expectOk((x, W, b) => F.linear(x, W, b), [x, W, b], "linear");
        const target = randn([batch, outF], r);
        expectOk((z, t) => F.mseLoss(z, t), [randn([batch, outF], r), target], "mseLoss");
        const labels = Array.from({ length: batch }, () => r.int(outF));
        expectOk((z) => F.crossEntropy(z, labels), [randn([batch, outF], r)], "crossEntropy");
        const p = rand([batch, outF], r, { low: 0.05, high: 0.95 });
        expectOk((p, y) => F.bceLoss(p, y), [p, rand([batch, outF], r)], "bceLoss");
      }),
      RUNS,
    );
  });
});
