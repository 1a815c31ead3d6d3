// The client entry: makes a built chapter page presentable. It only listens for the Present
// button, the `s` key and a `?slides` / `?presenter` / `#slide-N` URL; the deck itself (stage,
// overview, presenter view, sync) is loaded on first use, so a reader who never presents never
// downloads it.
import { actionForKey } from "./deck-keys.ts";
import { parseDeckUrl } from "./deck-url.ts";
import { keyBelongsToWidget } from "./key-target.ts";
import { ensureLiveRegion } from "./live-region.ts";
import type { SlideDeck } from "./slide-deck.ts";

const installed = new WeakMap<Document, Promise<SlideDeck>>();

/**
 * Makes the chapter in `doc` presentable as slides and opens the deck at once when the URL
 * asks for it. Returns a promise of the deck (the same one on a second call), or null for a page
 * without `article.chapter > section.slide`. The deck loads when first needed, or at once when
 * `load` is true.
 */
export function installSlides(
  doc: Document = document,
  { load = false }: { load?: boolean } = {},
): Promise<SlideDeck> | null {
  const existing = installed.get(doc);
  if (existing) return existing;
  const article = doc.querySelector<HTMLElement>("article.chapter");
  const view = doc.defaultView;
  if (!view || !article?.querySelector(":scope > section.slide")) return null;

  let resolveDeck!: (deck: SlideDeck) => void;
  let rejectDeck!: (error: unknown) => void;
  const ready = new Promise<SlideDeck>((resolve, reject) => {
    resolveDeck = resolve;
    rejectDeck = reject;
  });
  installed.set(doc, ready);
  // The deck announces slide changes here; a live region must exist before its first message
  // for screen readers to read it, so it is made now, not when the deck loads.
  ensureLiveRegion(doc);
  // Keys pressed between asking for the deck and its showing (a lecturer pressing → at once
  // while it downloads) are meant for it: they are held, then handed to it in order.
  let early: KeyboardEventInit[] | null = null;
  let loading = false;
  const open = (then?: (deck: SlideDeck) => void): void => {
    if (!loading) {
      loading = true;
      // Until the deck is made these listeners stay, so a click or key during the download
      // still counts; then the deck's own input layer takes over.
      import("./slide-deck.ts").then(
        ({ SlideDeck }) => {
          unbind();
          resolveDeck(new SlideDeck(doc, article));
        },
        (error: unknown) => {
          console.error("The slide deck could not be loaded:", error);
          early = null; // the reading page gets its keys back
          rejectDeck(error);
        },
      );
    }
    if (then) void ready.then(then);
  };

  const enter = (how: (deck: SlideDeck) => void): void => {
    early ??= [];
    open((deck) => {
      how(deck);
      const held = early ?? [];
      early = null;
      const target = doc.activeElement ?? doc.body;
      for (const init of held) {
        target.dispatchEvent(
          new view.KeyboardEvent("keydown", { ...init, bubbles: true, cancelable: true }),
        );
      }
    });
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (keyBelongsToWidget(event)) return;
    if (early) {
      if (actionForKey(event) === null) return;
      event.preventDefault();
      const { key, code, shiftKey, ctrlKey, altKey, metaKey, repeat } = event;
      early.push({ key, code, shiftKey, ctrlKey, altKey, metaKey, repeat });
      return;
    }
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (plain && event.key.toLowerCase() === "s") {
      event.preventDefault();
      enter((deck) => deck.presentFromHere());
    }
  };
  const onClick = (event: MouseEvent): void => {
    if (event.target instanceof Element && event.target.closest("[data-action='present']")) {
      event.preventDefault();
      enter((deck) => deck.presentFromHere());
    }
  };
  // A pointer on its way to the Present button: start fetching, so the click opens at once.
  const onPointerOver = (event: PointerEvent): void => {
    if (event.target instanceof Element && event.target.closest("[data-action='present']")) open();
  };
  const onHashChange = (): void => {
    const location = parseDeckUrl(doc.location.href);
    if (location.slide !== null) enter((deck) => deck.openFromHash(location.slide ?? 0));
  };
  doc.addEventListener("keydown", onKeyDown);
  doc.addEventListener("click", onClick, true);
  doc.addEventListener("pointerover", onPointerOver);
  view.addEventListener("hashchange", onHashChange);
  function unbind(): void {
    doc.removeEventListener("keydown", onKeyDown);
    doc.removeEventListener("click", onClick, true);
    doc.removeEventListener("pointerover", onPointerOver);
    view?.removeEventListener("hashchange", onHashChange);
  }

  const location = parseDeckUrl(doc.location.href);
  if (location.mode !== "read") {
    const mode = location.mode;
    enter((deck) => deck.enter(mode, location.slide ?? 0));
  } else if (load) {
    open();
  }
  return ready;
}
