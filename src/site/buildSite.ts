import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build as esbuild, type Metafile, type Plugin } from "esbuild";
import { CompileError, CompileErrors } from "../notebook/build/compileError.ts";
import { type CompileOptions, compilePage } from "../notebook/build/compilePage.ts";
import { escapeHtml } from "../notebook/build/createMarkdown.ts";
import {
  JAVASCRIPT_GLOBALS,
  LIBRARY_BUILTINS,
  MODULE_BUILTINS,
  STANDARD_BUILTINS,
} from "../notebook/build/globals.ts";
import { parseMacros } from "../notebook/build/parseMacros.ts";
import type { CompiledPage, CompileErrorData } from "../notebook/build/types.ts";
import { pagePath, slugOf } from "./paths.ts";
import { preloadChunks } from "./preloadChunks.ts";
import { renderPageModule } from "./renderPageModule.ts";
import { renderChapterMain, renderIndexMain, type SitePage } from "./renderPages.ts";
import { type PageAssets, renderShell } from "./renderShell.ts";
import { renderToc } from "./renderToc.ts";

/** Where a site comes from and goes to. Paths are relative to `root`. */
export interface SiteOptions {
  /** Project folder (default: this repository). */
  root?: string;
  /** Chapters (default "content"). */
  contentDir?: string;
  /** Labs (default "notebooks"). */
  labsDir?: string;
  /** Output (default "dist"); replaced as a whole when the build succeeds. */
  outDir?: string;
  /** Generated page modules (default ".build-cache"). */
  cacheDir?: string;
  /** Shared KaTeX macros (default "content/macros.tex"; missing means none). */
  macrosFile?: string;
  /** Dev mode: errors shown on the page, a live-reload script injected (default false). */
  dev?: boolean;
  /** Inject the live-reload client (default: same as `dev`; `npm start` serves its events). */
  liveReload?: boolean;
  /** Site name in headers and titles. */
  siteTitle?: string;
}

/** What a build produced. */
export interface SiteResult {
  pages: SitePage[];
  /** Compile errors (only ever non-empty in dev mode; otherwise the build throws). */
  errors: CompileErrorData[];
  /** Bytes of JavaScript each page loads up front (its module and static chunks), by dist path. */
  scripts: Map<string, string[]>;
  milliseconds: number;
}

let buildCount = 0;
const HERE = dirname(fileURLToPath(import.meta.url));
const PROJECT = resolve(HERE, "../..");
// Built-ins the client defines itself; any other built-in name is an export of src/index.ts.
const CLIENT_BUILTINS = new Set<string>([...STANDARD_BUILTINS, ...MODULE_BUILTINS]);
const STYLE_ORDER = ["base.css", "layout.css", "prose.css", "cells.css", "graph.css", "slides.css"];

