import type { MarkdownIt, Token } from "markdown-it";
import { type DisplayMath, findLabels } from "./number-equations.ts";
import { metaOf, type RenderEnv } from "./render-env.ts";
import { blockText, nestedSource, type SourceText } from "./source-text.ts";
import type { CellSource, CompileErrorData } from "./types.ts";

/** A heading for the table of contents, before its HTML is rendered. */
export interface FoundHeading {
  level: number;
  id: string;
  /** The heading's inline tokens, without the permalink markdown-it-anchor appends. */
  content: Token[];
}

/** What one pass over the tokens finds. */
export interface Found {
  cells: CellSource[];
  /** `run=false` cells: shown, never parsed nor run. */
  displayOnly: Set<string>;
  displays: DisplayMath[];
  headings: FoundHeading[];
  /** Mistakes visible in the tokens alone (a `\label` in inline math, a live value in notes). */
  errors: CompileErrorData[];
}

/** Where the tokens come from and what reads them. */
export interface AnnotateContext {
  md: MarkdownIt;
  file: string;
  source: SourceText;
  env: RenderEnv;
}

/**
 * One pass over the token stream: gives each token its Markdown line and column (through
 * `source`, so list and quote markers count), numbers the cells in page order, collects
 * display math and headings, and parses speaker notes so they get the same checks as prose.
 */
export function annotateTokens(tokens: Token[], context: AnnotateContext): Found {
  const found: Found = {
    cells: [],
    displayOnly: new Set(),
    displays: [],
    headings: [],
    errors: [],
  };
  visit(tokens, context, found, false);
  return found;
}

function visit(tokens: Token[], context: AnnotateContext, found: Found, inNotes: boolean): void {
  tokens.forEach((token, index) => {
    if (token.type === "fence") visitFence(token, context, found, inNotes);
    else if (token.type === "math_block") visitMathBlock(token, context, found, inNotes);
    else if (token.type === "hr") token.meta = { inNotes };
    else if (token.type === "heading_open" && token.attrGet("id") && !inNotes)
      found.headings.push({
        level: Number(token.tag.slice(1)),
        id: String(token.attrGet("id")),
        content: headingContent(tokens[index + 1].children ?? []),
      });
    else if (token.type === "inline") visitInline(token, context, found, inNotes);
  });
}

const nextId = (found: Found): string => `c${found.cells.length + 1}`;
const firstLine = (token: Token): number => (token.map ? token.map[0] : 0);

/** A ```js block is a cell (in notes, code to read); a ```notes block is parsed as notes. */
function visitFence(token: Token, context: AnnotateContext, found: Found, inNotes: boolean): void {
  const [lang, ...flags] = token.info.trim().split(/\s+/);
  const code = blockText(context.source, firstLine(token) + 1, token.content);
  if (lang === "notes" && !inNotes) {
    const notes = context.md.parse(token.content, context.env);
    visit(notes, { ...context, source: nestedSource(code, token.content) }, found, true);
    token.meta = { notes };
    return;
  }
  // In notes a ```js block is code to read, not a cell: notes are never run.
  if (lang !== "js" || inNotes) return;
  const id = nextId(found);
  token.meta = { cellId: id };
  if (flags.includes("run=false")) found.displayOnly.add(id);
  found.cells.push({
    id,
    code: token.content,
    inline: false,
    echo: flags.includes("echo"),
    position: { file: context.file, ...code.lineStarts[0] },
    columns: code.lineStarts.map((s) => s.column),
  });
}

/** Display math: numbered later on the page; in notes it must not define a label. */
function visitMathBlock(
  token: Token,
  context: AnnotateContext,
  found: Found,
  inNotes: boolean,
): void {
  const { file, source } = context;
  const first = firstLine(token);
  // The formula starts on the `$$` line when text follows the `$$` there.
  const opening = /\$\$\s*\S/.test(source.lines[first] ?? "") ? first : first + 1;
  const text = blockText(source, opening, token.content);
  const at = source.at(first, (source.lines[first] ?? "").indexOf("$$"));
  token.meta = { ...at, locate: text.positionAt, inNotes };
  if (!inNotes) found.displays.push({ tex: token.content, ...at });
  else if (findLabels(token.content).length)
    found.errors.push({
      file,
      ...at,
      message:
        "\\label in speaker notes would number an equation readers never see; label it on the slide",
    });
}

/** A line of prose: positions for its children, inline cells (`${…}`), misplaced labels. */
function visitInline(token: Token, context: AnnotateContext, found: Found, inNotes: boolean): void {
  const { file } = context;
  const text = blockText(context.source, firstLine(token), token.content);
  for (const child of token.children ?? []) {
    const meta = metaOf(child);
    if (meta.offset === undefined) continue;
    const at = text.positionAt(meta.offset);
    Object.assign(meta, at);
    if (child.type === "math_inline" && findLabels(child.content).length) {
      found.errors.push({
        file,
        ...at,
        message: "\\label belongs in display math ($$…$$), not inline math",
      });
    }
    if (child.type !== "cell_inline") continue;
    if (inNotes) {
      meta.error = {
        file,
        ...at,
        message: `speaker notes cannot show live values: the presenter window shows a copy of the notes, which \`\${…}\` would not update; put the value on the slide, or write the number out`,
      };
      found.errors.push(meta.error);
      continue;
    }
    const id = nextId(found);
    meta.cellId = id;
    found.cells.push({
      id,
      code: child.content,
      inline: true,
      echo: false,
      position: { file, ...at },
      columns: lineStartColumns(child.content, meta.offset, text.positionAt),
    });
  }
}

/** The file column of each line of `code`, which starts at `offset` of a block's content. */
function lineStartColumns(
  code: string,
  offset: number,
  positionAt: (offset: number) => { column: number },
): number[] {
  const columns = [positionAt(offset).column];
  for (let nl = code.indexOf("\n"); nl >= 0; nl = code.indexOf("\n", nl + 1))
    columns.push(positionAt(offset + nl + 1).column);
  return columns;
}

/** A heading's tokens without the permalink markdown-it-anchor appends. */
function headingContent(children: Token[]): Token[] {
  const start = children.findIndex(
    (t) => t.type === "link_open" && String(t.attrGet("class") ?? "").includes("anchor"),
  );
  return start < 0 ? children : children.slice(0, start);
}
