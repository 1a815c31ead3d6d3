// The window events a deck answers besides keys and pointer: the page going away, and printing
// (every slide prints at the fit it has on screen, styles/slides/print.css).

/** What the deck does when the page hides or prints. */
export interface PageEventHandlers {
  /** The page is going away (closed, reloaded or left). */
  hide(): void;
  beforePrint(): void;
  afterPrint(): void;
}

/** Listens for the page hiding and printing on `view`; returns a stop function. */
export function bindPageEvents(view: Window, handlers: PageEventHandlers): () => void {
  const onPageHide = () => handlers.hide();
  const onBeforePrint = () => handlers.beforePrint();
  const onAfterPrint = () => handlers.afterPrint();
  view.addEventListener("pagehide", onPageHide);
  view.addEventListener("beforeprint", onBeforePrint);
  view.addEventListener("afterprint", onAfterPrint);
  return () => {
    view.removeEventListener("pagehide", onPageHide);
    view.removeEventListener("beforeprint", onBeforePrint);
    view.removeEventListener("afterprint", onAfterPrint);
  };
}