/** Builds the static site: every Markdown page → HTML + one module, bundled by esbuild. */
export async function buildSite(options: SiteOptions = {}): Promise<SiteResult> {
  const started = performance.now();
  const root = resolve(options.root ?? PROJECT);
  const finalDir = resolve(root, options.outDir ?? "dist");
  const cacheDir = resolve(root, options.cacheDir ?? ".build-cache");
  // Each build works in a folder of its own (two builds may run at once in one checkout) and
  // moves the site into place at the end, so a served site never shows half a build.
  const workDir = join(cacheDir, `build-${process.pid}-${++buildCount}`);
  const entriesDir = join(workDir, "entries");
  const outDir = join(workDir, "site");
  const dev = options.dev ?? false;
  const liveReload = options.liveReload ?? dev;
  const siteTitle = options.siteTitle ?? "Backprop notebook";
  const macrosFile = resolve(root, options.macrosFile ?? "content/macros.tex");
  const macros = readMacros(macrosFile, relative(root, macrosFile));
  const compileOptions: CompileOptions = {
    macros,
    builtins: await builtinNames(),
    globals: JAVASCRIPT_GLOBALS,
    dev,
  };

  const pages: SitePage[] = [];
  const failures: CompileErrorData[] = [];
  for (const [kind, dir] of [
    ["chapter", options.contentDir ?? "content"],
    ["lab", options.labsDir ?? "notebooks"],
  ] as const) {
    const folder = resolve(root, dir);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)
      .filter((n) => n.endsWith(".md"))
      .sort()) {
      const file = relative(root, join(folder, name));
      try {
        const page = compilePage(readFileSync(join(folder, name), "utf8"), file, compileOptions);
        pages.push({ kind, slug: slugOf(file), path: pagePath(kind, slugOf(file)), page });
      } catch (error) {
        const errors =
          error instanceof CompileErrors
            ? error.errors
            : error instanceof CompileError
              ? [error]
              : null;
        if (!errors) throw error;
        // In dev the page still appears, showing what is wrong, so the author sees it on reload.
        if (dev)
          pages.push({
            kind,
            slug: slugOf(file),
            path: pagePath(kind, slugOf(file)),
            page: errorPage(file, errors),
          });
        else failures.push(...errors);
      }
    }
  }
  if (failures.length) throw new CompileErrors(failures);
  pages.sort((a, b) =>
    a.kind === b.kind
      ? a.page.frontMatter.order - b.page.frontMatter.order || a.slug.localeCompare(b.slug)
      : a.kind === "chapter"
        ? -1
        : 1,
  );

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(entriesDir, { recursive: true });
  const slides = existsSync(join(PROJECT, "src/slides/index.ts"));
  const entries: Record<string, string> = {};
  for (const page of pages) {
    const file = join(entriesDir, `${page.kind}-${page.slug}.js`);
    writeFileSync(
      file,
      renderPageModule(page, {
        project: PROJECT,
        macros,
        dev: liveReload,
        slides: slides && page.kind === "chapter",
      }),
    );
    entries[`${page.kind}-${page.slug}`] = file;
  }
  const indexEntry = join(entriesDir, "index.js");
  writeFileSync(
    indexEntry,
    renderPageModule(null, { project: PROJECT, macros, dev: liveReload, slides: false }),
  );
  entries.index = indexEntry;
  entries.site = writeStyleEntry(entriesDir);

  const result = await esbuild({
    entryPoints: entries,
    bundle: true,
    splitting: true,
    format: "esm",
    // Dev builds stay readable in the browser's tools; production ones are small.
    minify: !dev,
    sourcemap: dev ? "linked" : false,
    target: "es2022",
    outdir: join(outDir, "assets"),
    entryNames: "[name]-[hash]",
    chunkNames: "chunks/[name]-[hash]",
    metafile: true,
    legalComments: "none",
    logLevel: "silent",
    plugins: [optionalModules(), singleHtl()],
  }).catch((error: unknown) => {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  });
  // Kept for anyone asking why a page is heavy (esbuild's analyzer reads this file).
  writeFileSync(join(cacheDir, "meta.json"), JSON.stringify(result.metafile));
  const assets = assetsByEntry(result.metafile, outDir);
  copyKatex(outDir);

  const scripts = new Map<string, string[]>();
  const relToOut = (path: string): string => relative(outDir, resolve(path)).replace(/\\/g, "/");
  const assetsOf = (name: string): Required<EntryAssets> => {
    const found = assets.get(name);
    if (!found)
      throw new Error(`the bundle has no output for ${name}; is its entry module missing?`);
    return { script: found.script ?? "", css: found.css, preload: found.preload };
  };
  const cssFor = (page: string): string[] => ["assets/katex/katex.min.css", ...assetsOf(page).css];
  const write = (dir: string, html: string): void => {
    mkdirSync(join(outDir, dir), { recursive: true });
    writeFileSync(join(outDir, dir, "index.html"), html);
  };
  pages.forEach((page, i) => {
    const key = `${page.kind}-${page.slug}`;
    const own = assetsOf(key);
    const used = page.page.builtinsUsed.map((name) =>
      compileOptions.builtins.has(name) && !CLIENT_BUILTINS.has(name) ? "library" : name,
    );
    const lazy = preloadChunks(result.metafile, [...new Set(used)])
      .map(relToOut)
      .filter((f) => !own.preload.includes(f));
    const pageAssets: PageAssets = {
      css: cssFor("site"),
      script: own.script,
      preload: [...own.preload, ...lazy],
    };
    scripts.set(page.path.dir, [own.script, ...own.preload]);
    write(
      page.path.dir,
      renderShell({
        title: `${page.page.frontMatter.title} · ${siteTitle}`,
        description: page.page.frontMatter.summary,
        siteTitle,
        root: page.path.root,
        assets: pageAssets,
        main: renderChapterMain(page, pages[i - 1], pages[i + 1]),
        toc: renderToc(page.page.headings),
        present: slides && page.kind === "chapter",
        bodyClass: `page-${page.kind}`,
      }),
    );
  });
  const index = assetsOf("index");
  scripts.set("", [index.script, ...index.preload]);
  write(
    "",
    renderShell({
      title: siteTitle,
      description: "Interactive notes on neural networks and backpropagation.",
      siteTitle,
      root: "",
      assets: { css: cssFor("site"), script: index.script, preload: index.preload },
      main: renderIndexMain(siteTitle, pages),
      present: false,
      bodyClass: "page-index",
    }),
  );
  replaceFolder(outDir, finalDir);
  rmSync(workDir, { recursive: true, force: true });
  return {
    pages,
    errors: pages.flatMap((p) => p.page.errors),
    scripts,
    milliseconds: performance.now() - started,
  };
}

