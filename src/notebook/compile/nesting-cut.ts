import type { Token } from "markdown-it";
import type { CompileErrorData } from "./types.ts";

/**
 * Where markdown-it stopped nesting: past `maxNesting` levels (lists or quotes inside each
 * other) it drops the rest of the block without a word, so a 1000-level list renders 49 items.
 * Returns a warning at the first line it cut, or undefined when nothing was cut.
 */
export function nestingCut(
  tokens: readonly Token[],
  maxNesting: number,
  file: string,
  lineOffset: number,
): CompileErrorData | undefined {
  let deepest: Token | undefined;
  for (const token of tokens) {
    if (token.level >= maxNesting - 1 && token.map) {
      deepest = token;
      break;
    }
  }
  if (!deepest?.map) return undefined;
  return {
    file,
    line: lineOffset + deepest.map[0] + 1,
    column: 1,
    message: `Markdown nested ${maxNesting} levels deep (lists or quotes inside each other): the parser leaves out what is nested deeper, from here to the end of the block`,
  };
}
