import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { build as esbuild } from "esbuild";
import {
  CompileError,
  type CompileErrorData,
  CompileErrors,
  type CompileOptions,
  compilePage,
  JAVASCRIPT_GLOBALS,
  LIBRARY_BUILTINS,
  MODULE_BUILTINS,
  parseMacros,
  STANDARD_BUILTINS,
} from "../notebook/compile/index.ts";
import { optionalModules, singleHtl, slimVega } from "./bundle-plugins.ts";
import { checkSite } from "./check-site.ts";
import { errorPage, withPageErrors } from "./error-page.ts";
import { libraryExports } from "./library-exports.ts";
import { pagePath, slugOf } from "./paths.ts";
import { preloadChunks } from "./preload-chunks.ts";
import { PROJECT } from "./project.ts";
import { renderPageModule } from "./render-page-module.ts";
import { renderChapterMain, renderIndexMain, type SitePage } from "./render-pages.ts";
import { type PageAssets, renderShell } from "./render-shell.ts";
import { renderToc } from "./render-toc.ts";
import { assetsByEntry, copyKatex, type EntryAssets, writeStyleEntry } from "./site-assets.ts";

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
// Built-ins the client defines itself; any other built-in name is an export of src/index.ts.
const CLIENT_BUILTINS = new Set<string>([...STANDARD_BUILTINS, ...MODULE_BUILTINS]);

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

  const sources: { kind: SitePage["kind"]; file: string; path: string }[] = [];
  for (const [kind, dir] of [
    ["chapter", options.contentDir ?? "content"],
    ["lab", options.labsDir ?? "notebooks"],
  ] as const) {
    const folder = resolve(root, dir);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)
      .filter((n) => n.endsWith(".md"))
      .sort())
      sources.push({ kind, file: relative(root, join(folder, name)), path: join(folder, name) });
  }
  // Links to another page's .md file become links to its built page.
  compileOptions.links = {
    pages: new Map(sources.map((s) => [s.file, pagePath(s.kind, slugOf(s.file)).dir])),
    root: "../../",
  };

  let pages: SitePage[] = [];
  const failures: CompileErrorData[] = [];
  for (const { kind, file, path } of sources) {
    const source = readFileSync(path, "utf8");
    try {
      const page = compilePage(source, file, compileOptions);
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
          page: errorPage(file, errors, source),
        });
      else failures.push(...errors);
    }
  }
  const siteErrors = checkSite(pages);
  if (dev)
    pages = pages.map((p) => ({
      ...p,
      page: withPageErrors(
        p.page,
        siteErrors.filter((e) => e.file === p.page.file),
      ),
    }));
  else failures.push(...siteErrors);
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
  const slides = existsSync(join(PROJECT, "src/slides/install-slides.ts"));
  const entries: Record<string, string> = {};
  for (const page of pages) {
    const file = join(entriesDir, `${page.kind}-${page.slug}.js`);
    writeFileSync(
      file,
      renderPageModule(page, {
        project: PROJECT,
        macros,
        dev: liveReload,
        slides: slides && !page.page.failed,
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
    plugins: [optionalModules(), singleHtl(), slimVega()],
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
        present: slides && !page.page.failed,
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

/**
 * Moves `from` to `to`, replacing it; retries when another build put its own there meanwhile,
 * and copies when `to` is on another file system (DIST=/tmp/... from a checkout elsewhere).
 * The old folder is renamed aside before the new one is renamed in, and only then removed: a
 * server reading `to` meanwhile finds a whole old site or a whole new one (missing for the
 * instant between two renames), never one half deleted.
 */
function replaceFolder(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    const aside = join(dirname(to), `.${basename(to)}-old-${process.pid}-${attempt}`);
    try {
      renameSync(to, aside);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EXDEV" || code === "EBUSY") rmSync(to, { recursive: true, force: true });
      else if (code !== "ENOENT") throw error;
    }
    try {
      renameSync(from, to);
      rmSync(aside, { recursive: true, force: true });
      return;
    } catch (error) {
      rmSync(aside, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EXDEV") {
        rmSync(to, { recursive: true, force: true });
        cpSync(from, to, { recursive: true });
        return;
      }
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

/**
 * Standard built-ins, the library's exports (src/core.ts, where cells load them from, as it is
 * on disk now), graph, plots. A library that does not bundle leaves the contract's names; the
 * page bundle says what is wrong.
 */
async function builtinNames(): Promise<Set<string>> {
  const exported = (await libraryExports(join(PROJECT, "src/core.ts"))) ?? [];
  return new Set<string>([
    ...STANDARD_BUILTINS,
    ...LIBRARY_BUILTINS,
    ...MODULE_BUILTINS,
    ...exported,
  ]);
}
