// `::: reading` … `:::` marks Markdown that belongs to the reading page only: the deck leaves it
// out (slides/type.css), so a slide carries what the room needs and the page keeps the whole
// argument. `::: columns` … `:::` sets its blocks side by side on a slide (slides/columns.css: a
// control beside the plot it moves, a sentence beside its figure) and leaves the reading page's
// flow as it is. Inside either, everything is Markdown as usual: prose, math, live cells.
import type { MarkdownIt, StateBlock } from "markdown-it";
import type { RenderEnv } from "./render-env.ts";

const OPEN = /^:::[ \t]*(reading|columns)[ \t]*$/;
/** The class each kind of block renders with. */
const CLASS: Record<string, string> = { reading: "reading-only", columns: "slide-columns" };
const CLOSE = /^:::[ \t]*$/;

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

/**
 * Adds the `::: reading` and `::: columns` blocks to `md`; they render as
 * `<div class="reading-only">` and `<div class="slide-columns">`.
 */
export function readingBlocks(md: MarkdownIt): void {
  md.block.ruler.before(
    "fence",
    "reading_block",
    (state, startLine, endLine, silent) => {
      if (state.sCount[startLine] - state.blkIndent >= 4) return false;
      const kind = OPEN.exec(lineText(state, startLine))?.[1];
      if (!kind) return false;
      if (silent) return true;
      let close = startLine + 1;
      while (close < endLine && !CLOSE.test(lineText(state, close))) close++;
      const env = state.env as Partial<RenderEnv>;
      if (close >= endLine && env.errors && env.file) {
        env.errors.push({
          file: env.file,
          line: (env.lineOffset ?? 0) + startLine + 1,
          column: 1,
          message:
            kind === "reading"
              ? "`::: reading` is never closed: end the reading-only block with a line holding only `:::`"
              : `\`::: ${kind}\` is never closed: end the block with a line holding only \`:::\``,
        });
      }
      const open = state.push("reading_open", "div", 1);
      open.block = true;
      open.markup = ":::";
      open.map = [startLine, close];
      open.attrSet("class", CLASS[kind] ?? kind);
      const lineMax = state.lineMax;
      state.lineMax = close;
      const first = state.tokens.length;
      state.md.block.tokenize(state, startLine + 1, close);
      state.lineMax = lineMax;
      if (kind === "columns") besideFirst(state, first);
      const end = state.push("reading_close", "div", -1);
      end.block = true;
      end.markup = ":::";
      state.line = Math.min(close + 1, endLine);
      return true;
    },
    { alt: ["paragraph", "reference", "blockquote", "list"] },
  );
}

/**
 * Wraps every block after the first of a `::: columns` block (its tokens start at `first`) in
 * `<div class="slide-columns-side">`, the right-hand column the slide stacks them in.
 */
function besideFirst(state: StateBlock, first: number): void {
  const tokens = state.tokens;
  let end = first;
  // The first block is one token (a fence, an HTML block) or an open…close pair at its level.
  if (tokens[first]?.nesting === 1) {
    let depth = 0;
    for (; end < tokens.length; end++) {
      depth += tokens[end]?.nesting ?? 0;
      if (depth === 0) break;
    }
  }
  if (end + 1 >= tokens.length) return;
  const open = new state.Token("columns_side_open", "div", 1);
  open.block = true;
  open.attrSet("class", "slide-columns-side");
  const close = new state.Token("columns_side_close", "div", -1);
  close.block = true;
  tokens.splice(end + 1, 0, open);
  tokens.push(close);
}
