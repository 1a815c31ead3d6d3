import type { Token } from "markdown-it";
import { checkCells } from "./checkCells.ts";
import { CompileError, CompileErrors } from "./compileError.ts";
import { createMarkdown, escapeHtml, metaOf, type RenderEnv } from "./createMarkdown.ts";
import { type DisplayMath, findLabels, numberEquations } from "./numberEquations.ts";
import { parseFrontMatter } from "./parseFrontMatter.ts";
import { parseJavaScript } from "./parseJavaScript.ts";
import { transpileCell } from "./transpileCell.ts";
import type { CellSource, CompiledPage, CompileErrorData, Heading, ParsedCell } from "./types.ts";

/** What a page is compiled against. */
export interface CompileOptions {
  /** Shared KaTeX macros (content/macros.tex). */
  macros: Readonly<Record<string, string>>;
  /** Names every cell may use without declaring them. */
  builtins: ReadonlySet<string>;
  /** JavaScript and browser globals. */
  globals: ReadonlySet<string>;
  /**
   * Dev (`npm start`): keep going past errors and show each where it happened. Otherwise
   * (default false) the first page with an error stops the build with every `file:line:col`.
   */
  dev?: boolean;
}

const md = createMarkdown();

/**
 * Compiles one Markdown chapter or lab: front matter, prose, build-time math with numbered
 * equations, slide sections and notes, and a runtime definition for each live cell.
 */
export function compilePage(source: string, file: string, options: CompileOptions): CompiledPage {
  const dev = options.dev ?? false;
  const { frontMatter, body, lineOffset } = parseFrontMatter(source, file);
  const env: RenderEnv = {
    file,
    macros: options.macros,
    labels: new Map(),
    cellHtml: new Map(),
    dev,
    errors: [],
    slide: 1,
  };
  const tokens = md.parse(body, env);
  const found = annotate(tokens, file, lineOffset);
  const errors: CompileErrorData[] = [];

  try {
    env.labels = numberEquations(frontMatter.order, found.displays);
  } catch (error) {
    errors.push({
      file,
      line: (error as { line: number }).line,
      column: 1,
      message: (error as Error).message,
    });
  }
  for (const math of found.inlineLabels)
    errors.push({ ...math, message: "\\label belongs in display math ($$…$$), not inline math" });

  const parsed: ParsedCell[] = [];
  for (const cell of found.cells) {
    if (found.displayOnly.has(cell.id)) {
      // `run=false` code is shown as written (it may be a sketch), never parsed nor run.
      parsed.push({ ...cell, expression: false, declarations: [], references: [], async: false });
      continue;
    }
    try {
      parsed.push(parseJavaScript(cell));
    } catch (error) {
      if (!(error instanceof CompileError)) throw error;
      const data = {
        file: error.file,
        line: error.line,
        column: error.column,
        message: error.message,
        cellId: cell.id,
      };
      errors.push(data);
      parsed.push({
        ...cell,
        expression: false,
        declarations: [],
        references: [],
        async: false,
        error: data,
      });
    }
  }
  const sound = parsed.filter((c) => !c.error && !found.displayOnly.has(c.id));
  errors.push(...checkCells(sound, options.builtins, options.globals));
  for (const error of errors) {
    const cell = parsed.find((c) => c.id === error.cellId);
    if (cell && !cell.error) cell.error = error;
  }
  if (!dev && errors.length) throw new CompileErrors(sortErrors(errors));

  const runnable = parsed.filter((c) => !c.error && !found.displayOnly.has(c.id));
  const declared = new Set(runnable.flatMap((c) => c.declarations.map((d) => d.name)));
  const definitions = runnable.map((c) =>
    transpileCell(c, (name) => declared.has(name) || options.builtins.has(name)),
  );
  const builtinsUsed = [...new Set(runnable.flatMap((c) => c.references.map((r) => r.name)))]
    .filter((name) => options.builtins.has(name) && !declared.has(name))
    .sort();
  for (const cell of parsed)
    env.cellHtml.set(cell.id, renderCell(cell, found.displayOnly.has(cell.id)));

  let html: string;
  try {
    html = `<section class="slide" data-slide="1">\n${md.renderer.render(tokens, md.options, env)}</section>\n`;
  } catch (error) {
    const data = (error as { compileError?: CompileErrorData }).compileError;
    if (data) throw new CompileErrors([data]);
    throw error;
  }
  errors.push(...env.errors);
  return {
    file,
    frontMatter,
    html,
    headings: found.headings,
    cells: definitions,
    builtinsUsed,
    errors: sortErrors(errors),
    slideCount: env.slide,
  };
}

