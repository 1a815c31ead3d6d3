import { isAbsolute, relative } from "node:path";
import { fileURLToPath } from "node:url";
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
 * is not there), or a crash of the build's own code (a syntax error tsx could not compile, a
 * TypeError thrown in the compiler) at the place in our code it came from, or else the
 * error's own message.
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
  if (!(error instanceof Error)) return [String(error)];
  const transform = transformProblems(error.message);
  if (transform.length > 0) return transform;
  const at = projectFrame(error.stack ?? "");
  return [at ? `${at}: ${error.name}: ${error.message}` : error.message];
}

/**
 * The problems of a crashed build process, from what it printed: the transform errors tsx
 * reports, or else the first place in our code a stack trace names; undefined when neither.
 */
export function describeCrashOutput(output: string): string[] | undefined {
  const transform = transformProblems(output);
  if (transform.length > 0) return transform;
  const at = projectFrame(output);
  if (at === undefined) return undefined;
  const what = /^(\w*Error|Error)(: .*)?$/m.exec(output)?.[0] ?? "the build process crashed";
  return [`${at}: ${what}`];
}

// tsx (esbuild) reports a file it cannot compile as `/abs/file.ts:3:12: ERROR: message`, with
// columns from 0.
function transformProblems(text: string): string[] {
  return [...text.matchAll(/^(\/[^\n:]+|[A-Za-z]:\\[^\n:]+):(\d+):(\d+): ERROR: (.*)$/gm)].map(
    ([, file, line, column, message]) =>
      `${shortPath(file)}:${line}:${Number(column) + 1}: ${message}`,
  );
}

/** `file:line:col` of the first stack frame in the project's own code (not node_modules). */
function projectFrame(stack: string): string | undefined {
  for (const [, where, line, column] of stack.matchAll(
    /(?:\(|at |^)((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)\)?/gm,
  )) {
    const file = where.startsWith("file:") ? fileURLToPath(where) : where;
    const path = relative(PROJECT, file);
    if (!path.startsWith("..") && !isAbsolute(path) && !path.includes("node_modules")) {
      return `${path}:${line}:${column}`;
    }
  }
  return undefined;
}

function shortPath(file: string): string {
  const path = relative(PROJECT, file);
  return path.startsWith("..") || isAbsolute(path) ? file : path;
}
