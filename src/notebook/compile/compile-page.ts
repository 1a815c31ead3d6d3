import {
  CompileError,
  CompileErrors,
  failedCellDefinition,
  instrumentLoops,
  looseDeclarations,
  parseJavaScript,
  transpileCell,
} from "../cell/index.ts";
import { AUTHORED_LOOP_BUDGET } from "../guard/index.ts";
import { annotateTokens, type FoundHeading } from "./annotate-tokens.ts";
import { checkCells } from "./check-cells.ts";
import { createMarkdown } from "./create-markdown.ts";
import { escapeHtml } from "./escape-html.ts";
import { findExercises } from "./find-exercises.ts";
import { nestingCut } from "./nesting-cut.ts";
import { numberEquations } from "./number-equations.ts";
import { parseFrontMatter } from "./parse-front-matter.ts";
import { renderCell } from "./render-cell.ts";
import type { RenderEnv } from "./render-env.ts";
import type { LinkTargets } from "./resolve-link.ts";
import { bodySource } from "./source-text.ts";
import type {
  CellDefinition,
  CellSource,
  CompiledPage,
  CompileErrorData,
  Heading,
  ParsedCell,
} from "./types.ts";

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
   * (default false) a page with errors throws CompileErrors listing every one of them.
   */
  dev?: boolean;
  /** The site's pages, so links to other `.md` files become links to their built pages. */
  links?: LinkTargets;
}

const md = createMarkdown();

/**
 * Compiles one Markdown chapter or lab: front matter, prose, build-time math with numbered
 * equations, slide sections and notes, and a runtime definition for each live cell. Every
 * error of the page is found in one go, each at its line and column.
 */
export function compilePage(source: string, file: string, options: CompileOptions): CompiledPage {
  const { frontMatter, body, lineOffset, fieldLines } = parseFrontMatter(source, file);
  const env: RenderEnv = {
    file,
    macros: options.macros,
    labels: new Map(),
    cellHtml: new Map(),
    errors: [],
    slide: 1,
    lineOffset,
    links: options.links,
    pageLinks: [],
  };
  const tokens = md.parse(body, env);
  const cut = nestingCut(tokens, md.options.maxNesting ?? 100, file, lineOffset);
  const found = annotateTokens(tokens, { md, file, source: bodySource(body, lineOffset), env });
  const errors: CompileErrorData[] = [...found.errors];

  const numbered = numberEquations(frontMatter.order, found.displays);
  env.labels = numbered.labels;
  for (const error of numbered.errors) errors.push({ file, ...error });

  const parsed = found.cells.map((cell) =>
    found.displayOnly.has(cell.id)
      ? // `run=false` code is shown as written (it may be a sketch), never parsed nor run.
        unparsed(cell, [])
      : parseCell(cell, errors),
  );
  const live = parsed.filter((c) => !found.displayOnly.has(c.id));
  errors.push(...checkCells(live, options.builtins, options.globals));
  const errorsOf = (cell: ParsedCell): CompileErrorData[] =>
    errors.filter((e) => e.cellId === cell.id);
  for (const cell of live) cell.error ??= errorsOf(cell)[0];

  // Every name a live cell declares is a variable, even when its cell failed: those fail in
  // turn, so the cells using them wait instead of reading a global of the same name.
  // A name declared twice belongs to its first cell (the second one is the error).
  const owner = new Map<string, string>();
  for (const c of live)
    for (const d of c.declarations) if (!owner.has(d.name)) owner.set(d.name, c.id);
  const declared = new Set(owner.keys());
  const isVariable = (name: string): boolean => declared.has(name) || options.builtins.has(name);
  const definitions = live.map((c) =>
    c.error
      ? failedCellDefinition(c, c.error, (name) => owner.get(name) === c.id)
      : guardedCell(c, isVariable),
  );
  const builtinsUsed = [
    ...new Set(live.filter((c) => !c.error).flatMap((c) => c.references.map((r) => r.name))),
  ]
    .filter((name) => options.builtins.has(name) && !declared.has(name))
    .sort();
  for (const cell of parsed)
    env.cellHtml.set(cell.id, renderCell(cell, found.displayOnly.has(cell.id), errorsOf(cell)));

  const html = `<section class="slide" data-slide="1" data-source="${escapeHtml(`${file}:${lineOffset + (tokens[0]?.map?.[0] ?? 0) + 1}`)}">\n${md.renderer.render(tokens, md.options, env)}</section>\n`;
  errors.push(...env.errors);
  const sorted = sortErrors(errors);
  if (!options.dev && sorted.length) throw new CompileErrors(sorted);
  const headings = found.headings.map((h) => renderHeading(h, env));
  return {
    file,
    frontMatter,
    html,
    headings,
    cells: definitions,
    builtinsUsed,
    errors: sorted,
    slideCount: env.slide,
    anchors: [...headings.map((h) => h.id), ...[...env.labels.values()].map((l) => l.anchor)],
    links: env.pageLinks,
    frontMatterLines: fieldLines,
    ...(cut ? { warnings: [cut] } : {}),
    ...exercisesOf(live),
  };
}

/** Parses a cell; a syntax error is recorded, and the cell keeps what it loosely declares. */
function parseCell(cell: CellSource, errors: CompileErrorData[]): ParsedCell {
  try {
    return parseJavaScript(cell);
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    const data: CompileErrorData = {
      file: error.file,
      line: error.line,
      column: error.column,
      message: error.message,
      cellId: cell.id,
    };
    errors.push(data);
    return { ...unparsed(cell, looseDeclarations(cell)), error: data };
  }
}

function unparsed(cell: CellSource, declarations: ParsedCell["declarations"]): ParsedCell {
  return {
    ...cell,
    expression: false,
    declarations,
    references: [],
    assignments: [],
    async: false,
  };
}

function sortErrors(errors: CompileErrorData[]): CompileErrorData[] {
  const seen = new Set<string>();
  return [...errors]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .filter((e) => {
      const key = `${e.line}:${e.column}:${e.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * A heading for the table of contents, typeset on its own with the page's macros and
 * equation numbers (an \eqref shows its number, unlinked). Its errors were reported by the
 * page pass, so they are not counted again.
 */
function renderHeading(heading: FoundHeading, page: RenderEnv): Heading {
  const env: RenderEnv = { ...page, cellHtml: new Map(), errors: [], pageLinks: [], slide: 0 };
  return {
    level: heading.level,
    id: heading.id,
    text: heading.content
      .map((t) => t.content)
      .join("")
      .trim(),
    // The table of contents entry is a link itself: links inside the heading become text.
    html: md.renderer
      .renderInline(heading.content, md.options, env)
      .replace(/<a\b[^>]*>|<\/a>/g, ""),
  };
}

/** The page's exercises, when it sets any (pages without keep their old shape). */
function exercisesOf(cells: readonly ParsedCell[]): Pick<CompiledPage, "exercises"> {
  const exercises = findExercises(cells);
  return exercises.length ? { exercises } : {};
}

/**
 * A cell's runtime definition with its loops guarded: a loop of the chapter's own code that
 * never ends is stopped (after AUTHORED_LOOP_BUDGET ms within one task) instead of freezing the
 * tab; `insertions` let the client map columns back and the editor show the code as written.
 */
function guardedCell(cell: ParsedCell, isVariable: (name: string) => boolean): CellDefinition {
  const guarded = instrumentLoops(cell.code, cell.expression, cell.id, AUTHORED_LOOP_BUDGET);
  const definition = transpileCell({ ...cell, code: guarded.code }, isVariable);
  return guarded.insertions.length ? { ...definition, insertions: guarded.insertions } : definition;
}
