// Behaviour every page has, with or without cells: the dark-mode toggle (the saved choice is
// applied by a tiny inline script in <head> before first paint; this wires the button), the
// table of contents marking the section being read, and scrolling boxes a keyboard can reach.
import { setUpWork } from "./progress.ts";
import { followScrollRegions } from "./scroll-regions.ts";
import { setUpSearch } from "./search-box.ts";
import { fitWideBlocks } from "./wide-blocks.ts";

const KEY = "theme";

/** The theme in force: the saved choice, else the system's. */
export function currentTheme(): "light" | "dark" {
  const saved = document.documentElement.dataset.theme;
  if (saved === "light" || saved === "dark") return saved;
  return systemTheme();
}

/** The system's theme (what the page follows when no choice is saved). */
function systemTheme(): "light" | "dark" {
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/**
 * Switches between light and dark and remembers the choice across reloads. Switching back to
 * the system's theme forgets the choice, so the page follows the system again.
 */
export function toggleTheme(): void {
  const next = currentTheme() === "dark" ? "light" : "dark";
  const root = document.documentElement;
  const follow = next === systemTheme();
  if (follow) delete root.dataset.theme;
  else root.dataset.theme = next;
  try {
    if (follow) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, next);
  } catch {
    // Private modes may refuse storage; the toggle still works for this page.
  }
  updateButtons();
}

/** Paper is light whatever the screen shows: print in the light theme, then put it back. */
function printInLight(): void {
  const root = document.documentElement;
  let before: string | undefined;
  let printing = false;
  addEventListener("beforeprint", () => {
    printing = true;
    before = root.dataset.theme;
    root.dataset.theme = "light";
  });
  addEventListener("afterprint", () => {
    if (!printing) return;
    printing = false;
    if (before === undefined) delete root.dataset.theme;
    else root.dataset.theme = before;
  });
}

function updateButtons(): void {
  const dark = currentTheme() === "dark";
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-action=theme]")) {
    button.setAttribute("aria-pressed", String(dark));
    button.title = dark ? "Switch to light mode" : "Switch to dark mode";
  }
}

/** Wires the page's controls. */
export function setUpPage(): void {
  for (const button of document.querySelectorAll("[data-action=theme]"))
    button.addEventListener("click", toggleTheme);
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", updateButtons);
  updateButtons();
  printInLight();
  setUpWork();
  setUpSearch();
  followSections();
  followScrollRegions();
  fitWideBlocks();
}

/** Marks the sidebar link of the section at the top of the window with `aria-current`. */
function followSections(): void {
  const links = new Map<string, HTMLAnchorElement>();
  for (const a of document.querySelectorAll<HTMLAnchorElement>(".toc a[href^='#']"))
    links.set(decodeURIComponent(a.hash.slice(1)), a);
  const headings = [...links.keys()]
    .map((id) => document.getElementById(id))
    .filter((h): h is HTMLElement => h !== null);
  if (headings.length === 0) return;
  let current: HTMLAnchorElement | undefined;
  const update = (): void => {
    // The last heading that has scrolled above the upper fifth of the window.
    const line = innerHeight * 0.2;
    const above = headings.filter((h) => h.getBoundingClientRect().top <= line);
    const next = links.get((above.at(-1) ?? headings[0]).id);
    if (next === current) return;
    current?.removeAttribute("aria-current");
    next?.setAttribute("aria-current", "location");
    current = next;
  };
  // A jump (link, search, reload mid-page) crosses no intersection threshold, so follow scrolling
  // itself, at most once per frame.
  let queued = false;
  addEventListener(
    "scroll",
    () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        update();
      });
    },
    { passive: true },
  );
  update();
}