function sortErrors(errors: CompileErrorData[]): CompileErrorData[] {
  return [...errors].sort((a, b) => a.line - b.line || a.column - b.column);
}

interface Found {
  cells: CellSource[];
  /** `run=false` cells: shown, never parsed nor run. */
  displayOnly: Set<string>;
  displays: DisplayMath[];
  inlineLabels: Omit<CompileErrorData, "message">[];
  headings: Heading[];
}

/**
 * One pass over the token stream: gives each token its Markdown line (and column for inline
 * tokens), numbers the cells in page order and collects display math and headings.
 */
function annotate(tokens: Token[], file: string, lineOffset: number): Found {
  const found: Found = {
    cells: [],
    displayOnly: new Set(),
    displays: [],
    inlineLabels: [],
    headings: [],
  };
  const nextId = (): string => `c${found.cells.length + 1}`;
  tokens.forEach((token, index) => {
    const line = token.map ? lineOffset + token.map[0] + 1 : 1;
    if (token.type === "fence") {
      const [lang, ...flags] = token.info.trim().split(/\s+/);
      if (lang !== "js") return;
      const id = nextId();
      token.meta = { cellId: id };
      if (flags.includes("run=false")) found.displayOnly.add(id);
      found.cells.push({
        id,
        code: token.content,
        inline: false,
        echo: flags.includes("echo"),
        position: { file, line: line + 1, column: 1 },
      });
    } else if (token.type === "math_block") {
      token.meta = { line, column: 1 };
      found.displays.push({ tex: token.content, line });
    } else if (token.type === "heading_open" && token.attrGet("id")) {
      const inline = tokens[index + 1];
      const content = headingContent(inline.children ?? []);
      found.headings.push({
        level: Number(token.tag.slice(1)),
        id: String(token.attrGet("id")),
        text: content
          .map((t) => t.content)
          .join("")
          .trim(),
        html: md.renderer.renderInline(content, md.options, headingEnv(file)),
      });
    } else if (token.type === "inline") {
      for (const child of token.children ?? []) {
        const meta = metaOf(child);
        if (meta.offset === undefined) continue;
        const before = token.content.slice(0, meta.offset);
        const newlines = before.split("\n").length - 1;
        const at = { line: line + newlines, column: before.length - before.lastIndexOf("\n") };
        Object.assign(meta, at);
        if (child.type === "math_inline" && findLabels(child.content).length) {
          found.inlineLabels.push({ file, ...at });
        }
        if (child.type === "cell_inline") {
          const id = nextId();
          meta.cellId = id;
          found.cells.push({
            id,
            code: child.content,
            inline: true,
            echo: false,
            position: { file, line: at.line, column: at.column },
          });
        }
      }
    }
  });
  return found;
}

/** Headings are rendered alone for the table of contents; math errors surface in the page pass. */
function headingEnv(file: string): RenderEnv {
  return {
    file,
    macros: {},
    labels: new Map(),
    cellHtml: new Map(),
    dev: true,
    errors: [],
    slide: 0,
  };
}

/** A heading's tokens without the permalink markdown-it-anchor appends. */
function headingContent(children: Token[]): Token[] {
  const start = children.findIndex(
    (t) => t.type === "link_open" && String(t.attrGet("class") ?? "").includes("anchor"),
  );
  return start < 0 ? children : children.slice(0, start);
}

/** The placeholder a cell renders into, with its source when asked (`echo`, `run=false`). */
function renderCell(cell: ParsedCell, displayOnly: boolean): string {
  const source = `<pre class="cell-source"><code class="language-js">${escapeHtml(cell.code.replace(/\n$/, ""))}</code></pre>`;
  if (cell.error) {
    const message = escapeHtml(
      `${cell.error.file}:${cell.error.line}:${cell.error.column}: ${cell.error.message}`,
    );
    const tag = cell.inline ? "span" : "div";
    return `<${tag} class="cell cell-error" data-cell="${cell.id}" role="alert"><${tag} class="error-message">${message}</${tag}></${tag}>${cell.inline ? "" : `\n${source}\n`}`;
  }
  if (displayOnly) return `${source}\n`;
  if (cell.inline)
    return `<span class="cell cell-inline" data-cell="${cell.id}" aria-live="polite"></span>`;
  return `<div class="cell" data-cell="${cell.id}" id="cell-${cell.id}"></div>\n${cell.echo ? `${source}\n` : ""}`;
}
