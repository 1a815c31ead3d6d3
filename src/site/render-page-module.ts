import { join } from "node:path";
import { CLIENT_BUILTINS } from "../notebook/compile/index.ts";
import type { SitePage } from "./render-pages.ts";

/** What a page module needs to know about the build. */
export interface PageModuleOptions {
  /** Absolute path of the project (the module imports client code from src/). */
  project: string;
  macros: Record<string, string>;
  /** Inject the live-reload client. */
  dev: boolean;
  /** Hook the slides deck onto the page. */
  slides: boolean;
}

/**
 * The ES module of one page: page controls, the slides hook, and the page's cells handed to
 * the runtime. Cells without any other import stay out, so a prose-only page ships very little,
 * and the loop guard is installed only where a cell has a loop.
 */
export function renderPageModule(page: SitePage | null, options: PageModuleOptions): string {
  const client = (file: string): string =>
    JSON.stringify(join(options.project, "src/notebook/client", file));
  const cells = page?.page.cells ?? [];
  const builtinsUsed = page?.page.builtinsUsed ?? [];
  // A page with cells takes the client through its index.ts. The others (the index page, a
  // prose-only chapter) import page.ts itself, and the deck its install-slides.ts: esbuild
  // splits chunks by which files an entry reaches, not by which exports it uses, so going
  // through an index would put the Observable runtime on the 1.7 KB index page (20 KB) and
  // 3.3 KB of unused deck code on every chapter.
  const lines = [
    cells.length
      ? `import { boot, setUpPage } from ${client("index.ts")};`
      : `import { setUpPage } from ${client("page.ts")};`,
  ];
  // Only a page whose loops carry the guard's calls (compile-page.ts puts them in) loads the
  // guard (notebook/loop-guard, a chunk of its own), so the other pages do not pay for it.
  const guarded = cells.some((c) => c.insertions?.length);
  if (guarded)
    lines.push(
      `import { installLoopGuard } from ${JSON.stringify(join(options.project, "src/notebook/loop-guard/index.ts"))};`,
    );
  if (options.dev) lines.push(`import ${client("reload.ts")};`);
  if (options.slides)
    lines.push(
      `import { installSlides } from ${JSON.stringify(join(options.project, "src/slides/install-slides.ts"))};`,
    );
  lines.push("setUpPage();");
  if (options.slides) lines.push("installSlides(document);");
  if (guarded) lines.push("installLoopGuard();");
  if (cells.length) {
    const library = builtinsUsed.filter((n) => !CLIENT_BUILTINS.has(n));
    // Bodies travel as text: the client compiles each at its Markdown line (cell-function.ts).
    const definitions = cells.map((cell) => JSON.stringify(cell));
    const macros = builtinsUsed.includes("tex")
      ? `, macros: ${JSON.stringify(options.macros)}`
      : "";
    lines.push(
      `boot([\n${definitions.join(",\n")}\n], {library: ${JSON.stringify(library)}${macros}});`,
    );
  }
  return `${lines.join("\n")}\n`;
}
