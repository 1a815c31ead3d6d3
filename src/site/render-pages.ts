import { type CompiledPage, escapeHtml, messageHtml } from "../notebook/compile/index.ts";
import type { PagePath } from "./paths.ts";
import { renderToc } from "./render-toc.ts";

/** A compiled page with where it lives: the unit the index and the pager work with. */
export interface SitePage {
  kind: "chapter" | "lab";
  slug: string;
  path: PagePath;
  page: CompiledPage;
}

/** The chapter's header and article, followed by previous/next links. */
export function renderChapterMain(
  current: SitePage,
  previous: SitePage | undefined,
  next: SitePage | undefined,
): string {
  const { frontMatter } = current.page;
  const eyebrow = `${current.kind === "chapter" ? chapterLabel(current) : "Lab"}${current.page.failed ? " · not built" : ""}`;
  const link = (page: SitePage | undefined, rel: "prev" | "next"): string => {
    if (!page) return `<span class="pager-${rel}"></span>`;
    const arrow = rel === "prev" ? "← Previous" : "Next →";
    return `<a class="pager-${rel}" rel="${rel}" href="${current.path.root}${page.path.dir}"><span class="pager-label">${arrow}</span><span class="pager-title">${escapeHtml(page.page.frontMatter.title)}</span></a>`;
  };
  return `<header class="chapter-header">
<p class="eyebrow"><a href="${current.path.root || "./"}">Contents</a> · ${eyebrow}</p>
<h1>${escapeHtml(frontMatter.title)}</h1>
<p class="summary">${messageHtml(frontMatter.summary)}</p>
${renderWorkBar(current)}
</header>
${renderToc(current.page.headings, true)}
<article class="chapter"${durationAttribute(frontMatter.duration)}${typeof frontMatter.aspect === "string" ? ` data-aspect="${escapeHtml(frontMatter.aspect)}"` : ""}>
${current.page.html}</article>
<nav class="pager" aria-label="Previous and next">${link(previous, "prev")}${link(next, "next")}</nav>`;
}

/**
 * The page's exercises (each linked, marked when done by the client from the reader's saved
 * work) and the buttons for that work: Export my work, Import, Reset all. Pages without cells
 * have nothing to save and show none of it.
 */
function renderWorkBar(page: SitePage): string {
  if (!page.page.cells.length) return "";
  const exercises = page.page.exercises ?? [];
  const list = exercises.length
    ? `<details class="exercise-list"><summary>Exercises: <span class="progress-count">0</span> of ${exercises.length} done</summary><ol>${exercises
        .map(
          (e) =>
            `<li data-exercise-id="${escapeHtml(e.id)}"><a href="#exercise-${escapeHtml(e.id)}">${e.kind === "predict" ? "Predict: " : ""}${escapeHtml(e.title)}</a> <span class="progress-mark"></span></li>`,
        )
        .join("")}</ol></details>`
    : "";
  return `<div class="work-bar" data-page-key="${escapeHtml(page.path.dir)}">${list}<span class="work-actions"><button type="button" data-work="export" title="Download everything you typed on this site as one file">Export my work</button><button type="button" data-work="import" title="Restore work from an exported file">Import</button><button type="button" data-work="reset" title="Forget your edits and answers on this page">Reset all</button></span></div>`;
}

/** The chapter's number, or a dash when a page that could not be built does not say it. */
function numberOf(page: SitePage): string {
  const { order } = page.page.frontMatter;
  return Number.isFinite(order) ? String(order) : "–";
}

function chapterLabel(page: SitePage): string {
  return Number.isFinite(page.page.frontMatter.order)
    ? `Chapter ${page.page.frontMatter.order}`
    : "Chapter";
}

/** The index page: chapters then labs, each with its summary. */
export function renderIndexMain(siteTitle: string, pages: readonly SitePage[]): string {
  const list = (kind: SitePage["kind"]): string =>
    pages
      .filter((p) => p.kind === kind)
      .map(
        (p) =>
          `<li${p.page.failed ? ' class="entry-failed"' : ""}${progressData(p)}><a href="${p.path.dir}"><span class="entry-number">${kind === "chapter" ? numberOf(p) : "Lab"}</span><span class="entry-title">${escapeHtml(p.page.frontMatter.title)}</span></a><p>${messageHtml(p.page.frontMatter.summary)}</p></li>`,
      )
      .join("\n");
  return `<header class="chapter-header">
<h1>${escapeHtml(siteTitle)}</h1>
<p class="summary">Neural networks and backpropagation, one chapter at a time: read the prose, move the sliders, step through the chain rule, and project any chapter as slides.</p>
</header>
<section class="contents" aria-labelledby="chapters-title">
<h2 id="chapters-title">Chapters</h2>
<ol class="entries">
${list("chapter")}
</ol>
</section>
<section class="contents" aria-labelledby="labs-title">
<h2 id="labs-title">Labs</h2>
<ul class="entries">
${list("lab")}
</ul>
</section>
<div class="work-bar" data-page-key=""><span class="work-actions"><button type="button" data-work="export" title="Download everything you typed on this site as one file">Export my work</button><button type="button" data-work="import" title="Restore work from an exported file">Import</button></span></div>`;
}

/** The ids of a page's exercises, for the index to count the reader's progress. */
function progressData(page: SitePage): string {
  const ids = (page.page.exercises ?? []).map((e) => e.id);
  return ids.length
    ? ` data-page-key="${escapeHtml(page.path.dir)}" data-exercise-ids="${escapeHtml(ids.join(" "))}"`
    : "";
}

/** `data-duration` for the deck's presenter pacing, when front matter gives the minutes. */
function durationAttribute(duration: unknown): string {
  return typeof duration === "number" && duration > 0 ? ` data-duration="${duration}"` : "";
}
