// One set of MiniSearch options for the build (which indexes) and the page (which loads the
// index): MiniSearch needs the same fields on both sides.

/** One searchable section: a heading of a chapter or lab and what it holds. */
export interface SearchDocument {
  /** "chapters/05-chain-rule/#linear-least-squares" — the page folder and the heading's anchor. */
  id: string;
  /** The page's title. */
  page: string;
  /** The heading's text (the page's title for the part above the first heading). */
  title: string;
  /** The prose, formulas' surrounding words included, as plain text. */
  text: string;
  /** The code of the section's cells. */
  code: string;
}

export const SEARCH_OPTIONS = {
  fields: ["title", "text", "code", "page"],
  storeFields: ["page", "title"],
  searchOptions: { boost: { title: 3, page: 1.5 }, prefix: true, fuzzy: 0.15 },
  // Code is searched by its identifiers too: `matmul` in `W.matmul(x)`.
  tokenize: (text: string): string[] => text.split(/[^\p{L}\p{N}_]+/u).filter(Boolean),
};
