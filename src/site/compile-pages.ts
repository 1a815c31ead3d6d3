import {
  CompileError,
  type CompileErrorData,
  CompileErrors,
  type CompileOptions,
  compilePage,
  formatCompileError,
} from "../notebook/compile/index.ts";
import { checkFileName } from "./check-file-name.ts";
import { checkSite } from "./check-site.ts";
import type { PageSource } from "./discover-pages.ts";
import { errorPage, withPageErrors } from "./error-page.ts";
import { pagePath, slugOf } from "./paths.ts";
import type { SitePage } from "./render-pages.ts";

/**
 * Compiles every page and checks them together (links between pages), in reading order:
 * chapters, then labs, each by `order`. In dev a page that fails still appears, showing what
 * is wrong, so the author sees it on reload; otherwise any error fails the whole build with
 * every error's file:line:col.
 */
export function compilePages(
  sources: readonly PageSource[],
  options: Omit<CompileOptions, "links">,
): SitePage[] {
  const compileOptions: CompileOptions = {
    ...options,
    // Links to another page's .md file become links to its built page.
    links: {
      pages: new Map(sources.map((s) => [s.file, pagePath(s.kind, slugOf(s.file)).dir])),
      root: "../../",
    },
  };
  const pages: SitePage[] = [];
  const failures: CompileErrorData[] = [];
  for (const { kind, file, source } of sources) {
    const at = { kind, slug: slugOf(file), path: pagePath(kind, slugOf(file)) };
    try {
      checkFileName(file);
      const page = compilePage(source, file, compileOptions);
      for (const warning of page.warnings ?? [])
        console.warn(`warning: ${formatCompileError(warning)}`);
      pages.push({ ...at, page });
    } catch (error) {
      const errors = compileErrorsOf(error);
      if (options.dev) pages.push({ ...at, page: errorPage(file, errors, source) });
      else failures.push(...errors);
    }
  }
  const siteErrors = checkSite(pages);
  if (!options.dev) failures.push(...siteErrors);
  if (failures.length) throw new CompileErrors(failures);
  const checked = options.dev
    ? pages.map((p) => ({
        ...p,
        page: withPageErrors(
          p.page,
          siteErrors.filter((e) => e.file === p.page.file),
        ),
      }))
    : pages;
  return checked.sort(readingOrder);
}

/** The errors a compile failure carries; anything else is a bug and goes on up. */
function compileErrorsOf(error: unknown): CompileErrorData[] {
  if (error instanceof CompileErrors) return error.errors;
  if (error instanceof CompileError) return [error];
  throw error;
}

function readingOrder(a: SitePage, b: SitePage): number {
  if (a.kind !== b.kind) return a.kind === "chapter" ? -1 : 1;
  return a.page.frontMatter.order - b.page.frontMatter.order || a.slug.localeCompare(b.slug);
}
