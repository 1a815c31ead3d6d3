import { cpSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import {
  CompileError,
  type CompileErrorData,
  CompileErrors,
  JAVASCRIPT_GLOBALS,
  LIBRARY_BUILTINS,
  MODULE_BUILTINS,
  parseMacros,
  STANDARD_BUILTINS,
} from "../notebook/compile/index.ts";
import { buildSearchIndex } from "./build-search-index.ts";
import { bundleSite } from "./bundle-site.ts";
import { compilePages } from "./compile-pages.ts";
import { discoverPages } from "./discover-pages.ts";
import { libraryExports } from "./library-exports.ts";
import { PROJECT } from "./project.ts";
import type { SitePage } from "./render-pages.ts";
import { renderSite } from "./render-site.ts";
import { diskFiles, type SiteFiles } from "./site-files.ts";
import { writeSite } from "./write-site.ts";

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

/**
 * Builds the static site: discover the Markdown pages → compile each → bundle one module per
 * page with esbuild → write HTML and assets. The stages meet the disk only through `files`.
 */
export async function buildSite(options: SiteOptions = {}): Promise<SiteResult> {
  const started = performance.now();
  const files = diskFiles;
  const root = resolve(options.root ?? PROJECT);
  const finalDir = resolve(root, options.outDir ?? "dist");
  const cacheDir = resolve(root, options.cacheDir ?? ".build-cache");
  // Each build works in a folder of its own (two builds may run at once in one checkout) and
  // moves the site into place at the end, so a served site never shows half a build.
  const workDir = join(cacheDir, `build-${process.pid}-${++buildCount}`);
  const siteDir = join(workDir, "site");
  const dev = options.dev ?? false;
  const siteTitle = options.siteTitle ?? "Backprop notebook";
  const macrosFile = resolve(root, options.macrosFile ?? "content/macros.tex");
  const macros = readMacros(files, macrosFile, relative(root, macrosFile));
  const builtins = await builtinNames();
  const slides = files.exists(join(PROJECT, "src/slides/install-slides.ts"));

  const sources = discoverPages(files, root, {
    contentDir: options.contentDir ?? "content",
    labsDir: options.labsDir ?? "notebooks",
  });
  const pages = compilePages(sources, { macros, builtins, globals: JAVASCRIPT_GLOBALS, dev });
  const liveReload = options.liveReload ?? dev;
  const bundle = await bundleSite(pages, files, { siteDir, macros, dev, liveReload, slides });
  // Kept for anyone asking why a page is heavy (esbuild's analyzer reads this file).
  files.write(join(cacheDir, "meta.json"), JSON.stringify(bundle.metafile));
  const rendered = renderSite(pages, bundle, { siteTitle, slides, builtins });
  try {
    writeSite(files, siteDir, bundle, rendered);
    files.write(
      join(siteDir, "assets/search-index.json"),
      buildSearchIndex(pages.map((p) => ({ page: p.page, dir: p.path.dir }))),
    );
    replaceFolder(siteDir, finalDir);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return {
    pages,
    errors: pages.flatMap((p) => p.page.errors),
    scripts: rendered.scripts,
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
function readMacros(files: SiteFiles, path: string, file: string): Record<string, string> {
  if (!files.exists(path)) return {};
  try {
    return parseMacros(files.read(path), file);
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
