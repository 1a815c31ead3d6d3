import { parse as parseYaml } from "yaml";
import {
  type CompiledPage,
  type CompileErrorData,
  escapeHtml,
  messageHtml,
} from "../notebook/compile/index.ts";
import { slugOf } from "./paths.ts";

/**
 * A stand-in for a page that could not be compiled at all (dev only): it lists the errors,
 * and keeps the page's place among the others (its order from the front matter when that
 * much can be read, else from the file name's number), so previous and next stay right.
 */
export function errorPage(
  file: string,
  errors: readonly CompileErrorData[],
  source = "",
): CompiledPage {
  const known = readWhatWeCan(source);
  const number = /^(\d+)-/.exec(slugOf(file))?.[1];
  const order = known.order ?? (number === undefined ? Number.POSITIVE_INFINITY : Number(number));
  return {
    file,
    frontMatter: {
      title: known.title ?? slugOf(file),
      order,
      summary: `Not built: ${errors[0]?.message ?? "unknown error"}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""}`,
    },
    html: `<section class="slide" data-slide="1">\n${errorListHtml(errors)}\n</section>\n`,
    headings: [],
    cells: [],
    builtinsUsed: [],
    errors: [...errors],
    slideCount: 1,
    anchors: [],
    links: [],
    frontMatterLines: {},
    failed: true,
  };
}

/** The errors of a page, each as `file:line:col` and its message, in an alert box. */
export function errorListHtml(
  errors: readonly CompileErrorData[],
  heading = errors.length === 1
    ? "This page could not be built:"
    : `This page could not be built (${errors.length} errors):`,
): string {
  const items = errors
    .map(
      (e) =>
        `<li class="error-message"><code>${escapeHtml(`${e.file}:${e.line}:${e.column}`)}</code> ${messageHtml(e.message)}</li>`,
    )
    .join("\n");
  return `<div class="cell-error page-errors" role="alert">\n<p>${heading}</p>\n<ul>\n${items}\n</ul>\n<p>Fix the file and save: the page reloads.</p>\n</div>`;
}

/** Title and order from front matter that failed a check but may still be readable YAML. */
function readWhatWeCan(source: string): { title?: string; order?: number } {
  const yaml = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1];
  if (yaml === undefined) return {};
  try {
    const data = parseYaml(yaml) as Record<string, unknown> | null;
    return {
      title: typeof data?.title === "string" ? data.title : undefined,
      order: typeof data?.order === "number" ? data.order : undefined,
    };
  } catch {
    return {};
  }
}

/**
 * A page that compiled but breaks a site-wide rule (dev only): the errors are added to it and
 * shown at its top, above the first slide's content.
 */
export function withPageErrors(
  page: CompiledPage,
  errors: readonly CompileErrorData[],
): CompiledPage {
  if (errors.length === 0) return page;
  const banner = errorListHtml(errors, "This page has a problem the build would stop on:");
  return {
    ...page,
    html: page.html.replace(/^(<section[^>]*>\n)?/, (open) => `${open}${banner}\n`),
    errors: [...page.errors, ...errors],
  };
}
