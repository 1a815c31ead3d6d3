// The notebook compiler's public surface: Markdown with cells in, a compiled page out.
// The site build and the dev server reach the compiler only through this file; the stages
// behind it (front matter, markdown-it, KaTeX, cell parsing and checking, transpiling) are
// its own business.

export { CompileError, CompileErrors, formatCompileError } from "../cell/index.ts";
export { type CompileOptions, compilePage } from "./compile-page.ts";
export { escapeHtml, messageHtml } from "./escape-html.ts";
export {
  CLIENT_BUILTINS,
  CONFUSING_GLOBALS,
  JAVASCRIPT_GLOBALS,
  LIBRARY_BUILTINS,
  MODULE_BUILTINS,
  STANDARD_BUILTINS,
} from "./globals.ts";
export { parseMacros } from "./parse-macros.ts";
export type {
  CellDefinition,
  CompiledPage,
  CompileErrorData,
  ExerciseInfo,
  FrontMatter,
  Heading,
  PageLinkData,
  SourcePosition,
} from "./types.ts";
