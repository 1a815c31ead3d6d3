// The notebook's browser side, as the generated page modules use it: `setUpPage()` for the
// page controls every page has, and `boot(cells, options)` to run a page's cells on
// @observablehq/runtime. The live-reload client (reload.ts) stays a side-effect import of its
// own, added to a page module only in development.

export type { LibraryOptions } from "./library.ts";
export { boot } from "./main.ts";
export { currentTheme, setUpPage, toggleTheme } from "./page.ts";
