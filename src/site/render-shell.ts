import { escapeHtml } from "../notebook/compile/index.ts";

/** The assets a page links to, as paths relative to the site root. */
export interface PageAssets {
  css: string[];
  /** The page's module, if it has one. */
  script?: string;
  /** Chunks the page's module imports statically (preloaded to save a round trip). */
  preload: string[];
}

/** Everything around a page's main content. */
export interface ShellOptions {
  title: string;
  description: string;
  siteTitle: string;
  /** Relative path from the page to the site root ("../../" or ""). */
  root: string;
  assets: PageAssets;
  /** HTML of `<main>`'s content. */
  main: string;
  /** HTML of the table of contents `<nav>`, if any. */
  toc?: string;
  /** Show the "Present" button (chapter pages, when the slides code is built in). */
  present: boolean;
  /** Extra class on <body>, e.g. "page-chapter". */
  bodyClass: string;
}

// Runs before first paint so a saved dark-mode choice never flashes the light theme.
const THEME_SCRIPT = `<script>try{var t=localStorage.getItem("theme");if(t==="dark"||t==="light")document.documentElement.dataset.theme=t}catch(e){}</script>`;

// Opened from disk (file://), browsers refuse to load the page's modules, so no cell would run
// and nothing would say why. Say it, and how to serve the folder instead.
const FILE_NOTICE = `<script>if(location.protocol==="file:"){var n=document.createElement("p");n.className="file-notice";n.setAttribute("role","alert");n.innerHTML="This page was opened as a file, so the browser will not run its live cells (it refuses to load scripts from disk). Serve the folder instead, for example with <code>python3 -m http.server -d dist</code> or <code>npx http-server dist</code>, then open the address it prints.";document.getElementById("content").prepend(n)}</script>`;

const SUN_MOON = `<svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path fill="currentColor" d="M12 3a9 9 0 1 0 9 9 7 7 0 0 1-9-9z"/></svg>`;

/** The full HTML document of a page. */
export function renderShell(options: ShellOptions): string {
  const { root, assets } = options;
  const css = assets.css.map((href) => `<link rel="stylesheet" href="${root}${href}">`).join("\n");
  const preload = assets.preload
    .map((href) => `<link rel="modulepreload" href="${root}${href}">`)
    .join("\n");
  const script = assets.script
    ? `<script type="module" src="${root}${assets.script}"></script>`
    : "";
  const present = options.present
    ? `<button type="button" class="header-button" data-action="present" title="Present as slides (s)">Present</button>`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<meta name="description" content="${escapeHtml(options.description)}">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='7' fill='%230072B2'/%3E%3C/svg%3E">
${THEME_SCRIPT}
${css}
${preload}
${script}
</head>
<body class="${options.bodyClass}">
<a class="skip-link" href="#content">Skip to content</a>
<header class="site-header">
<a class="site-title" href="${root || "./"}">${escapeHtml(options.siteTitle)}</a>
<form class="site-search" role="search" data-root="${root}" action="javascript:void 0"><input type="search" name="q" aria-label="Search the chapters and labs" placeholder="Search ( / )" autocomplete="off" spellcheck="false"><div class="search-results" hidden></div></form>
<span class="header-actions">${present}<button type="button" class="header-button" data-action="theme" aria-label="Dark mode" aria-pressed="false">${SUN_MOON}</button></span>
</header>
<div class="layout${options.toc ? " has-toc" : ""}">
${options.toc ?? ""}
<main id="content" tabindex="-1">
${options.main}
</main>
</div>
<footer class="site-footer"><p>Built from Markdown in <code>content/</code> and <code>notebooks/</code>. Works offline.</p></footer>
${assets.script ? FILE_NOTICE : ""}
</body>
</html>
`;
}
