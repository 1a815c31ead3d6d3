import {
  type CellDefinition,
  CompileError,
  instrumentLoops,
  type ParsedCell,
  parseJavaScript,
  transpileCell,
} from "../cell/index.ts";

/** What an edited cell is compiled against: the rest of its page. */
export interface EditContext {
  /** The cell's id ("c3") and its place in the Markdown ("content/05-chain-rule.md:42"). */
  id: string;
  source: string;
  /** Names the page's other cells declare, each with its cell's "file:line". */
  declaredElsewhere: ReadonlyMap<string, string>;
  /** Built-ins (standard ones, the library's exports, graph, plots). */
  builtins: ReadonlySet<string>;
  /** True for a name the browser has as a global. */
  isGlobal(name: string): boolean;
}

/** A problem in edited code, at its line and column in the editor (both 1-based). */
export interface EditError {
  line: number;
  column: number;
  message: string;
}

/** A compiled edit (the cell's new runtime definition), or why it does not compile. */
export type CompiledEdit =
  | {
      ok: true;
      cell: CellDefinition & {
        edited: true;
        insertions: ReturnType<typeof instrumentLoops>["insertions"];
      };
    }
  | { ok: false; errors: EditError[] };

/**
 * Compiles a reader's code for a cell with the build's own stages (parse, page checks,
 * transpile), so it behaves as if the chapter had said it: its top-level declarations are
 * reactive variables and the cells using them run again. Its loops are guarded. Positions are
 * the editor's: line 1 is the code's first line.
 */
export function compileEdit(code: string, context: EditContext): CompiledEdit {
  const file = context.source.replace(/:\d+$/, "");
  const at = { file, line: 1, column: 1 };
  let parsed: ParsedCell;
  try {
    parsed = parseJavaScript({ id: context.id, code, position: at, inline: false, echo: false });
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    return {
      ok: false,
      errors: [{ line: error.line, column: error.column, message: error.message }],
    };
  }
  const errors = checkEdit(parsed, context);
  if (errors.length) return { ok: false, errors };
  const declared = new Set([
    ...context.declaredElsewhere.keys(),
    ...parsed.declarations.map((d) => d.name),
  ]);
  const guarded = instrumentLoops(code, parsed.expression, context.id);
  const definition = transpileCell(
    { ...parsed, code: guarded.code },
    (name) => declared.has(name) || context.builtins.has(name),
  );
  return {
    ok: true,
    // The code starts on the body's line 2: `line` 2 keeps the editor's line numbers.
    cell: {
      ...definition,
      source: context.source,
      line: 2,
      edited: true,
      insertions: guarded.insertions,
    },
  };
}

/**
 * The build's page checks (checkCells), for one cell against the rest of its page: a name
 * another cell declares or a built-in, a name that exists nowhere, an assignment to another
 * cell's name.
 */
function checkEdit(cell: ParsedCell, context: EditContext): EditError[] {
  const errors: EditError[] = [];
  const lineOf = (source: string): string => source.replace(/^.*:/, "line ");
  for (const d of cell.declarations) {
    const owner = context.declaredElsewhere.get(d.name);
    if (owner)
      errors.push({
        ...d,
        message: `\`${d.name}\` is already declared by the cell at ${lineOf(owner)}; each name may be declared by one cell only`,
      });
    else if (context.builtins.has(d.name))
      errors.push({
        ...d,
        message: `\`${d.name}\` is a built-in; declaring it in a cell would hide it — choose another name`,
      });
  }
  const own = new Set(cell.declarations.map((d) => d.name));
  for (const r of cell.references)
    if (
      !own.has(r.name) &&
      !context.declaredElsewhere.has(r.name) &&
      !context.builtins.has(r.name) &&
      !context.isGlobal(r.name)
    )
      errors.push({
        ...r,
        message: `\`${r.name}\` is not declared by any cell on this page and is not a built-in`,
      });
  for (const a of cell.assignments) {
    const owner = context.declaredElsewhere.get(a.name);
    if (owner)
      errors.push({
        ...a,
        message: `cannot assign to \`${a.name}\`, which the cell at ${lineOf(owner)} declares; a cell may only change its own variables`,
      });
    else if (context.builtins.has(a.name))
      errors.push({
        ...a,
        message: `cannot assign to \`${a.name}\`, a built-in; declare a variable of your own instead`,
      });
  }
  return errors
    .map(({ line, column, message }) => ({ line, column, message }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
