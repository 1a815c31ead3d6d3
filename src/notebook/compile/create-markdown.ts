import MarkdownIt, { type MarkdownIt as Markdown, type Token } from "markdown-it";
import anchor from "markdown-it-anchor";
import { escapeHtml, messageHtml } from "./escape-html.ts";
import { markdownMath } from "./markdown-math.ts";
import { MissingLabelError, type ResolvedTex, resolveEquationRefs } from "./number-equations.ts";
import { readingBlocks } from "./reading-blocks.ts";
import { metaOf, type RenderEnv } from "./render-env.ts";
import { mathErrorMessage, mathErrorOffset, renderMath } from "./render-math.ts";
import { resolveMarkdownLink } from "./resolve-link.ts";
import type { FilePosition } from "./source-text.ts";
import type { CompileErrorData } from "./types.ts";

export { escapeHtml } from "./escape-html.ts";

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

// TeX commands that only lay out or style what follows; a slug keeps what they hold.
const LAYOUT_COMMANDS =
  /\\(?:frac|dfrac|tfrac|left|right|big|Big|bigg|Bigg|mathrm|mathbf|mathit|mathsf|mathcal|mathbb|boldsymbol|bm|text|textbf|textit|operatorname|displaystyle|,|;|!|quad|qquad)(?![A-Za-z])/g;

/**
 * The words a heading's slug is made of: its text, code, and the letters and command names of
 * its math (`Gradient $\pd{L}{w}$` → "Gradient pd L w"), so the anchor stays readable.
 */
export function headingSlugText(children: readonly Token[]): string {
  return children
    .map((t) => {
      if (t.type === "text" || t.type === "code_inline") return t.content;
      if (t.type === "math_inline")
        return ` ${t.content.replace(LAYOUT_COMMANDS, " ").replace(/\\([A-Za-z]+)/g, " $1 ")} `;
      return "";
    })
    .join("");
}

