// Every "predict, then see" block in the chapters and labs, read from the Markdown: each must
// be answerable and each misconception must be able to fire. A misconception within the
// tolerance of the right answer can never be reached (the right answer wins), which is the
// mistake that left two hints of the backprop-by-hand lab silent.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, test } from "node:test";
import { cellsOf } from "./chapter-cells.ts";

interface Prediction {
  id: string;
  answer: number | string;
  choices?: string[];
  tolerance?: number;
  misconceptions?: { answer: number | string }[];
}

const files = ["content", "notebooks"].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => `${dir}/${f}`),
);

/** The options of every cell that is a single `predict({...})` call, in page order. */
function predictionsOf(file: string): Prediction[] {
  return cellsOf(file)
    .filter((c) => /^\s*predict\(\{/.test(c))
    .map((c) =>
      new Function("predict", `return ${c.trim().replace(/;$/, "")};`)((o: Prediction) => o),
    );
}

/** The tolerance the block applies to a number (see PredictOptions.tolerance). */
function toleranceOf(p: Prediction): number {
  if (p.tolerance !== undefined) return p.tolerance;
  return typeof p.answer === "number" ? Math.max(0.01, Math.abs(p.answer) * 0.01) : 0;
}

describe("predictions in the chapters and labs", () => {
  for (const file of files) {
    const predictions = predictionsOf(file);
    if (predictions.length === 0) continue;
    test(`${file}: ${predictions.length} prediction(s), each answerable, each hint reachable`, () => {
      const ids = predictions.map((p) => p.id);
      assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids}`);
      for (const p of predictions) {
        if (p.choices) {
          assert.ok(p.choices.includes(String(p.answer)), `${p.id}: answer is not a choice`);
          for (const m of p.misconceptions ?? []) {
            assert.ok(
              p.choices.includes(String(m.answer)),
              `${p.id}: "${m.answer}" is not a choice`,
            );
            assert.notEqual(m.answer, p.answer, `${p.id}: a misconception is the answer`);
          }
        } else {
          assert.equal(typeof p.answer, "number", `${p.id}: a typed answer must be a number`);
          const tol = toleranceOf(p);
          for (const m of p.misconceptions ?? []) {
            const gap = Math.abs(Number(m.answer) - Number(p.answer));
            assert.ok(
              gap > tol,
              `${p.id}: the hint for ${m.answer} can never fire (tolerance ${tol})`,
            );
          }
        }
      }
    });
  }
});
