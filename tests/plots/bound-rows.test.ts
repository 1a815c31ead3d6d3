import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { boundRows } from "../../src/plots/bound-rows.ts";

const steps = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe("boundRows(rows, limit, mode)", () => {
  it("leaves rows within the limit as they are", () => {
    const rows = steps(10);
    assert.equal(boundRows(rows, 10, "downsample"), rows);
    assert.equal(boundRows(rows, 10, "window"), rows);
  });

  it("window: keeps the newest rows", () => {
    assert.deepEqual(boundRows(steps(12), 10, "window"), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("downsample: keeps the first and the newest row and every other one between", () => {
    assert.deepEqual(boundRows(steps(11), 10, "downsample"), [0, 2, 4, 6, 8, 10]);
    assert.deepEqual(boundRows(steps(12), 10, "downsample"), [0, 2, 4, 6, 8, 10, 11]);
  });

  it("stays within the limit, in order, over any run of pushes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 300 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 60 }),
        fc.constantFrom("downsample" as const, "window" as const),
        (limit, pushes, mode) => {
          let held: number[] = [];
          let next = 0;
          for (const count of pushes) {
            for (let k = 0; k < count; k++) held.push(next++);
            held = boundRows(held, limit, mode);
            assert.ok(held.length <= limit);
            if (held.length > 0) assert.equal(held.at(-1), next - 1);
            for (let i = 1; i < held.length; i++) assert.ok(held[i - 1] < held[i]);
            if (mode === "downsample" && held.length > 0) assert.equal(held[0], 0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
