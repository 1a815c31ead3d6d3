import { CONFUSING_GLOBALS } from "./globals.ts";
import type { CompileErrorData, ParsedCell } from "./types.ts";

/**
 * Page-level checks once every cell is parsed: a name declared by two cells, a reference to a
 * name that is neither declared on the page nor a built-in nor a global, an assignment to
 * another cell's variable or a built-in, and cycles between cells. Returns the errors (empty
 * when the page is sound) with their Markdown positions. Cells with a syntax error take part
 * with what they declare, so the cells using their names are not blamed too.
 */
export function checkCells(
  cells: readonly ParsedCell[],
  builtins: ReadonlySet<string>,
  globals: ReadonlySet<string>,
): CompileErrorData[] {
  const errors: CompileErrorData[] = [];
  const declaredBy = new Map<string, ParsedCell>();
  for (const cell of cells) {
    for (const d of cell.declarations) {
      const first = declaredBy.get(d.name);
      if (first) {
        errors.push({
          cellId: cell.id,
          file: cell.position.file,
          line: d.line,
          column: d.column,
          message: `\`${d.name}\` is already declared by the cell at line ${first.position.line}; each name may be declared by one cell only`,
        });
      } else {
        if (builtins.has(d.name)) {
          errors.push({
            cellId: cell.id,
            file: cell.position.file,
            line: d.line,
            column: d.column,
            message: `\`${d.name}\` is a built-in; declaring it in a cell would hide it — choose another name`,
          });
        }
        declaredBy.set(d.name, cell);
      }
    }
  }
  for (const cell of cells) {
    for (const r of cell.references) {
      if (!declaredBy.has(r.name) && !builtins.has(r.name) && !globals.has(r.name)) {
        const hint = CONFUSING_GLOBALS.has(r.name)
          ? ` (a bare \`${r.name}\` would read the browser's \`window.${r.name}\`; write that if you mean it)`
          : "";
        errors.push({
          cellId: cell.id,
          file: cell.position.file,
          line: r.line,
          column: r.column,
          message: `\`${r.name}\` is not declared by any cell on this page and is not a built-in${hint}`,
        });
      }
    }
    for (const a of cell.assignments) {
      const owner = declaredBy.get(a.name);
      const message = owner
        ? `cannot assign to \`${a.name}\`, which the cell at line ${owner.position.line} declares; a cell may only change its own variables (for a value other cells change, declare it there as \`const ${a.name} = Mutable(…)\` with a function that sets \`${a.name}.value\`, and call that function here)`
        : builtins.has(a.name)
          ? `cannot assign to \`${a.name}\`, a built-in; declare a variable of your own instead`
          : null;
      if (message)
        errors.push({
          cellId: cell.id,
          file: cell.position.file,
          line: a.line,
          column: a.column,
          message,
        });
    }
  }
  errors.push(...findCycles(cells, declaredBy));
  return errors;
}

/** One error per cycle, reported at the first cell (in page order) that takes part in it. */
function findCycles(
  cells: readonly ParsedCell[],
  declaredBy: Map<string, ParsedCell>,
): CompileErrorData[] {
  const errors: CompileErrorData[] = [];
  const state = new Map<ParsedCell, "visiting" | "done">();
  const stack: ParsedCell[] = [];
  const visit = (cell: ParsedCell): void => {
    state.set(cell, "visiting");
    stack.push(cell);
    for (const r of cell.references) {
      const next = declaredBy.get(r.name);
      if (!next || next === cell) continue;
      if (state.get(next) === "visiting") {
        const loop = stack.slice(stack.indexOf(next));
        const first = loop.reduce((a, b) => (a.position.line <= b.position.line ? a : b));
        const path = [...loop, next].map((c) => `line ${c.position.line}`).join(" → ");
        errors.push({
          cellId: first.id,
          file: first.position.file,
          line: first.position.line,
          column: first.position.column,
          message: `cells depend on each other in a circle (${path}); a cell cannot use a value that depends on it`,
        });
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(cell, "done");
  };
  for (const cell of cells) if (!state.has(cell)) visit(cell);
  return errors;
}
