// markdown-it hands each block its text with list markers, `>` quote markers and indentation
// stripped, so an offset in a token's content is not a column in the file. These helpers map
// positions in a block's content back to the Markdown file, line and column.

/** A 1-based line and column in the Markdown file. */
export interface FilePosition {
  line: number;
  column: number;
}

/** Text markdown-it parsed: its raw lines, and where each of them sits in the file. */
export interface SourceText {
  /** The parsed text split into lines (0-based, as markdown-it's `token.map` counts them). */
  lines: readonly string[];
  /** The file position of 0-based `column` on 0-based `line` of `lines`. */
  at(line: number, column: number): FilePosition;
}

/** The body of a Markdown file (after front matter, which takes `lineOffset` lines). */
export function bodySource(body: string, lineOffset: number): SourceText {
  return {
    lines: body.split(/\r?\n/),
    at: (line, column) => ({ line: lineOffset + line + 1, column: column + 1 }),
  };
}

/** A block's content: where each of its lines starts in the file, and positions inside it. */
export interface BlockText {
  /** The file position of each content line's first character. */
  lineStarts: FilePosition[];
  /** The file position of character `offset` of the content. */
  positionAt(offset: number): FilePosition;
}

/**
 * Maps `content` (a block's text, stripped by markdown-it) onto `source`, where its first
 * line is 0-based line `first`: each content line is found in its source line (it is that line
 * with a prefix of markers and indentation taken off, and maybe trailing spaces).
 */
export function blockText(source: SourceText, first: number, content: string): BlockText {
  const contentLines = content.split("\n");
  const lineStarts = contentLines.map((text, k) => {
    const raw = source.lines[first + k] ?? "";
    return source.at(first + k, prefixLength(raw, text));
  });
  return {
    lineStarts,
    positionAt(offset) {
      const before = content.slice(0, Math.max(0, offset));
      const k = before.split("\n").length - 1;
      const start = lineStarts[Math.min(k, lineStarts.length - 1)];
      return {
        line: start.line,
        column: start.column + before.length - before.lastIndexOf("\n") - 1,
      };
    },
  };
}

/** How many characters of `raw` precede `text`, which is `raw` with a prefix taken off. */
function prefixLength(raw: string, text: string): number {
  const trimmed = text.replace(/\s+$/, "");
  if (trimmed === "") return Math.max(0, raw.length - raw.trimStart().length);
  if (raw.endsWith(text)) return raw.length - text.length;
  return Math.max(0, raw.indexOf(trimmed));
}

/**
 * Text parsed from a block's content (the Markdown inside a ```` ```notes ```` fence): its
 * line `j` is content line `j` of `block`, so positions map through to the file.
 */
export function nestedSource(block: BlockText, content: string): SourceText {
  return {
    lines: content.split("\n"),
    at: (line, column) => {
      const start = block.lineStarts[line] ?? block.lineStarts[block.lineStarts.length - 1];
      return { line: start.line, column: start.column + column };
    },
  };
}
