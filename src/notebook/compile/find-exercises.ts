import { type Node, type Options, Parser, parseExpressionAt } from "acorn";
import { simple } from "acorn-walk";
import type { ExerciseInfo, ParsedCell } from "./types.ts";

const OPTIONS: Options = {
  ecmaVersion: "latest",
  sourceType: "module",
  allowAwaitOutsideFunction: true,
};

/**
 * The exercises and predictions a page's cells set (`exercise({ id, title, … })`,
 * `predict({ id, question, … })`), read from the code at build time, so the chapter's header
 * and the index can list them and count progress before any cell runs. An id or title that is
 * not written as a plain string is left out (the block still works on the page).
 */
export function findExercises(cells: readonly ParsedCell[]): ExerciseInfo[] {
  const found: ExerciseInfo[] = [];
  for (const cell of cells) {
    if (cell.error || !cell.references.some((r) => r.name === "exercise" || r.name === "predict"))
      continue;
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
        if (
          callee.type !== "Identifier" ||
          (callee.name !== "exercise" && callee.name !== "predict")
        )
          return;
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
        const kind = callee.name === "exercise" ? "exercise" : "predict";
        const title = (kind === "exercise" ? text("title") : text("question")) ?? id;
        found.push({ id, kind, title });
      },
    });
  }
  return found;
}
