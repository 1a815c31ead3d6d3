import { relative } from "node:path";
import { CompileError, CompileErrors, formatCompileError } from "../notebook/compile/index.ts";
import { PROJECT } from "./project.ts";

/** An esbuild message, as its BuildFailure carries them. */
interface BundleMessage {
  text: string;
  location?: { file: string; line: number; column: number } | null;
}

/**
 * Why a build failed, one `file:line:col: message` per problem: the compile errors of the
 * Markdown and macros, or what esbuild found in src/ (a syntax error, an import of a file that
 * is not there), or else the error's own message.
 */
export function describeBuildFailure(error: unknown): string[] {
  if (error instanceof CompileErrors) return error.errors.map(formatCompileError);
  if (error instanceof CompileError) return [formatCompileError(error)];
  const messages = (error as { errors?: unknown } | null)?.errors;
  if (Array.isArray(messages) && messages.length > 0) {
    return (messages as BundleMessage[]).map((m) => {
      const at = m.location;
      // esbuild counts columns from 0.
      return at
        ? `${relative(PROJECT, at.file) || at.file}:${at.line}:${at.column + 1}: ${m.text}`
        : m.text;
    });
  }
  return [error instanceof Error ? error.message : String(error)];
}
