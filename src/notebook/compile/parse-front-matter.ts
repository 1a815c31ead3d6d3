import { parse as parseYaml } from "yaml";
import { CompileError } from "../cell/index.ts";
import type { FrontMatter } from "./types.ts";

/** Front matter and the Markdown body that follows it. */
export interface SplitSource {
  frontMatter: FrontMatter;
  body: string;
  /** How many lines precede the body (so body line 1 is file line `lineOffset + 1`). */
  lineOffset: number;
  /** The file line of each top-level field (`order: 3` on line 3 → `{order: 3}`). */
  fieldLines: Record<string, number>;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Splits `--- yaml ---` front matter from the body and checks the fields every page needs:
 * `title` (text), `order` (number) and `summary` (text).
 */
export function parseFrontMatter(text: string, file: string): SplitSource {
  // A byte-order mark (some Windows editors save one) is not part of the text.
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const match = FENCE.exec(source);
  if (!match) {
    throw new CompileError({
      file,
      line: 1,
      column: 1,
      message: "expected front matter between two `---` lines at the top (title, order, summary)",
    });
  }
  const record = readMapping(match[1], file);
  const fieldLines: Record<string, number> = {};
  match[1].split(/\r?\n/).forEach((line, index) => {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
    if (key && !(key in fieldLines)) fieldLines[key] = index + 2;
  });
  checkFields(record, file, (key) => fieldLines[key] ?? 2);
  const lineOffset = match[0].split("\n").length - 1;
  return {
    frontMatter: record as FrontMatter,
    body: source.slice(match[0].length),
    lineOffset,
    fieldLines,
  };
}

/** The front matter's YAML as a mapping, or an error at the file's line. */
function readMapping(yaml: string, file: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    const linePos = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    throw new CompileError({
      file,
      line: (linePos?.line ?? 0) + 1,
      column: linePos?.col ?? 1,
      // The YAML parser's message names its own line (counted inside the front matter);
      // only the file's line, above, is given.
      message: `front matter is not valid YAML: ${(error as Error).message
        .split("\n")[0]
        .replace(/ at line \d+, column \d+:?$/, "")}`,
    });
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new CompileError({
      file,
      line: 2,
      column: 1,
      message: "front matter should be a YAML mapping (key: value lines)",
    });
  }
  return data as Record<string, unknown>;
}

/** The fields every page needs, and the optional ones when given, each at its own line. */
function checkFields(
  record: Record<string, unknown>,
  file: string,
  lineOf: (key: string) => number,
): void {
  const expect = (key: string, type: "string" | "number"): void => {
    if (typeof record[key] !== type) {
      const found = record[key] === undefined ? "nothing" : JSON.stringify(record[key]);
      throw new CompileError({
        file,
        line: lineOf(key),
        column: 1,
        message: `front matter \`${key}\` should be a ${type === "string" ? "text" : "number"}, found ${found}`,
      });
    }
  };
  expect("title", "string");
  expect("order", "number");
  expect("summary", "string");
  // A deck's shape (src/slides/deck-aspect.ts); unquoted `4:3` is text in YAML 1.2.
  if (record.aspect !== undefined && !["16:9", "16:10", "4:3"].includes(String(record.aspect))) {
    throw new CompileError({
      file,
      line: lineOf("aspect"),
      column: 1,
      message: `front matter \`aspect\` should be 16:9, 16:10 or 4:3, found ${JSON.stringify(record.aspect)}`,
    });
  }
  const duration = record.duration;
  if (
    duration !== undefined &&
    !(typeof duration === "number" && duration > 0 && duration <= 600)
  ) {
    throw new CompileError({
      file,
      line: lineOf("duration"),
      column: 1,
      message: `front matter \`duration\` should be the lecture's length in minutes (a number from 1 to 600), found ${JSON.stringify(duration)}`,
    });
  }
}
