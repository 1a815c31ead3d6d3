// Every checked exercise in the chapters and labs, read from the Markdown and run in Node with
// the page's built-ins: the author's solution must pass the author's check, and the starting
// code the student sees must not (an exercise that passes before the student types anything
// teaches nothing). Helper cells the check calls (plain `function` cells, and the cells declaring
// names it uses) are put in scope, as the page's runtime would.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, test } from "node:test";
import * as core from "../../src/core.ts";
import { checkGradient, readCheckResult } from "../../src/notebook/exercise/index.ts";
import { cellsOf } from "./chapter-cells.ts";

interface ExerciseOptions {
  id: string;
  answer?: string | string[];
  solution?: string;
  check: () => unknown;
}

const files = ["content", "notebooks"].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => `${dir}/${f}`),
);

/** A cell that only declares functions (after comments): safe to run anywhere. */
const isFunctionCell = (cell: string): boolean =>
  /^(\s*\/\/[^\n]*\n)*\s*function\s+\w+\s*\(/.test(cell) &&
  !/^[A-Za-z_$][\w$]*\s*=|^(const|let|var)\s/m.test(cell.replace(/^function[\s\S]*?^}/gm, ""));

const declares = (cell: string, name: string): boolean =>
  new RegExp(`^\\s*(function\\s+${name}\\s*\\(|(const|let|var)\\s+${name}\\s*=)`, "m").test(cell);

/** The top-level name a cell declares first (`const x =`, `function f(`), if any. */
const declaredName = (cell: string): string | undefined =>
  /^\s*(?:\/\/[^\n]*\n\s*)*(?:function\s+([\w$]+)\s*\(|(?:const|let)\s+([\w$]+)\s*=)/
    .exec(cell)
    ?.slice(1)
    .find(Boolean);

/** Cells that need the page (inputs, output, plots, the runtime): never a check's helper. */
const PAGE_ONLY =
  /\b(view|Inputs|display|html|svg|plots|demo|Generators|invalidation|exercise|predict)\b/;

/**
 * The cells a check needs: plain function cells, and any cell whose declared name (three letters
 * or more: `f` or `x` are usually a function's own parameter) the exercise's code, its solution or
 * another needed cell mentions (a fixed mask, a data set), in page order.
 */
function helpersOf(cells: string[], uses: string, starters: string[]): string[] {
  const needed = new Set(cells.filter((c) => isFunctionCell(c) && !starters.includes(c)));
  for (let grew = true; grew; ) {
    grew = false;
    const text = uses + [...needed].join("\n");
    for (const c of cells) {
      const name = declaredName(c);
      if (!name || name.length < 3 || needed.has(c) || starters.includes(c) || PAGE_ONLY.test(c))
        continue;
      if (new RegExp(`\\b${name.replace("$", "\\$")}\\b`).test(text)) {
        needed.add(c);
        grew = true;
      }
    }
  }
  return cells.filter((c) => needed.has(c));
}

const builtins: Record<string, unknown> = {
  ...core,
  checkGradient,
  exercise: (options: ExerciseOptions) => options,
};

/** Runs the exercise cell with `answerSource` (the solution or the starter) and the helpers. */
function outcome(exerciseCell: string, answerSource: string, helpers: string[]) {
  const body = `${helpers.join("\n")}\n${answerSource}\nreturn ${exerciseCell.trim().replace(/;$/, "")};`;
  // Project-owned cell source, run as a function body the way the page runs it.
  const options = new Function(...Object.keys(builtins), body)(
    ...Object.values(builtins),
  ) as ExerciseOptions;
  return Promise.resolve(options.check()).then(readCheckResult);
}

describe("checked exercises in the chapters and labs", () => {
  for (const file of files) {
    const cells = cellsOf(file);
    const exercises = cells.filter((c) => /^\s*exercise\(\{/.test(c));
    if (exercises.length === 0) continue;
    for (const cell of exercises) {
      const options = new Function("exercise", `return ${cell.trim().replace(/;$/, "")};`)(
        (o: ExerciseOptions) => o,
      ) as ExerciseOptions;
      const answers = [options.answer ?? []].flat();
      const starters = cells.filter((c) => answers.some((a) => declares(c, a)));
      // The question's and hints' words are not code: only the cell's code and the solution count.
      const code = cell.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
      const helpers = helpersOf(cells, `${code}\n${options.solution ?? ""}`, starters);
      test(`${file} #${options.id}: the solution passes, the starting code does not`, async () => {
        assert.ok(options.solution, `${options.id}: no solution to show the student`);
        assert.equal(starters.length, answers.length, `${options.id}: a starter cell per answer`);
        const solved = await outcome(cell, options.solution, helpers);
        assert.equal(solved.pass, true, `${options.id}: the solution fails: ${solved.message}`);
        const unsolved = await outcome(cell, starters.join("\n"), helpers);
        assert.equal(unsolved.pass, false, `${options.id}: the starting code already passes`);
        assert.ok(unsolved.message.length > 0, `${options.id}: the starter gets no message`);
      });
    }
  }
});
