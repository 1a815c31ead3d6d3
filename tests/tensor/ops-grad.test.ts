// Every op's gradient against central differences, on random shapes and values (fast-check):
// the cases are in op-cases.ts, shared with the forward-mode check.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import * as ops from "../../src/tensor/ops/index.ts";
import { NOT_DIFFERENTIABLE, TENSOR_OP_CASES } from "./op-cases.ts";
import { gradientsMatch } from "./op-checks.ts";

const RUNS = 15;

describe("every tensor op's gradient matches central differences", () => {
  for (const c of TENSOR_OP_CASES) {
    it(c.name, () => {
      fc.assert(fc.property(c.arb, gradientsMatch), {
        numRuns: RUNS,
        examples: (c.examples ?? []).map((e) => [e]),
      });
    });
  }

  it("covers every differentiable op exported by src/tensor/ops", () => {
    const covered = new Set(TENSOR_OP_CASES.flatMap((c) => c.covers));
    const missing = Object.entries(ops)
      .filter(([name, value]) => typeof value === "function" && !NOT_DIFFERENTIABLE.has(name))
      .map(([name]) => name)
      .filter((name) => !covered.has(name));
    assert.deepEqual(missing, [], `ops without a gradient check: ${missing.join(", ")}`);
  });
});
