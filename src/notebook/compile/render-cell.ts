import { escapeHtml, messageHtml } from "./escape-html.ts";
import type { CompileErrorData, ParsedCell } from "./types.ts";

/**
 * The placeholder a cell renders into, with its source when asked (`echo`, `run=false`); a
 * cell that does not compile shows its errors (dev mode) in its place, above its code.
 */
export function renderCell(
  cell: ParsedCell,
  displayOnly: boolean,
  errors: readonly CompileErrorData[],
): string {
  const source = `<pre class="cell-source"><code class="language-js">${escapeHtml(cell.code.replace(/\n$/, ""))}</code></pre>`;
  if (errors.length) {
    const tag = cell.inline ? "span" : "div";
    const messages = errors
      .map(
        (e) =>
          `<${tag} class="error-message">${escapeHtml(`${e.file}:${e.line}:${e.column}:`)} ${messageHtml(e.message)}</${tag}>`,
      )
      .join("");
    return `<${tag} class="cell cell-error" data-cell="${cell.id}" role="alert">${messages}</${tag}>${cell.inline ? "" : `\n${source}\n`}`;
  }
  if (displayOnly) return `${source}\n`;
  if (cell.inline)
    return `<span class="cell cell-inline" data-cell="${cell.id}" aria-live="polite"></span>`;
  return `<div class="cell" data-cell="${cell.id}" id="cell-${cell.id}"></div>\n${cell.echo ? `${source}\n` : ""}`;
}
