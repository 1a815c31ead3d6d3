import MiniSearch from "minisearch";
import type { CompiledPage } from "../notebook/compile/index.ts";
import { SEARCH_OPTIONS, type SearchDocument } from "../notebook/search/index.ts";
import { searchDocuments } from "./search-documents.ts";

/** The site's search index, as the JSON the page loads: every section of every page. */
export function buildSearchIndex(pages: readonly { page: CompiledPage; dir: string }[]): string {
  const index = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  index.addAll(pages.flatMap((p) => searchDocuments(p.page, p.dir)));
  return JSON.stringify(index);
}
