// Every "predict, then see" block and every answer box in the chapters and labs, read from the
// Markdown: each must be answerable and each misconception must be able to fire. A misconception
// within the tolerance of the right answer can never be reached (the right answer wins), which
// is the mistake that left two hints of the backprop-by-hand lab silent.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, test } from "node:test";
import * as core from "../../src/core.ts";
import { answerTolerance, judge, type Misconception } from "../../src/notebook/exercise/index.ts";
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

interface AnswerBox {
  id: string;
  title?: string;
  answer: number;
  decimals?: number;
  tolerance?: number;
  misconceptions?: Misconception[];
  hint?: unknown;
}

/** Cells that need the page (inputs, output, the runtime): never a box's helper. */
const PAGE_ONLY = /\b(view|Inputs|display|plots|demo|Generators|invalidation|document|graph\.)\b/;

/**
 * The options of every `answerBox({...})` call of `file`, in page order: the cells calling it
 * run with the page's plain cells (the reference numbers, label helpers) in scope, `html` and
 * `display` as stand-ins, and `answerBox` collecting its options.
 */
function answerBoxesOf(file: string): AnswerBox[] {
  const cells = cellsOf(file);
  const boxCells = cells.filter((c) => /\banswerBox\(/.test(c));
  if (boxCells.length === 0) return [];
  const helpers = cells.filter(
    (c) =>
      !boxCells.includes(c) &&
      /^\s*(?:\/\/[^\n]*\n\s*)*(const|let|function)\s/.test(c) &&
      !PAGE_ONLY.test(c),
  );
  const found: AnswerBox[] = [];
  const builtins: Record<string, unknown> = {
    ...core,
    html: () => "",
    display: (x: unknown) => x,
    answerBox: (options: AnswerBox) => found.push(options),
  };
  // Project-owned cell source, run as one function body the way the page's runtime runs it.
  new Function(...Object.keys(builtins), [...helpers, ...boxCells].join("\n"))(
    ...Object.values(builtins),
  );
  return found;
}

describe("answer boxes in the chapters and labs", () => {
  for (const file of files) {
    const boxes = answerBoxesOf(file);
    if (boxes.length === 0) continue;
    test(`${file}: ${boxes.length} answer box(es), each answerable, each hint reachable`, () => {
      const ids = [...boxes.map((b) => b.id), ...predictionsOf(file).map((p) => p.id)];
      assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids}`);
      for (const box of boxes) {
        assert.ok(Number.isFinite(box.answer), `${box.id}: the answer is not a number`);
        assert.ok(box.title, `${box.id}: no title to name the box`);
        assert.ok(box.hint, `${box.id}: no hint for a wrong number`);
        const tol = answerTolerance(box);
        for (const m of box.misconceptions ?? []) {
          const gap = Math.abs(Number(m.answer) - box.answer);
          assert.ok(
            gap > tol,
            `${box.id}: "${m.message}" is ${gap.toFixed(5)} from the answer (tolerance ${tol})`,
          );
          // A student who made this mistake types its number to the decimals the box asks for:
          // that number must be judged wrong and get this hint.
          const typed = Number(m.answer).toFixed(box.decimals ?? 2);
          const verdict = judge(
            { answer: box.answer, tolerance: tol, misconceptions: box.misconceptions },
            typed,
          );
          assert.equal(verdict.pass, false, `${box.id}: the mistake typed as ${typed} passes`);
          assert.equal(
            verdict.message,
            m.message,
            `${box.id}: ${typed} does not get "${m.message}"`,
          );
        }
      }
    });
  }

  test("backprop by hand: all 28 numbers of the iteration, two-decimal tolerance by default", () => {
    const boxes = answerBoxesOf("notebooks/backprop-by-hand.md");
    assert.equal(boxes.length, 28);
    assert.equal(answerTolerance({}), 0.006);
    assert.equal(answerTolerance({ decimals: 3 }), 0.001);
    // The four places where two decimals would let a mix-up through ask for more.
    const decimals = Object.fromEntries(boxes.map((b) => [b.id, b.decimals ?? 2]));
    assert.equal(decimals.yhat, 3);
    assert.equal(decimals["dW2-2"], 3);
    assert.equal(decimals.delta2, 4);
    assert.equal(decimals["delta1-1"], 3);
  });
});
