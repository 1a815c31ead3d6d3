import MarkdownIt, { type Env, type MarkdownIt as Markdown, type Token } from "markdown-it";
import anchor from "markdown-it-anchor";
import { markdownMath } from "./markdownMath.ts";
import type { EquationLabel } from "./numberEquations.ts";
import { resolveEquationRefs } from "./numberEquations.ts";
import { mathErrorMessage, renderMath } from "./renderMath.ts";
import type { CompileErrorData } from "./types.ts";

/** What the renderer needs besides the tokens; passed to markdown-it as `env`. */
export interface RenderEnv extends Env {
  file: string;
  macros: Readonly<Record<string, string>>;
  labels: ReadonlyMap<string, EquationLabel>;
  /** HTML for each cell token (keyed by cell id), made by the compiler before rendering. */
  cellHtml: Map<string, string>;
  /** In dev, math errors are shown in place and collected here instead of thrown. */
  dev: boolean;
  errors: CompileErrorData[];
  /** Slide counter, advanced at each `---`. */
  slide: number;
}

/** What the compiler notes on a token: its Markdown position and, for cells, the cell id. */
export interface TokenMeta {
  cellId?: string;
  /** Character offset of an inline token within its paragraph. */
  offset?: number;
  line?: number;
  column?: number;
}

/** The meta record of a token (markdown-it types it loosely). */
export function metaOf(token: Token): TokenMeta {
  return (token.meta ?? {}) as TokenMeta;
}

/** A heading id: lower case words joined by hyphens, nothing a URL would need to escape. */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "section"
  );
}

/** The markdown-it instance for chapters and labs: math, inline cells, anchors, slide breaks. */
export function createMarkdown(): Markdown {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: true });
  // `---` under a line of text would be a setext heading; here it is always a slide break.
  md.disable("lheading");
  md.use(markdownMath);
  // markdown-it-anchor is typed against @types/markdown-it, markdown-it 15 ships its own types.
  md.use(anchor as unknown as (md: Markdown, options: object) => void, {
    slugify,
    level: [2, 3, 4],
    permalink: anchor.permalink.linkInsideHeader({
      symbol: "#",
      placement: "after",
      ariaHidden: true,
      class: "anchor",
    }),
  });
  const rules = md.renderer.rules;
  rules.math_inline = (tokens, i, _options, env) => typeset(tokens[i], false, env as RenderEnv);
  rules.math_block = (tokens, i, _options, env) => typeset(tokens[i], true, env as RenderEnv);
  rules.eq_ref = (tokens, i, _options, renderEnv) => {
    const env = renderEnv as RenderEnv;
    const token = tokens[i];
    const label = env.labels.get(token.content);
    if (!label)
      return fail(
        env,
        token,
        `\\${token.markup}{${token.content}} points to no \\label{${token.content}} in this chapter`,
      );
    const text = token.markup === "eqref" ? `(${label.number})` : label.number;
    return `<a class="eqref" href="#${label.anchor}">${text}</a>`;
  };
  rules.cell_inline = (tokens, i, _options, env) =>
    (env as RenderEnv).cellHtml.get(metaOf(tokens[i]).cellId ?? "") ?? "";
  const fence =
    rules.fence ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
  rules.fence = (tokens, i, options, renderEnv, self) => {
    const env = renderEnv as RenderEnv;
    const token = tokens[i];
    const cellId = metaOf(token).cellId;
    if (cellId) return env.cellHtml.get(cellId) ?? "";
    if (token.info.trim() === "notes") {
      return `<aside class="notes" aria-label="Speaker notes">\n${md.render(token.content, env)}</aside>\n`;
    }
    return fence(tokens, i, options, env, self);
  };
  rules.hr = (tokens, i, _options, renderEnv) => {
    const env = renderEnv as RenderEnv;
    if (tokens[i].markup !== "---") return "<hr>\n";
    env.slide++;
    return `</section>\n<section class="slide" data-slide="${env.slide}">\n`;
  };
  return md;
}

function typeset(token: Token, display: boolean, env: RenderEnv): string {
  try {
    const tex = resolveEquationRefs(token.content, env.labels);
    const html = renderMath(tex, display, { macros: env.macros });
    if (!display) return html;
    const label = /\\label\{([^}]*)\}/.exec(token.content)?.[1];
    const anchor = label ? env.labels.get(label)?.anchor : undefined;
    const id = anchor ? ` id="${anchor}"` : "";
    return `<div class="math-display"${id}>${html}</div>\n`;
  } catch (error) {
    return fail(env, token, mathErrorMessage(error));
  }
}

/** Records (dev) or throws (build) a math error at the token's Markdown position. */
function fail(env: RenderEnv, token: Token, message: string): string {
  const error: CompileErrorData = {
    file: env.file,
    line: metaOf(token).line ?? 1,
    column: metaOf(token).column ?? 1,
    message,
  };
  if (!env.dev) throw Object.assign(new Error(message), { compileError: error });
  env.errors.push(error);
  return `<span class="math-error" role="alert">${escapeHtml(`${error.file}:${error.line}:${error.column}: ${message}`)}</span>`;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
