// The search box's side in the browser: the results panel, and the index options the build
// (site/build-search-index.ts) writes the index with, so both read it the same way.
export { SEARCH_OPTIONS, type SearchDocument } from "./search-options.ts";
export { attachSearch } from "./search-panel.ts";
