import { CLIENT_BUILTINS } from "../notebook/compile/index.ts";
import type { SiteBundle } from "./bundle-site.ts";
import { preloadChunks } from "./preload-chunks.ts";
import { renderChapterMain, renderIndexMain, type SitePage } from "./render-pages.ts";
import { type PageAssets, renderShell } from "./render-shell.ts";
import { renderToc } from "./render-toc.ts";
import type { EntryAssets } from "./site-assets.ts";

/** How the pages are dressed. */
export interface RenderOptions {
  siteTitle: string;
  /** Offer "Present" on the pages that compiled. */
  slides: boolean;
  /** Every name a cell may use (to tell the library's exports from the client's built-ins). */
  builtins: ReadonlySet<string>;
}

/** The site's HTML, in memory. */
export interface RenderedSite {
  /** index.html by page folder ("" for the index, "chapters/06-backpropagation/"). */
  html: Map<string, string>;
  /** The JavaScript each page loads up front (its module and static chunks), by page folder. */
  scripts: Map<string, string[]>;
}

/** Every page's HTML around its bundle: the shell, its scripts and preloads, the index. */
export function renderSite(
  pages: readonly SitePage[],
  bundle: SiteBundle,
  options: RenderOptions,
): RenderedSite {
  const html = new Map<string, string>();
  const scripts = new Map<string, string[]>();
  const css = ["assets/katex/katex.min.css", ...assetsOf(bundle, "site").css];
  pages.forEach((page, i) => {
    const own = assetsOf(bundle, `${page.kind}-${page.slug}`);
    const assets: PageAssets = {
      css,
      script: own.script,
      preload: pagePreloads(page, bundle, own, options),
    };
    scripts.set(page.path.dir, [own.script, ...own.preload]);
    const main = renderChapterMain(page, pages[i - 1], pages[i + 1]);
    html.set(
      page.path.dir,
      renderShell({
        title: `${page.page.frontMatter.title} · ${options.siteTitle}`,
        description: page.page.frontMatter.summary,
        siteTitle: options.siteTitle,
        root: page.path.root,
        assets,
        main,
        toc: renderToc(page.page.headings),
        present: options.slides && !page.page.failed,
        bodyClass: `page-${page.kind}`,
      }),
    );
  });
  const index = assetsOf(bundle, "index");
  scripts.set("", [index.script, ...index.preload]);
  html.set(
    "",
    renderShell({
      title: options.siteTitle,
      description: "Interactive notes on neural networks and backpropagation.",
      siteTitle: options.siteTitle,
      root: "",
      assets: { css, script: index.script, preload: index.preload },
      main: renderIndexMain(options.siteTitle, pages),
      present: false,
      bodyClass: "page-index",
    }),
  );
  return { html, scripts };
}

function assetsOf(bundle: SiteBundle, name: string): Required<EntryAssets> {
  const found = bundle.assets.get(name);
  if (!found) throw new Error(`the bundle has no output for ${name}; is its entry module missing?`);
  return { script: found.script ?? "", css: found.css, preload: found.preload };
}

/**
 * The page's static chunks, then the chunks its cells will import (the built-ins they use),
 * fetched in parallel at first paint instead of one after another.
 */
function pagePreloads(
  page: SitePage,
  bundle: SiteBundle,
  own: Required<EntryAssets>,
  options: RenderOptions,
): string[] {
  const used = page.page.builtinsUsed.map((name) =>
    options.builtins.has(name) && !CLIENT_BUILTINS.has(name) ? "library" : name,
  );
  const lazy = preloadChunks(bundle.metafile, [...new Set(used)])
    .map(bundle.relative)
    .filter((f) => !own.preload.includes(f));
  return [...own.preload, ...lazy];
}
