// The client entry: turns a built chapter page into a deck that waits for the Present button,
// the `s` key or a `?slides` / `?presenter` / `#slide-N` URL.
import { parseDeckUrl } from "./deck-url.ts";
import { SlideDeck } from "./slide-deck.ts";

const installed = new WeakMap<Document, SlideDeck>();

/**
 * Makes the chapter in `doc` presentable as slides and opens the deck at once when the URL
 * asks for it. Returns the deck (the same one on a second call), or null for a page without
 * `article.chapter > section.slide`.
 */
export function installSlides(doc: Document = document): SlideDeck | null {
  const existing = installed.get(doc);
  if (existing) return existing;
  const article = doc.querySelector<HTMLElement>("article.chapter");
  if (!article?.querySelector(":scope > section.slide")) return null;
  const deck = new SlideDeck(doc, article);
  installed.set(doc, deck);
  const location = parseDeckUrl(doc.location.href);
  if (location.mode !== "read") deck.enter(location.mode, location.slide ?? 0);
  return deck;
}