/** Moves `from` to `to`, replacing it; retries when another build put its own there meanwhile. */
function replaceFolder(from: string, to: string): void {
  for (let attempt = 0; ; attempt++) {
    rmSync(to, { recursive: true, force: true });
    try {
      renameSync(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== "ENOTEMPTY" && code !== "EEXIST")) throw error;
    }
  }
}

/** The shared macros (none when the file does not exist); a bad line fails with its position. */
function readMacros(path: string, file: string): Record<string, string> {
  if (!existsSync(path)) return {};
  try {
    return parseMacros(readFileSync(path, "utf8"), file);
  } catch (error) {
    throw error instanceof CompileError ? new CompileErrors([error]) : error;
  }
}

/** A stand-in for a page that could not be compiled at all (dev only). */
function errorPage(file: string, errors: readonly CompileErrorData[]): CompiledPage {
  const list = errors
    .map(
      (e) =>
        `<li><code>${escapeHtml(`${e.file}:${e.line}:${e.column}`)}</code> ${escapeHtml(e.message)}</li>`,
    )
    .join("\n");
  return {
    file,
    frontMatter: {
      title: `${file} (error)`,
      order: Number.MAX_SAFE_INTEGER,
      summary: "This page could not be built; the errors are listed on it.",
    },
    html: `<section class="slide" data-slide="1">\n<div class="cell-error" role="alert"><p class="error-message">This page could not be built:</p><ul>${list}</ul></div>\n</section>\n`,
    headings: [],
    cells: [],
    builtinsUsed: [],
    errors: [...errors],
    slideCount: 1,
  };
}

/** Standard built-ins, the library's exports (read from src/index.ts when it loads), graph, plots. */
async function builtinNames(): Promise<Set<string>> {
  const names = new Set<string>([...STANDARD_BUILTINS, ...LIBRARY_BUILTINS, ...MODULE_BUILTINS]);
  const index = join(PROJECT, "src/index.ts");
  if (existsSync(index)) {
    try {
      for (const name of Object.keys(await import(index))) names.add(name);
    } catch {
      // A half-finished library must not stop the site from building; the contract's names stand.
    }
  }
  return names;
}

