import type { Insertion } from "./map-column.ts";

/** Guarded code with the guard's insertions taken out again: the code as it was written. */
export function removeInsertions(code: string, insertions: readonly Insertion[]): string {
  if (insertions.length === 0) return code;
  const lines = code.split("\n");
  for (let line = 1; line <= lines.length; line++) {
    const here = insertions.filter((i) => i.line === line).sort((a, b) => a.column - b.column);
    // Columns are the original code's: once the insertions before one are taken out (left to
    // right), it starts at its own column.
    for (const i of here) {
      const text = lines[line - 1];
      lines[line - 1] = text.slice(0, i.column) + text.slice(i.column + i.length);
    }
  }
  return lines.join("\n");
}
