// `::: reading` … `:::` marks Markdown that belongs to the reading page only: the deck leaves it
// out (slides/type.css), so a slide carries what the room needs and the page keeps the whole
// argument. Inside, everything is Markdown as usual: prose, math, live cells.
import type { MarkdownIt, StateBlock } from "markdown-it";
import type { RenderEnv } from "./create-markdown.ts";

const OPEN = /^:::[ \t]*reading[ \t]*$/;
const CLOSE = /^:::[ \t]*$/;

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

/** Adds the `::: reading` block to `md`; it renders as `<div class="reading-only">`. */
export function readingBlocks(md: MarkdownIt): void {
  md.block.ruler.before(
    "fence",
    "reading_block",
    (state, startLine, endLine, silent) => {
      if (state.sCount[startLine] - state.blkIndent >= 4) return false;
      if (!OPEN.test(lineText(state, startLine))) return false;
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
            "`::: reading` is never closed: end the reading-only block with a line holding only `:::`",
        });
      }
      const open = state.push("reading_open", "div", 1);
      open.block = true;
      open.markup = ":::";
      open.map = [startLine, close];
      open.attrSet("class", "reading-only");
      const lineMax = state.lineMax;
      state.lineMax = close;
      state.md.block.tokenize(state, startLine + 1, close);
      state.lineMax = lineMax;
      const end = state.push("reading_close", "div", -1);
      end.block = true;
      end.markup = ":::";
      state.line = Math.min(close + 1, endLine);
      return true;
    },
    { alt: ["paragraph", "reference", "blockquote", "list"] },
  );
}