/** The markdown-it instance for chapters and labs: math, inline cells, anchors, slide breaks. */
export function createMarkdown(): Markdown {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: true });
  // `---` under a line of text would be a setext heading; here it is always a slide break.
  md.disable("lheading");
  md.use(markdownMath);
  md.use(readingBlocks);
  recordLinkOffsets(md);
  // markdown-it-anchor is typed against @types/markdown-it, markdown-it 15 ships its own types.
  md.use(anchor as unknown as (md: Markdown, options: object) => void, {
    slugify,
    getTokensText: headingSlugText,
    level: [2, 3, 4],
    permalink: anchor.permalink.linkInsideHeader({
      symbol: "#",
      placement: "after",
      // Reachable by keyboard, so it must have a name of its own rather than be hidden.
      ariaHidden: false,
      renderAttrs: () => ({ "aria-label": "Link to this section" }),
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
        positionOf(token),
        `\\${token.markup}{${token.content}} points to no \\label{${token.content}} in this chapter`,
      );
    const text = token.markup === "eqref" ? `(${label.number})` : label.number;
    return `<a class="eqref" href="#${label.anchor}">${text}</a>`;
  };
  rules.cell_inline = (tokens, i, _options, renderEnv) => {
    const env = renderEnv as RenderEnv;
    const meta = metaOf(tokens[i]);
    if (meta.error) return errorSpan(meta.error);
    return env.cellHtml.get(meta.cellId ?? "") ?? "";
  };
  const fence =
    rules.fence ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
  rules.fence = (tokens, i, options, renderEnv, self) => {
    const env = renderEnv as RenderEnv;
    const meta = metaOf(tokens[i]);
    if (meta.cellId) return env.cellHtml.get(meta.cellId) ?? "";
    if (meta.notes) {
      return `<aside class="notes" aria-label="Speaker notes">\n${md.renderer.render(meta.notes, options, env)}</aside>\n`;
    }
    return fence(tokens, i, options, env, self);
  };
  rules.hr = (tokens, i, _options, renderEnv) => {
    const env = renderEnv as RenderEnv;
    if (tokens[i].markup !== "---" || metaOf(tokens[i]).inNotes) return "<hr>\n";
    env.slide++;
    // Where the slide starts in the Markdown, for the deck's overflow report (place-slide.ts).
    // (its first block: the line after the break, blank lines skipped).
    const first = tokens[i + 1]?.map?.[0] ?? (tokens[i].map?.[0] ?? 0) + 1;
    const line = (env.lineOffset ?? 0) + first + 1;
    return `</section>\n<section class="slide" data-slide="${env.slide}" data-source="${escapeHtml(`${env.file}:${line}`)}">\n`;
  };
  rules.link_open = (tokens, i, options, renderEnv, self) => {
    const env = renderEnv as RenderEnv;
    const token = tokens[i];
    const link = env.links
      ? resolveMarkdownLink(env.file, String(token.attrGet("href") ?? ""), env.links)
      : null;
    if (!link) return self.renderToken(tokens, i, options);
    const at = positionOf(token);
    if (link.href === undefined)
      return `${fail(env, at, `this link points to ${link.file}, which is not a chapter (content/*.md) or lab (notebooks/*.md) of the site`)}<a>`;
    token.attrSet("href", link.href);
    env.pageLinks.push({ target: link.file, anchor: link.anchor, ...at });
    return self.renderToken(tokens, i, options);
  };
  return md;
}

/** Gives each link_open token the offset of its `[` (markdown-it's link rule records none). */
function recordLinkOffsets(md: Markdown): void {
  const rule = md.inline.ruler.__rules__.find((r) => r.name === "link")?.fn;
  if (!rule) return;
  md.inline.ruler.at("link", (state, silent) => {
    const start = state.pos;
    const count = state.tokens.length;
    const found = rule(state, silent);
    // Pending text is pushed first, so the link opens at or after `count`.
    const token = state.tokens.slice(count).find((t) => t.type === "link_open");
    if (found && !silent && token) token.meta = { offset: start };
    return found;
  });
}

function positionOf(token: Token): FilePosition {
  const meta = metaOf(token);
  return { line: meta.line ?? 1, column: meta.column ?? 1 };
}

function typeset(token: Token, display: boolean, env: RenderEnv): string {
  let resolved: ResolvedTex | undefined;
  try {
    resolved = resolveEquationRefs(token.content, env.labels);
    const html = renderMath(resolved.tex, display, { macros: env.macros });
    if (!display) return html;
    const label = /\\label\{([^}]*)\}/.exec(token.content)?.[1];
    const anchor = label ? env.labels.get(label)?.anchor : undefined;
    const id = anchor ? ` id="${anchor}"` : "";
    return `<div class="math-display"${id}>${html}</div>\n`;
  } catch (error) {
    // An inline formula is reported at its `$`; a display, which may run over many lines, at
    // the line and column of the culprit inside it.
    const katexOffset = mathErrorOffset(error);
    const offset =
      error instanceof MissingLabelError
        ? error.offset
        : katexOffset !== undefined && resolved
          ? resolved.sourceOffset(katexOffset)
          : undefined;
    const locate = metaOf(token).locate;
    const at = display && offset !== undefined && locate ? locate(offset) : positionOf(token);
    return fail(env, at, mathErrorMessage(error, display && offset !== undefined));
  }
}

/** Records a rendering error at its Markdown position and shows it in place. */
function fail(env: RenderEnv, at: FilePosition, message: string): string {
  const error: CompileErrorData = { file: env.file, ...at, message };
  env.errors.push(error);
  return errorSpan(error);
}

function errorSpan(error: CompileErrorData): string {
  return `<span class="math-error" role="alert">${escapeHtml(`${error.file}:${error.line}:${error.column}:`)} ${messageHtml(error.message)}</span>`;
}
