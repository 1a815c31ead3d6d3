export { buildSearchIndex } from "./build-search-index.ts";
export { searchDocuments } from "./search-documents.ts";
export { SEARCH_OPTIONS, type SearchDocument } from "./search-options.ts";
