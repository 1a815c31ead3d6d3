// Loads KaTeX for a graph view just before its first equation is needed.
import { loadKatex } from "../tex/katex-loader.ts";

/**
 * Fetches KaTeX once the view is on screen, or a pointer or the focus reaches it — well before
 * the first step needs an equation — and then calls `ready`. A graph far down a page costs its
 * reader nothing until they get there.
 */
export function warmTypesetter(root: HTMLElement, ready: () => void): void {
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    observer?.disconnect();
    loadKatex().then(ready, () => {}); // a failure shows in the panel, step by step
  };
  for (const type of ["pointerenter", "focusin", "touchstart"]) {
    root.addEventListener(type, start, { once: true, passive: true });
  }
  const Observer = root.ownerDocument.defaultView?.IntersectionObserver;
  const observer = Observer
    ? new Observer((entries) => {
        if (entries.some((e) => e.isIntersecting)) start();
      })
    : null;
  observer?.observe(root);
}
