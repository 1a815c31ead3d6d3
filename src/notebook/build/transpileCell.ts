import type { CellDefinition, ParsedCell } from "./types.ts";

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
  // The code sits on its own lines so a stack trace's line inside the body maps onto the cell.
  const body = cell.expression
    ? `${prefix}(${params}) => (\n${cell.code.trim()}\n)`
    : `${prefix}(${params}) => {\n${cell.code}\n${outputs.length ? `return {${outputs.join(", ")}};\n` : ""}}`;
  return {
    id: cell.id,
    inputs,
    outputs,
    expression: cell.expression,
    inline: cell.inline,
    body,
    source: `${cell.position.file}:${cell.position.line}`,
  };
}
