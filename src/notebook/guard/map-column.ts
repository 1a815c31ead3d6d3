/** Text put into a cell's code, and where (1-based line, 0-based column of the original code). */
export interface Insertion {
  line: number;
  column: number;
  length: number;
}

/**
 * The column in the original code of a 0-based `column` of guarded code on `line` (1-based):
 * the inserted text before it on its line is taken off.
 */
export function mapColumn(line: number, column: number, insertions: readonly Insertion[]): number {
  let shift = 0;
  for (const i of insertions) {
    if (i.line !== line) continue;
    if (column >= i.column + shift + i.length) shift += i.length;
    else if (column >= i.column + shift) return i.column; // inside the inserted text itself
  }
  return column - shift;
}
