import { escapeHtml } from "../notebook/build/createMarkdown.ts";
import type { CompiledPage, CompileErrorData } from "../notebook/build/types.ts";

/** A stand-in for a page that could not be compiled at all (dev only). */
export function errorPage(file: string, errors: readonly CompileErrorData[]): CompiledPage {
  const list = errors
    .map(
      (e) =>
        `<li><code>${escapeHtml(`${e.file}:${e.line}:${e.column}`)}</code> ${escapeHtml(e.message)}</li>`,
    )
    .join("\n");
  return {
    file,
    frontMatter: {
      title: `${file} (error)`,
      order: Number.MAX_SAFE_INTEGER,
      summary: "This page could not be built; the errors are listed on it.",
    },
    html: `<section class="slide" data-slide="1">\n<div class="cell-error" role="alert"><p class="error-message">This page could not be built:</p><ul>${list}</ul></div>\n</section>\n`,
    headings: [],
    cells: [],
    builtinsUsed: [],
    errors: [...errors],
    slideCount: 1,
  };
}
