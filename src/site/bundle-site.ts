import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { build as esbuild, type Metafile, type Plugin } from "esbuild";
import { optionalModules, singleHtl, slimVega } from "./bundle-plugins.ts";
import { PROJECT } from "./project.ts";
import { renderPageModule } from "./render-page-module.ts";
import type { SitePage } from "./render-pages.ts";
import { assetsByEntry, type EntryAssets, styleEntry } from "./site-assets.ts";
import type { SiteFiles } from "./site-files.ts";

/** What the pages need bundled, and how. */
export interface BundleOptions {
  /** The folder the site will be written to (output paths are computed against it). */
  siteDir: string;
  macros: Record<string, string>;
  /** Minify, or keep readable with source maps (dev). */
  dev: boolean;
  /** Add the live-reload client to every page module. */
  liveReload: boolean;
  /** Hook the slides deck onto the pages that compiled. */
  slides: boolean;
}

/** The site's assets, in memory: nothing is written until the write stage. */
export interface SiteBundle {
  /** Every asset file, its path relative to the site folder ("assets/chunks/…"). */
  files: { path: string; contents: Uint8Array | string }[];
  /** esbuild's account of the bundle (which chunk holds which module). */
  metafile: Metafile;
  /** By entry name ("chapter-06-backpropagation", "index", "site"): script, CSS, static chunks. */
  assets: Map<string, EntryAssets>;
  /** A metafile output path → its path relative to the site folder. */
  relative(path: string): string;
}

/**
 * One ES module per page (and one for the index, one CSS entry for the styles), bundled by
 * esbuild with shared chunks; KaTeX's stylesheet and fonts beside them. The page modules never
 * touch the disk: esbuild reads them from memory.
 */
export async function bundleSite(
  pages: readonly SitePage[],
  files: SiteFiles,
  options: BundleOptions,
): Promise<SiteBundle> {
  const modules = new Map<string, { contents: string; loader: "js" | "css" }>();
  const moduleOptions = { project: PROJECT, macros: options.macros, dev: options.liveReload };
  for (const page of pages) {
    const slides = options.slides && !page.page.failed;
    const contents = renderPageModule(page, { ...moduleOptions, slides });
    modules.set(`${page.kind}-${page.slug}`, { contents, loader: "js" });
  }
  const index = renderPageModule(null, { ...moduleOptions, slides: false });
  modules.set("index", { contents: index, loader: "js" });
  modules.set("site", { contents: styleEntry(files), loader: "css" });

  const assetsDir = join(options.siteDir, "assets");
  const result = await esbuild({
    entryPoints: Object.fromEntries([...modules.keys()].map((name) => [name, `page:${name}`])),
    bundle: true,
    splitting: true,
    format: "esm",
    // Dev builds stay readable in the browser's tools; production ones are small.
    minify: !options.dev,
    sourcemap: options.dev ? "linked" : false,
    target: "es2022",
    outdir: assetsDir,
    entryNames: "[name]-[hash]",
    chunkNames: "chunks/[name]-[hash]",
    metafile: true,
    write: false,
    legalComments: "none",
    logLevel: "silent",
    plugins: [pageModules(modules), optionalModules(), singleHtl(), slimVega()],
  });
  const toSite = (path: string): string =>
    relative(options.siteDir, resolve(path)).replace(/\\/g, "/");
  return {
    files: [
      ...result.outputFiles.map((f) => ({ path: toSite(f.path), contents: f.contents })),
      ...katexFiles(),
    ],
    metafile: result.metafile,
    assets: assetsByEntry(result.metafile, options.siteDir),
    relative: toSite,
  };
}

/** Serves the generated modules to esbuild as `page:<name>`, resolving their imports from src/. */
function pageModules(modules: Map<string, { contents: string; loader: "js" | "css" }>): Plugin {
  return {
    name: "page-modules",
    setup(build) {
      build.onResolve({ filter: /^page:/ }, (args) => ({
        path: args.path.slice("page:".length),
        namespace: "page",
      }));
      build.onLoad({ filter: /.*/, namespace: "page" }, (args) => {
        const module = modules.get(args.path);
        return module && { ...module, resolveDir: PROJECT };
      });
    },
  };
}

/** KaTeX's stylesheet with only the woff2 fonts (every browser that runs the site reads them). */
function katexFiles(): { path: string; contents: Uint8Array | string }[] {
  const katexDir = join(PROJECT, "node_modules/katex/dist");
  const css = readFileSync(join(katexDir, "katex.min.css"), "utf8").replace(
    /,url\(fonts\/[^)]+\.(woff|ttf)\) format\("(woff|truetype)"\)/g,
    "",
  );
  const fonts = readdirSync(join(katexDir, "fonts")).filter((n) => n.endsWith(".woff2"));
  return [
    { path: "assets/katex/katex.min.css", contents: css },
    ...fonts.map((font) => ({
      path: `assets/katex/fonts/${font}`,
      contents: readFileSync(join(katexDir, "fonts", font)),
    })),
  ];
}
