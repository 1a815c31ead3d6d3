// Where a reader's code went wrong, as a line and column of what they typed and a message about
// it. The browser's own SyntaxError from `new Function` carries no position, and its message
// can name a character the reader never typed (`x.mul(` wrapped in `return (…);` reports
// "Unexpected token ';'"), so syntax errors are found again with acorn on the reader's text
// alone: unbalanced brackets first (an unfinished call is the commonest slip), then acorn's
// parse. Runtime errors are placed from the stack frame of the reader's code, which carries a
// `sourceURL` of its own. Pure functions over strings: no DOM.
import { type Options, Parser, type Token, tokenizer, tokTypes } from "acorn";

/** A problem in a reader's code: 1-based line and column when known. */
export interface CodeError {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** How the code is read: statements (a function body, `return` allowed) or one expression. */
export type CodeMode = "body" | "expression";

const OPTIONS: Options = {
  ecmaVersion: "latest",
  sourceType: "script",
  allowReturnOutsideFunction: true,
  locations: true,
};

const OPENERS: Record<string, string> = { "(": ")", "[": "]", "{": "}", "${": "}" };
const CLOSERS = new Set([")", "]", "}"]);

/** 1-based line and column of offset `pos` in `code`. */
export function positionOf(code: string, pos: number): { line: number; column: number } {
  const before = code.slice(0, pos);
  const line = before.split("\n").length;
  return { line, column: pos - (before.lastIndexOf("\n") + 1) + 1 };
}

/** "line 3, column 10: message", or the message alone when the place is unknown. */
export function formatCodeError(error: CodeError): string {
  return error.line === undefined
    ? error.message
    : `line ${error.line}, column ${error.column ?? 1}: ${error.message}`;
}

/**
 * The line the error is on, numbered, with a caret under its column:
 * ```
 * 3 | return w.foo();
 *   |          ^
 * ```
 * Empty when the place is unknown.
 */
export function codeExcerpt(code: string, error: CodeError): string {
  if (error.line === undefined) return "";
  const text = code.split("\n")[error.line - 1] ?? "";
  const gutter = String(error.line);
  const pad = " ".repeat(gutter.length);
  const col = Math.max(1, error.column ?? 1);
  // Tabs stay tabs under the caret, so it lines up however wide the box draws them.
  const lead = [...text.slice(0, col - 1)].map((c) => (c === "\t" ? "\t" : " ")).join("");
  return `${gutter} | ${text}\n${pad} | ${lead}^`;
}

/** The message of an acorn error without its "(line:col)" tail. */
function acornMessage(error: unknown): string {
  return String((error as Error).message ?? error).replace(/\s*\(\d+:\d+\)$/, "");
}

/** A friendlier wording of acorn's message, naming the text found at `pos`. */
function reword(code: string, pos: number, message: string): string {
  if (message === "Unexpected token" || message.startsWith("Unexpected character")) {
    const found = code.slice(pos).match(/^(\w+|\S)/)?.[0];
    return found ? `\`${found}\` is not expected here` : "the code ends too early";
  }
  if (message === "Unterminated string constant") return "a string that is never closed";
  if (message === "Unterminated template") return "a template string with no closing `";
  if (message === "Unterminated comment") return "a /* comment with no closing */";
  if (message === "Unterminated regular expression") return "a / … / pattern that is never closed";
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/**
 * The text of the call whose `(` is token `i`: the chain of names, dots and bracketed groups
 * before it (`W2.matmul(a1).add(`), or null when the `(` only groups.
 */
function callText(code: string, tokens: readonly Token[], i: number): string | null {
  let j = i - 1;
  const isCallee = (t: Token | undefined): boolean =>
    t !== undefined &&
    (t.type === tokTypes.name || t.type === tokTypes.parenR || t.type === tokTypes.bracketR);
  if (!isCallee(tokens[j])) return null;
  let start = tokens[i].start;
  while (j >= 0) {
    const t = tokens[j];
    if (t.type === tokTypes.parenR || t.type === tokTypes.bracketR) {
      // Back over the balanced group to its opener; what precedes it is more of the chain.
      let depth = 0;
      for (; j >= 0; j--) {
        const label = tokens[j].type.label;
        if (label === ")" || label === "]") depth++;
        else if (label === "(" || label === "[") depth--;
        if (depth === 0) break;
      }
      if (j < 0) break;
      start = tokens[j].start;
      j--;
    } else if (t.type === tokTypes.name) {
      start = t.start;
      j--;
      const link = tokens[j];
      if (link?.type === tokTypes.dot || link?.type === tokTypes.questionDot) j--;
      else break;
    } else break;
  }
  return code.slice(start, tokens[i].end);
}

function at(code: string, pos: number, message: string): CodeError {
  return { message, ...positionOf(code, pos) };
}

/** Unbalanced brackets in `code`, or null; throws acorn's error when the code cannot be tokenised. */
function bracketProblem(code: string): CodeError | null {
  const tokens: Token[] = [];
  for (const t of tokenizer(code, OPTIONS)) tokens.push(t);
  const open: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const label = tokens[i].type.label;
    if (label in OPENERS) open.push(i);
    else if (CLOSERS.has(label)) {
      const o = open.pop();
      const where = positionOf(code, tokens[i].start);
      if (o === undefined) {
        return at(code, tokens[i].start, `this ${label} has nothing to close`);
      }
      const opener = tokens[o].type.label;
      if (OPENERS[opener] !== label) {
        const from = positionOf(code, tokens[o].start);
        return {
          message: `this ${label} does not match the ${opener} on line ${from.line}, column ${from.column} (a ${OPENERS[opener]} is missing before it)`,
          ...where,
        };
      }
    }
  }
  const o = open.pop();
  if (o === undefined) return null;
  const opener = tokens[o].type.label;
  const closer = OPENERS[opener];
  const call = opener === "(" ? callText(code, tokens, o) : null;
  return at(
    code,
    tokens[o].start,
    call
      ? `the call \`${call}\` is unfinished: its ( is never closed (add the arguments and a ))`
      : `this ${opener} is never closed (a ${closer} is missing)`,
  );
}

/** The error acorn threw at offset `pos - shift` of `code`, in the reader's coordinates. */
function fromAcorn(code: string, error: unknown, shift: number): CodeError {
  const pos = (error as { pos?: number }).pos;
  if (typeof pos !== "number") return { message: acornMessage(error) };
  const p = Math.max(0, Math.min(code.length, pos - shift));
  return at(code, p, reword(code, p, acornMessage(error)));
}

/**
 * Finds the syntax error in `code`, read as `mode`, in the reader's own coordinates. Returns
 * `fallback` without a place when acorn finds nothing wrong (the browser was stricter).
 */
export function locateSyntaxError(
  code: string,
  mode: CodeMode,
  fallback = "it does not parse",
): CodeError {
  try {
    const brackets = bracketProblem(code);
    if (brackets) return brackets;
  } catch (error) {
    return fromAcorn(code, error, 0); // an unclosed string or comment
  }
  if (mode === "expression") {
    try {
      const node = Parser.parseExpressionAt(code, 0, OPTIONS);
      const rest = code.slice(node.end).match(/\S/);
      if (rest?.index === undefined) return { message: fallback };
      const pos = node.end + rest.index;
      return at(
        code,
        pos,
        `${reword(code, pos, "Unexpected token")}: the expression ends before it`,
      );
    } catch (error) {
      return fromAcorn(code, error, 0);
    }
  }
  // Strict mode, as the code runs, on a line of its own so the reader's lines keep their numbers.
  const prologue = '"use strict";\n';
  try {
    Parser.parse(prologue + code, OPTIONS);
  } catch (error) {
    return fromAcorn(code, error, prologue.length);
  }
  return { message: fallback };
}

/**
 * Where `error` happened in the reader's code, which was compiled with `//# sourceURL=` `url`
 * and whose first line is line `firstLine` of the compiled function: the innermost stack frame
 * in that code (an error thrown inside a library call is placed at the reader's call).
 */
export function locateRuntimeError(error: unknown, url: string, firstLine: number): CodeError {
  const message =
    error instanceof Error
      ? error.message
      : `it threw ${typeof error === "string" ? JSON.stringify(error) : String(error)}`;
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const escaped = url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const frame = stack.match(new RegExp(`${escaped}:(\\d+):(\\d+)`));
  if (!frame) return { message };
  const line = Number(frame[1]) - firstLine + 1;
  if (line < 1) return { message };
  return { message, line, column: Number(frame[2]) };
}
