import type { CompileErrorData } from "./types.ts";

/** An error in an author's Markdown, carrying where it happened as `file:line:col`. */
export class CompileError extends Error implements CompileErrorData {
  readonly file: string;
  readonly line: number;
  readonly column: number;

  constructor(data: CompileErrorData) {
    super(data.message);
    this.name = "CompileError";
    this.file = data.file;
    this.line = data.line;
    this.column = data.column;
  }

  /** "content/06-backprop.md:42:7: message" */
  override toString(): string {
    return formatCompileError(this);
  }
}

/** Formats an error as the usual `file:line:col: message`. */
export function formatCompileError(error: CompileErrorData): string {
  return `${error.file}:${error.line}:${error.column}: ${error.message}`;
}

/** Raised when a page has several compile errors; its message lists each on its own line. */
export class CompileErrors extends Error {
  readonly errors: CompileErrorData[];

  constructor(errors: CompileErrorData[]) {
    super(errors.map(formatCompileError).join("\n"));
    this.name = "CompileErrors";
    this.errors = errors;
  }
}
