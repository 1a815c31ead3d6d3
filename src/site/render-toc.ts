import type { Heading } from "../notebook/compile/index.ts";

/**
 * The "On this page" navigation: level-2 headings, with level-3 ones nested under them.
 * `inline` gives the collapsed form shown under the title on narrow screens (the sidebar form
 * is hidden there, and the inline one on wide screens, so only one is ever in the page).
 */
export function renderToc(headings: readonly Heading[], inline = false): string {
  const items = headings.filter((h) => h.level <= 3);
  if (items.length === 0) return "";
  const parts: string[] = [];
  let itemOpen = false;
  let subOpen = false;
  for (const heading of items) {
    const link = `<a href="#${heading.id}">${heading.html.trim()}</a>`;
    if (heading.level === 3) {
      if (!itemOpen) parts.push("<li>");
      if (!subOpen) parts.push("<ol>");
      parts.push(`<li>${link}</li>`);
      itemOpen = subOpen = true;
    } else {
      if (subOpen) parts.push("</ol>");
      if (itemOpen) parts.push("</li>");
      parts.push(`<li>${link}`);
      itemOpen = true;
      subOpen = false;
    }
  }
  if (subOpen) parts.push("</ol>");
  if (itemOpen) parts.push("</li>");
  const list = `<ol>${parts.join("")}</ol>`;
  if (inline)
    return `<details class="toc-inline"><summary>On this page</summary><nav aria-label="On this page">${list}</nav></details>`;
  return `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">On this page</h2>${list}</nav>`;
}
