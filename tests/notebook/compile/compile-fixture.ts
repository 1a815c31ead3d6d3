// Compiling fixtures from tests/fixtures/notebook the way the site build does.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CompileError,
  CompileErrors,
  formatCompileError,
} from "../../../src/notebook/cell/compile-error.ts";
import { type CompileOptions, compilePage } from "../../../src/notebook/compile/compile-page.ts";
import {
  JAVASCRIPT_GLOBALS,
  LIBRARY_BUILTINS,
  MODULE_BUILTINS,
  STANDARD_BUILTINS,
} from "../../../src/notebook/compile/globals.ts";
import { FIXTURES } from "./snapshot.ts";

export const OPTIONS: CompileOptions = {
  macros: { "\\R": "\\mathbb{R}", "\\pd": "\\frac{\\partial #1}{\\partial #2}" },
  builtins: new Set([...STANDARD_BUILTINS, ...LIBRARY_BUILTINS, ...MODULE_BUILTINS]),
  globals: JAVASCRIPT_GLOBALS,
};

export function compileFixture(name: string, dev = false, options: Partial<CompileOptions> = {}) {
  const file = join(FIXTURES, name);
  return compilePage(readFileSync(file, "utf8"), file, { ...OPTIONS, ...options, dev });
}

/** The build's error message for a fixture, one `file:line:col: message` per line. */
export function buildError(name: string, options: Partial<CompileOptions> = {}): string {
  try {
    compileFixture(name, false, options);
  } catch (error) {
    if (error instanceof CompileErrors) return error.message;
    if (error instanceof CompileError) return formatCompileError(error);
    throw error;
  }
  assert.fail(`${name} compiled without an error`);
}
