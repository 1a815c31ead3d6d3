// What entering the deck does to the page, and undoes on leaving: body classes, the deck's
// chrome (and the presenter panels), the page around the slides made inert, the pointer hidden
// when it rests, and the slides made focusable.
import { insertCoverSlide } from "./cover-slide.ts";
import type { DeckAspect } from "./deck-aspect.ts";
import { createDeckChrome, type DeckChrome } from "./deck-chrome.ts";
import { hideIdleCursor } from "./idle-cursor.ts";
import { inertOutside } from "./inert-outside.ts";
import { PresenterView } from "./presenter-view.ts";

/** Elements of our own that stay live while the rest of the page is inert. */
const DECK_UI = ".deck-chrome, .deck-live, .presenter";

/** The furniture added for one visit to deck mode. */
export interface DeckDressing {
  readonly chrome: DeckChrome;
  /** The presenter panels, in the presenter window only. */
  readonly presenter: PresenterView | null;
  /** Takes everything off again. */
  undress(): void;
}

/**
 * Dresses the page for `mode`. `slides` are the article's slide sections; a cover slide made
 * from the chapter header is put in front of them (in the array too) until undress.
 */
export function dressPage(
  doc: Document,
  article: HTMLElement,
  slides: HTMLElement[],
  mode: "slides" | "presenter",
  { timerKey = null, aspect }: { timerKey?: string | null; aspect?: DeckAspect } = {},
): DeckDressing {
  const cover = insertCoverSlide(doc, article);
  if (cover) slides.unshift(cover);
  const view = doc.defaultView ?? window;
  const body = doc.body;
  body.classList.add("deck-mode");
  body.classList.toggle("presenter-mode", mode === "presenter");
  // The presenter's frames take the deck's shape (styles/slides/presenter.css).
  if (aspect) body.style.setProperty("--deck-aspect", aspect.name.replace(":", " / "));
  // Printing picks the page of the deck's shape (styles/slides/print.css): @page sizes take no
  // custom properties, so the shape is an attribute the print rules can select on.
  if (aspect) body.dataset.deckAspect = aspect.name;
  const chrome = createDeckChrome(doc);
  const presenter = mode === "presenter" ? new PresenterView(doc, undefined, timerKey) : null;
  const restoreInert = inertOutside(doc, article, DECK_UI);
  const showCursor = hideIdleCursor(doc, view);
  const madeFocusable: HTMLElement[] = [];
  slides.forEach((section, i) => {
    // The overview labels tiles with their place in the deck, the number "12 Enter" goes to.
    section.dataset.deckNumber = String(i + 1);
  });
  for (const section of slides) {
    if (!section.hasAttribute("tabindex")) madeFocusable.push(section);
    section.tabIndex = -1;
  }
  return {
    chrome,
    presenter,
    undress() {
      body.classList.remove("deck-mode", "presenter-mode");
      body.style.removeProperty("--deck-aspect");
      delete body.dataset.deckAspect;
      chrome.root.remove();
      presenter?.destroy();
      restoreInert();
      showCursor();
      for (const section of slides) {
        section.classList.remove("is-current", "is-next", "is-tile", "is-selected");
        section.removeAttribute("inert");
        delete section.dataset.deckNumber;
      }
      for (const section of madeFocusable) section.removeAttribute("tabindex");
      if (cover) {
        cover.remove();
        slides.splice(slides.indexOf(cover), 1);
      }
    },
  };
}
