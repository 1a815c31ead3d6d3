import { type Expression, type Options, Parser, type Program } from "acorn";
import { isDummy, parse as parseLoose } from "acorn-loose";
import { base, simple } from "acorn-walk";
import { CompileError } from "./compile-error.ts";
import { findAssignments } from "./find-assignments.ts";
import { findDeclarations } from "./find-declarations.ts";
import { findReferences } from "./find-references.ts";
import type { CellSource, NameSite, ParsedCell } from "./types.ts";

const OPTIONS: Options = {
  ecmaVersion: "latest",
  sourceType: "module",
  allowAwaitOutsideFunction: true,
  locations: true,
};

type Loc = { line: number; column: number };

/** The Markdown position of a 1-based line and 0-based column of a cell's code. */
export function cellPosition(cell: CellSource, loc: Loc): Loc {
  const start = cell.columns?.[loc.line - 1] ?? (loc.line === 1 ? cell.position.column : 1);
  return { line: cell.position.line + loc.line - 1, column: start + loc.column };
}

/**
 * Reads one cell with acorn: is it a lone expression (its value is displayed) or a program
 * (its top-level declarations become reactive variables), which names does it declare, which
 * free names does it use and assign. Throws a CompileError at the Markdown position of a
 * syntax error.
 */
export function parseJavaScript(cell: CellSource): ParsedCell {
  const expression = maybeParseExpression(cell);
  const program: Program | Expression = expression ?? parseProgram(cell);
  const at = (loc: Loc): Loc => cellPosition(cell, loc);
  if (program.type === "Program") rejectImports(program, cell, at);
  const site = (node: { name: string; loc?: { start: Loc } | null }): NameSite => ({
    name: node.name,
    ...at(node.loc?.start ?? { line: 1, column: 0 }),
  });
  const declarations = program.type === "Program" ? findDeclarations(program).map(site) : [];
  const free = findReferences(program);
  const seen = new Set<string>();
  const references: NameSite[] = [];
  for (const node of free) {
    if (seen.has(node.name)) continue;
    seen.add(node.name);
    references.push(site(node));
  }
  return {
    ...cell,
    expression: expression !== null,
    declarations,
    references,
    assignments: findAssignments(program, new Set(free)).map(site),
    async: usesAwait(program),
  };
}

/**
 * What a cell with a syntax error declares, read by acorn's error-tolerant parser, so its
 * names still exist (as failed variables) and the cells using them are not blamed too.
 */
export function looseDeclarations(cell: CellSource): NameSite[] {
  try {
    return findDeclarations(parseLoose(cell.code, OPTIONS))
      .filter((node) => !isDummy(node))
      .map((node) => ({
        name: node.name,
        ...cellPosition(cell, node.loc?.start ?? { line: 1, column: 0 }),
      }));
  } catch {
    return [];
  }
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
    const loc = (error as { loc?: Loc }).loc ?? { line: 1, column: 0 };
    const message = (error as Error).message.replace(/ \(\d+:\d+\)$/, "");
    throw new CompileError({
      file: cell.position.file,
      ...cellPosition(cell, loc),
      message: `syntax error in cell: ${message}`,
    });
  }
}

function rejectImports(program: Program, cell: CellSource, at: (loc: Loc) => Loc): void {
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
