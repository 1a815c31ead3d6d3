import { type Node, type Options, Parser, parseExpressionAt } from "acorn";
import { simple } from "acorn-walk";
import type { ExerciseInfo, ParsedCell } from "./types.ts";

/** The built-ins that set an exercise, and the kind each sets. */
const KINDS = new Map<string, ExerciseInfo["kind"]>([
  ["exercise", "exercise"],
  ["predict", "predict"],
  ["answerBox", "answer"],
]);

const OPTIONS: Options = {
  ecmaVersion: "latest",
  sourceType: "module",
  allowAwaitOutsideFunction: true,
};

/**
 * The exercises, predictions and answer boxes a page's cells set (`exercise({ id, title, … })`,
 * `predict({ id, question, … })`, `answerBox({ id, title, … })`), read from the code at build time, so the chapter's header
 * and the index can list them and count progress before any cell runs. An id or title that is
 * not written as a plain string is left out (the block still works on the page).
 */
export function findExercises(cells: readonly ParsedCell[]): ExerciseInfo[] {
  const found: ExerciseInfo[] = [];
  for (const cell of cells) {
    if (cell.error || !cell.references.some((r) => KINDS.has(r.name))) continue;
    let root: Node;
    try {
      root = cell.expression
        ? parseExpressionAt(cell.code, 0, OPTIONS)
        : Parser.parse(cell.code, OPTIONS);
    } catch {
      continue;
    }
    simple(root, {
      CallExpression(node) {
        const callee = node.callee;
        const kind = callee.type === "Identifier" ? KINDS.get(callee.name) : undefined;
        if (!kind) return;
        const options = node.arguments[0];
        if (options?.type !== "ObjectExpression") return;
        const text = (key: string): string | undefined => {
          for (const p of options.properties) {
            if (p.type !== "Property" || p.computed) continue;
            const name =
              p.key.type === "Identifier"
                ? p.key.name
                : p.key.type === "Literal"
                  ? String(p.key.value)
                  : "";
            if (name !== key) continue;
            if (p.value.type === "Literal" && typeof p.value.value === "string")
              return p.value.value;
            if (p.value.type === "TemplateLiteral" && p.value.expressions.length === 0)
              return p.value.quasis.map((q) => q.value.cooked ?? "").join("");
          }
          return undefined;
        };
        const id = text("id");
        if (!id) return;
        const title = (kind === "predict" ? text("question") : text("title")) ?? id;
        found.push({ id, kind, title });
      },
    });
  }
  return found;
}
