import { type Expression, type Options, Parser, type Program } from "acorn";
import { base, simple } from "acorn-walk";
import { CompileError } from "./compileError.ts";
import { findDeclarations } from "./findDeclarations.ts";
import { findReferences } from "./findReferences.ts";
import type { CellSource, NameSite, ParsedCell } from "./types.ts";

const OPTIONS: Options = {
  ecmaVersion: "latest",
  sourceType: "module",
  allowAwaitOutsideFunction: true,
  locations: true,
};

/**
 * Reads one cell with acorn: is it a lone expression (its value is displayed) or a program
 * (its top-level declarations become reactive variables), which names does it declare and
 * which free names does it use. Throws a CompileError at the Markdown position of a syntax error.
 */
export function parseJavaScript(cell: CellSource): ParsedCell {
  const expression = maybeParseExpression(cell);
  const program: Program | Expression = expression ?? parseProgram(cell);
  const at = (loc: { line: number; column: number }): { line: number; column: number } => ({
    line: cell.position.line + loc.line - 1,
    column: (loc.line === 1 ? cell.position.column - 1 : 0) + loc.column + 1,
  });
  if (program.type === "Program") rejectImports(program, cell, at);
  const site = (node: {
    name: string;
    loc?: { start: { line: number; column: number } } | null;
  }): NameSite => ({
    name: node.name,
    ...at(node.loc?.start ?? { line: 1, column: 0 }),
  });
  const declarations = program.type === "Program" ? findDeclarations(program).map(site) : [];
  const seen = new Set<string>();
  const references: NameSite[] = [];
  for (const node of findReferences(program)) {
    if (seen.has(node.name)) continue;
    seen.add(node.name);
    references.push(site(node));
  }
  return {
    ...cell,
    expression: expression !== null,
    declarations,
    references,
    async: usesAwait(program),
  };
}

/** Returns the expression when the whole cell is one expression, null otherwise. */
function maybeParseExpression(cell: CellSource): Expression | null {
  // acorn's parser internals are public at run time but missing from its typings.
  interface ParserInternals {
    nextToken(): void;
    parseExpression(): Expression;
    type: { label: string };
  }
  const Internal = Parser as unknown as new (
    options: Options,
    input: string,
    start: number,
  ) => ParserInternals;
  const parser = new Internal(OPTIONS, cell.code, 0);
  try {
    parser.nextToken();
    const node = parser.parseExpression();
    // Only whitespace and comments may follow; the current token is then end-of-file.
    if (parser.type.label !== "eof") return null;
    // `function f() {}` and `class C {}` alone in a cell are declarations, as in a script.
    if ((node.type === "FunctionExpression" || node.type === "ClassExpression") && node.id)
      return null;
    return node;
  } catch {
    return null;
  }
}

function parseProgram(cell: CellSource): Program {
  try {
    return Parser.parse(cell.code, OPTIONS);
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc ?? { line: 1, column: 0 };
    const message = (error as Error).message.replace(/ \(\d+:\d+\)$/, "");
    throw new CompileError({
      file: cell.position.file,
      line: cell.position.line + loc.line - 1,
      column: (loc.line === 1 ? cell.position.column - 1 : 0) + loc.column + 1,
      message: `syntax error in cell: ${message}`,
    });
  }
}

function rejectImports(
  program: Program,
  cell: CellSource,
  at: (loc: { line: number; column: number }) => { line: number; column: number },
): void {
  for (const statement of program.body) {
    if (statement.type === "ImportDeclaration" || statement.type.startsWith("Export")) {
      throw new CompileError({
        file: cell.position.file,
        ...at(statement.loc?.start ?? { line: 1, column: 0 }),
        message:
          "cells cannot import or export; the library (tensor, nn, graph, plots, …) is already there by name",
      });
    }
  }
}

/** True when `await` appears outside any nested function (so the cell body must be async). */
function usesAwait(node: Program | Expression): boolean {
  let found = false;
  simple(
    node,
    {
      AwaitExpression() {
        found = true;
      },
      ForOfStatement(n) {
        if (n.await) found = true;
      },
    },
    // Do not descend into functions: their awaits belong to them.
    { ...base, Function() {} },
  );
  return found;
}
