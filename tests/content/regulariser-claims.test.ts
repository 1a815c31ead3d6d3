// Chapter 8's L1-against-L2 demo, recomputed from its own cell at the default λ = 0.3: L1 leaves
// the five useless weights near zero, L2 leaves them clearly non-zero and pulls the real weights
// further from their true values.
import assert from "node:assert/strict";
import { test } from "node:test";
import { optim, randn, rng, tensor } from "../../src/index.ts";
import { cellWith, runCells } from "./chapter-cells.ts";

const CHAPTER = "content/08-training-in-practice.md";

test("chapter 8: L1 zeroes the useless weights, L2 only shrinks", () => {
  const source = cellWith(CHAPTER, "const sparseFit");
  const slider = cellWith(CHAPTER, "const regLambda");
  const lambda = Number(/value: ([\d.]+)/.exec(slider)?.[1]);
  assert.equal(lambda, 0.3, "the slider's default");
  const builtins = {
    optim,
    randn,
    rng,
    tensor,
    regLambda: lambda,
    display: () => undefined,
    plots: { vegaLite: () => undefined },
  };
  type Row = { weight: string; penalty: string; value: number };
  const { sparseFit, idle } = runCells<{ sparseFit: Row[]; idle: (p: string) => Row[] }>(
    source,
    builtins,
    "{ sparseFit, idle }",
  );
  const largest = (rows: Row[]) => Math.max(...rows.map((d) => Math.abs(d.value)));
  assert.ok(largest(idle("L1")) < 0.02, `L1's useless weights: ${largest(idle("L1"))}`);
  assert.ok(largest(idle("L2")) > 0.1, `L2's useless weights: ${largest(idle("L2"))}`);
  const w1 = (p: string) => sparseFit.find((d) => d.weight === "w1" && d.penalty === p)?.value ?? 0;
  assert.ok(Math.abs(w1("L2") - 2) > Math.abs(w1("L1") - 2), `w1: L1 ${w1("L1")}, L2 ${w1("L2")}`);
});