/** A CSS entry importing every stylesheet in styles/, known ones in cascade order. */
function writeStyleEntry(entriesDir: string): string {
  const stylesDir = join(PROJECT, "styles");
  const found = existsSync(stylesDir)
    ? readdirSync(stylesDir).filter((n) => n.endsWith(".css"))
    : [];
  const ordered = [
    ...STYLE_ORDER.filter((n) => found.includes(n)),
    ...found.filter((n) => !STYLE_ORDER.includes(n) && n !== "print.css").sort(),
    ...(found.includes("print.css") ? ["print.css"] : []),
  ];
  // Observable Inputs' own layout first, so the site's styles can adjust it.
  const sheets = [
    join(PROJECT, "node_modules/@observablehq/inputs/dist/index.css"),
    ...ordered.map((n) => join(stylesDir, n)),
  ];
  const file = join(entriesDir, "site.css");
  writeFileSync(file, sheets.map((path) => `@import ${JSON.stringify(path)};`).join("\n"));
  return file;
}

interface EntryAssets {
  script?: string;
  css: string[];
  preload: string[];
}

/** For each entry name: its output file, its CSS, and the chunks it imports statically. */
function assetsByEntry(metafile: Metafile, outDir: string): Map<string, EntryAssets> {
  const map = new Map<string, EntryAssets>();
  const rel = (path: string): string => relative(outDir, resolve(path)).replace(/\\/g, "/");
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (!output.entryPoint || path.includes("/chunks/")) continue;
    const name = (path.split("/").pop() ?? path).replace(/-[A-Z0-9]+\.(js|css)$/, "");
    const entry = map.get(name) ?? { css: [], preload: [] };
    if (path.endsWith(".css")) entry.css.push(rel(path));
    else {
      entry.script = rel(path);
      entry.preload = output.imports
        .filter((i) => i.kind === "import-statement" && !i.external)
        .map((i) => rel(i.path));
      if (output.cssBundle) entry.css.push(rel(output.cssBundle));
    }
    map.set(name, entry);
  }
  return map;
}

/** KaTeX's stylesheet with only the woff2 fonts (every browser that runs the site reads them). */
function copyKatex(outDir: string): void {
  const katexDir = join(PROJECT, "node_modules/katex/dist");
  const target = join(outDir, "assets/katex");
  mkdirSync(join(target, "fonts"), { recursive: true });
  const css = readFileSync(join(katexDir, "katex.min.css"), "utf8").replace(
    /,url\(fonts\/[^)]+\.(woff|ttf)\) format\("(woff|truetype)"\)/g,
    "",
  );
  writeFileSync(join(target, "katex.min.css"), css);
  for (const font of readdirSync(join(katexDir, "fonts")).filter((n) => n.endsWith(".woff2"))) {
    copyFileSync(join(katexDir, "fonts", font), join(target, "fonts", font));
  }
}

/**
 * One copy of htl: @observablehq/inputs pins its own older copy, which would ship a second
 * time next to the `html`/`svg` built-ins. Inputs only uses `html`, the same in both versions.
 */
function singleHtl(): Plugin {
  return {
    name: "single-htl",
    setup(build) {
      build.onResolve({ filter: /^htl$/ }, () => ({
        path: join(PROJECT, "node_modules/htl/dist/index.js"),
      }));
    },
  };
}

/** Library folders still being written resolve to an empty module instead of failing the build. */
function optionalModules(): Plugin {
  const optional = ["src/index.ts", "src/graph/index.ts", "src/plots/index.ts"].map((p) =>
    join(PROJECT, p),
  );
  return {
    name: "optional-modules",
    setup(build) {
      build.onResolve({ filter: /index\.ts$/ }, (args) => {
        const path = resolve(args.resolveDir, args.path);
        if (optional.includes(path) && !existsSync(path)) return { path, namespace: "missing" };
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: "missing" }, () => ({
        contents: "export {};",
        loader: "js",
      }));
    },
  };
}
