import { Parser } from "acorn";
import type { MarkdownIt, StateBlock, StateInline } from "markdown-it";

/**
 * markdown-it rules for what the chapters add to Markdown:
 * `$…$` → math_inline, `$$…$$` (own lines) → math_block, `${expr}` → cell_inline,
 * `\eqref{name}` / `\ref{name}` in prose → eq_ref. Inline tokens keep `meta.offset`, their
 * character offset in the paragraph, so positions can be turned into Markdown lines later.
 */
export function markdownMath(md: MarkdownIt): void {
  md.inline.ruler.before("escape", "eq_ref", eqRef);
  md.inline.ruler.after("escape", "math_inline", mathInline);
  md.block.ruler.before("fence", "math_block", mathBlock, {
    alt: ["paragraph", "reference", "blockquote", "list"],
  });
}

function eqRef(state: StateInline, silent: boolean): boolean {
  const match = /^\\(eqref|ref)\{([^}\s]+)\}/.exec(state.src.slice(state.pos));
  if (!match) return false;
  if (!silent) {
    const token = state.push("eq_ref", "", 0);
    token.content = match[2];
    token.markup = match[1];
    token.meta = { offset: state.pos };
  }
  state.pos += match[0].length;
  return true;
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x24 /* $ */) return false;
  if (src[start + 1] === "{") return inlineCell(state, silent);
  if (src[start + 1] === "$" || /\s/.test(src[start + 1] ?? " ")) return false;
  let end = start + 1;
  for (; end < src.length; end++) {
    if (src[end] === "\\") end++;
    else if (src[end] === "$") break;
  }
  // A closing `$` must not follow a space nor precede a digit, so "$5 and $6" stays prose.
  if (end >= src.length || /\s/.test(src[end - 1]) || /\d/.test(src[end + 1] ?? "")) return false;
  if (!silent) {
    const token = state.push("math_inline", "math", 0);
    token.content = src.slice(start + 1, end);
    token.markup = "$";
    token.meta = { offset: start };
  }
  state.pos = end + 1;
  return true;
}

/** `${expression}`: acorn finds where the expression ends, so braces inside strings are fine. */
function inlineCell(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  let end: number;
  try {
    const node = Parser.parseExpressionAt(state.src, start + 2, { ecmaVersion: "latest" });
    end = node.end;
    while (/\s/.test(state.src[end] ?? "")) end++;
    if (state.src[end] !== "}") return false;
  } catch {
    // Not an expression: keep it as an inline cell anyway so the compiler reports the error.
    end = state.src.indexOf("}", start);
    if (end < 0) return false;
  }
  if (!silent) {
    const token = state.push("cell_inline", "", 0);
    token.content = state.src.slice(start + 2, end);
    token.meta = { offset: start + 2 };
  }
  state.pos = end + 1;
  return true;
}

function mathBlock(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  let pos = state.bMarks[startLine] + state.tShift[startLine];
  const max = state.eMarks[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  if (state.src.slice(pos, pos + 2) !== "$$") return false;
  pos += 2;
  let firstLine = state.src.slice(pos, max);
  let lastLine = "";
  let next = startLine;
  let found = false;
  if (firstLine.trim().endsWith("$$")) {
    firstLine = firstLine.trim().slice(0, -2);
    found = true;
  }
  if (silent) return true;
  while (!found) {
    next++;
    if (next >= endLine) break;
    const lineStart = state.bMarks[next] + state.tShift[next];
    const lineEnd = state.eMarks[next];
    if (lineStart < lineEnd && state.tShift[next] < state.blkIndent) break;
    const text = state.src.slice(lineStart, lineEnd).trim();
    if (text.endsWith("$$")) {
      lastLine = text.slice(0, -2);
      found = true;
    }
  }
  if (!found) return false;
  state.line = next + 1;
  const token = state.push("math_block", "math", 0);
  token.block = true;
  token.content =
    (firstLine.trim() ? `${firstLine}\n` : "") +
    state.getLines(startLine + 1, next, state.tShift[startLine], true) +
    (lastLine.trim() ? lastLine : "");
  token.map = [startLine, state.line];
  token.markup = "$$";
  return true;
}
