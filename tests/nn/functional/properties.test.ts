// Property-based checks of every F function (the cases are in op-cases.ts): for random sizes,
// strides, paddings, reductions and values, each gradient agrees with central differences, and
// forward mode (jvp) with reverse mode.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { F } from "../../../src/index.ts";
import { forwardMatchesReverse, gradientsMatch } from "../../tensor/op-checks.ts";
import { FUNCTIONAL_CASES, NOT_DIFFERENTIABLE_F } from "./op-cases.ts";

const RUNS = { numRuns: 20 };

describe("every F function's gradient matches central differences (fast-check)", () => {
  for (const c of FUNCTIONAL_CASES)
    test(c.name, () => fc.assert(fc.property(c.arb, gradientsMatch), RUNS));

  test("covers every differentiable function F exports", () => {
    const covered = new Set(FUNCTIONAL_CASES.flatMap((c) => c.covers));
    const missing = Object.entries(F)
      .filter(([name, value]) => typeof value === "function" && !NOT_DIFFERENTIABLE_F.has(name))
      .map(([name]) => name)
      .filter((name) => !covered.has(name));
    assert.deepEqual(missing, [], `F functions without a gradient check: ${missing.join(", ")}`);
  });
});

describe("forward mode agrees with reverse mode on every F function", () => {
  // (not the cases that differentiate inside f: forward mode cannot enter autograd.grad)
  for (const c of FUNCTIONAL_CASES.filter((c) => !c.reverseOnly))
    test(c.name, () => fc.assert(fc.property(c.arb, forwardMatchesReverse), { numRuns: 10 }));
});
