// One cell's JavaScript, compiled the same way by the site build (Node) and by the editor in
// the browser: parsed with acorn (what it declares, reads and assigns), transpiled to the
// runtime's `{id, inputs, outputs, body}`, its loops given guard calls (the run-time half is
// notebook/guard), and read back as code. Nothing here needs Node,
// markdown-it or KaTeX, so the editor's chunk carries only this (notebook/compile is the page).

export { codeOfCell } from "./code-of-cell.ts";
export { CompileError, CompileErrors, formatCompileError } from "./compile-error.ts";
export { type GuardedCode, instrumentLoops } from "./instrument-loops.ts";
export { looseDeclarations, parseJavaScript } from "./parse-javascript.ts";
export { failedCellDefinition, transpileCell } from "./transpile-cell.ts";
export type {
  CellDefinition,
  CellSource,
  CompileErrorData,
  NameSite,
  ParsedCell,
  SourcePosition,
} from "./types.ts";
