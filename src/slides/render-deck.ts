// Shows the deck's position: which section is current (and, in the presenter window, next),
// the progress bar and slide number, and the presenter's titles and notes.
import type { DeckChrome } from "./deck-chrome.ts";
import type { PresenterView } from "./presenter-view.ts";
import { slideTitle } from "./slide-title.ts";

/** What one render shows. */
export interface DeckView {
  readonly slides: readonly HTMLElement[];
  /** The 0-based current slide. */
  readonly slide: number;
  readonly count: number;
  readonly presenterMode: boolean;
  readonly chrome: DeckChrome | null;
  readonly presenter: PresenterView | null;
}

/** Marks the current (and next) slide and fills the chrome; returns the current slide's title. */
export function renderDeck({
  slides,
  slide,
  count,
  presenterMode,
  chrome,
  presenter,
}: DeckView): string {
  const next = presenterMode ? slide + 1 : -1;
  slides.forEach((section, i) => {
    section.classList.toggle("is-current", i === slide);
    section.classList.toggle("is-next", i === next);
    // The preview of the next slide is a picture, not a second set of controls.
    section.toggleAttribute("inert", i === next);
  });
  if (chrome) {
    chrome.progressBar.style.width = `${((slide + 1) / count) * 100}%`;
    chrome.counter.textContent = `${slide + 1} / ${count}`;
  }
  const title = slides[slide] ? slideTitle(slides[slide], slide) : "";
  presenter?.update({
    slide,
    count,
    title,
    nextTitle: slides[slide + 1] ? slideTitle(slides[slide + 1], slide + 1) : null,
    notes: Array.from(slides[slide]?.querySelectorAll("aside.notes") ?? []),
  });
  return title;
}
