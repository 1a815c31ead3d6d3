import type { CellDefinition, CompileErrorData, ParsedCell } from "./types.ts";

/**
 * Turns a parsed cell into its runtime definition `{id, inputs, outputs, body}`: `body` is the
 * source of a function of the inputs. An expression cell returns its value; a program cell
 * runs its statements and returns an object holding its declarations, which the client splits
 * into one reactive variable per name. `isVariable` says which free names are reactive
 * variables (declared on the page or built in) rather than globals.
 */
export function transpileCell(
  cell: ParsedCell,
  isVariable: (name: string) => boolean = () => true,
): CellDefinition {
  // JavaScript globals (Math, Promise, …) are read directly; only page variables and built-ins
  // go through the runtime.
  const inputs = cell.references.map((r) => r.name).filter(isVariable);
  const outputs = cell.declarations.map((d) => d.name);
  const params = inputs.join(", ");
  const prefix = cell.async ? "async " : "";
  // The code starts on the body's second line, as written (not even trimmed), so a position in
  // a stack trace maps back onto the Markdown with `line` and `columns`.
  const body = cell.expression
    ? `${prefix}(${params}) => (\n${cell.code}\n)`
    : `${prefix}(${params}) => {\n${cell.code}\n${outputs.length ? `return {${outputs.join(", ")}};\n` : ""}}`;
  return { id: cell.id, inputs, outputs, expression: cell.expression, body, ...place(cell) };
}

/**
 * The definition of a cell that does not compile (dev mode): nothing runs, but the names it
 * declares exist, failing with `error`, so the cells that use them wait on it. `owns` leaves
 * out names another cell declared first (they are that cell's).
 */
export function failedCellDefinition(
  cell: ParsedCell,
  error: CompileErrorData,
  owns: (name: string) => boolean = () => true,
): CellDefinition {
  return {
    id: cell.id,
    inputs: [],
    outputs: [...new Set(cell.declarations.map((d) => d.name))].filter(owns),
    expression: false,
    body: "",
    ...place(cell),
    error: `${error.file}:${error.line}:${error.column}: ${error.message}`,
  };
}

/** Where the cell sits in the Markdown, for messages and for mapping stack traces back. */
function place(cell: ParsedCell): Pick<CellDefinition, "inline" | "source" | "line" | "columns"> {
  const columns = cell.columns ?? [cell.position.column];
  return {
    inline: cell.inline,
    source: `${cell.position.file}:${cell.position.line}`,
    line: cell.position.line,
    ...(columns.some((c) => c !== 1) ? { columns } : {}),
  };
}
