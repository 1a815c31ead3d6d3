// A deck opens on its title: the chapter page's header (eyebrow, title, summary) sits outside
// the article, so in deck mode a cover slide made from a copy of it goes in front of slide 1.

/** Where the page keeps its chapter title. */
const HEADER = "main .chapter-header";

/**
 * Builds the cover slide from the page's chapter header and puts it first in `article`;
 * returns it, or null when the page has no header with a title.
 */
export function insertCoverSlide(doc: Document, article: HTMLElement): HTMLElement | null {
  const header = doc.querySelector(HEADER);
  if (!header?.querySelector("h1")) return null;
  const cover = doc.createElement("section");
  cover.className = "slide deck-cover";
  for (const child of header.children) {
    const copy = child.cloneNode(true) as Element;
    // Ids must stay unique in the page; the original header keeps them.
    copy.removeAttribute("id");
    for (const inner of copy.querySelectorAll("[id]")) inner.removeAttribute("id");
    if (copy.matches(".eyebrow")) {
      // "Contents · Chapter 5" is navigation in reading mode; the cover keeps "Chapter 5".
      for (const link of copy.querySelectorAll("a")) link.remove();
      copy.textContent = (copy.textContent ?? "").replace(/^[\s·]+/, "");
    }
    cover.append(copy);
  }
  article.prepend(cover);
  return cover;
}
