// Formulas and tables wider than the screen (a long display equation on a phone). One that a
// little smaller would fit (down to MIN_FIT) is set that much smaller; a wider one is set at
// MIN_FIT and scrolls sideways, with a visible "scroll for more" under it, and its box is a
// focusable region named as scrolling, so a screen reader says so and the keyboard can scroll
// it. Each block is measured when it comes near the window (sections far down skip layout
// until then, prose.css) and again when the window's width changes.

/** The smallest size a formula or table is set at before it scrolls instead. */
export const MIN_FIT = 0.8;

const BLOCKS = ".chapter .math-display, .chapter table";

/** How a block of `natural` px fits into `room` px: its scale, and whether it still scrolls. */
export function fitOf(natural: number, room: number): { scale: number; scrolls: boolean } {
  if (natural <= room + 1 || room <= 0) return { scale: 1, scrolls: false };
  const scale = room / natural;
  return scale >= MIN_FIT
    ? { scale: Math.floor(scale * 1000) / 1000, scrolls: false }
    : { scale: MIN_FIT, scrolls: true };
}

function fitBlock(el: HTMLElement): void {
  if (el.closest(".deck-mode, .slide.is-current")) return; // a slide fits its own content
  el.style.removeProperty("--fit");
  const { scale, scrolls } = fitOf(el.scrollWidth, el.clientWidth);
  if (scale < 1) el.style.setProperty("--fit", String(scale));
  const hint = el.nextElementSibling?.classList.contains("scroll-hint")
    ? el.nextElementSibling
    : null;
  el.classList.toggle("scrolls", scrolls);
  if (!scrolls) {
    hint?.remove();
    if (el.dataset.scrollRegion) {
      for (const a of ["tabindex", "role", "aria-label", "data-scroll-region"])
        el.removeAttribute(a);
    }
    return;
  }
  const what = el.tagName === "TABLE" ? "Table" : "Formula";
  el.dataset.scrollRegion = "";
  el.tabIndex = 0;
  el.setAttribute("role", "region");
  el.setAttribute("aria-label", `${what}, wider than the screen: scroll sideways for more`);
  if (!hint) {
    const p = el.ownerDocument.createElement("p");
    p.className = "scroll-hint";
    p.setAttribute("aria-hidden", "true"); // the region's name already says it
    p.textContent = "scroll for more →";
    el.after(p);
  }
}

let watch: ((el: HTMLElement) => void) | null = null;

/** Fits every formula and table of the page as it comes near the window. */
export function fitWideBlocks(doc: Document = document): void {
  const win = doc.defaultView;
  if (!win?.IntersectionObserver) return;
  const seen = new Set<HTMLElement>();
  const observer = new win.IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const el = entry.target as HTMLElement;
        observer.unobserve(el);
        if (!el.isConnected) continue;
        seen.add(el);
        fitBlock(el);
      }
    },
    { rootMargin: "50% 0px" },
  );
  watch = (el) => observer.observe(el);
  for (const el of doc.querySelectorAll<HTMLElement>(BLOCKS)) watch(el);
  let width = win.innerWidth;
  let frame = 0;
  win.addEventListener("resize", () => {
    if (win.innerWidth === width || frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      width = win.innerWidth;
      for (const el of seen) {
        if (el.isConnected) fitBlock(el);
        else seen.delete(el);
      }
    });
  });
}

/** Fits the tables a cell has just shown (`output`), as they come near the window. */
export function fitCellTables(output: unknown): void {
  if (!watch || typeof Element === "undefined" || !(output instanceof Element)) return;
  if (output.tagName === "TABLE") watch(output as HTMLElement);
  for (const table of output.querySelectorAll<HTMLElement>("table")) watch(table);
}
