import { removeInsertions } from "../guard/index.ts";
import type { CellDefinition } from "./types.ts";

/**
 * The code a cell's author wrote, read back from its runtime definition: `transpileCell` puts
 * it between the function's first line and its closing line (and, for a program declaring
 * names, the `return {…};` line before that), as written — but for the loop guard's calls,
 * which are taken out again.
 */
export function codeOfCell(
  cell: Pick<CellDefinition, "body" | "expression" | "outputs" | "insertions">,
): string {
  const lines = cell.body.split("\n");
  const tail = cell.expression || cell.outputs.length === 0 ? 1 : 2;
  return removeInsertions(lines.slice(1, lines.length - tail).join("\n"), cell.insertions ?? []);
}
