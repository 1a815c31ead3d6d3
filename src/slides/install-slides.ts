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

  const loader = new DeckLoader(doc, view, article);
  installed.set(doc, loader.ready);
  // The deck announces slide changes here; a live region must exist before its first message
  // for screen readers to read it, so it is made now, not when the deck loads.
  ensureLiveRegion(doc);
  loader.bind();
  const location = parseDeckUrl(doc.location.href);
  if (location.mode !== "read") {
    const mode = location.mode;
    loader.enter((deck) => deck.enter(mode, location.slide ?? 0));
  } else if (load) {
    loader.open();
  }
  return loader.ready;
}

/**
 * The page's listeners before the deck exists (Present, `s`, a `#slide-N` hash, a pointer on
 * its way to Present), and the deck's download. They stay until the deck is made, so a click or
 * key during the download still counts; then the deck's own input layer takes over.
 */
class DeckLoader {
  readonly ready: Promise<SlideDeck>;
  private resolveDeck!: (deck: SlideDeck) => void;
  private rejectDeck!: (error: unknown) => void;
  /**
   * Keys pressed between asking for the deck and its showing (a lecturer pressing → at once
   * while it downloads) are meant for it: they are held, then handed to it in order.
   */
  private early: KeyboardEventInit[] | null = null;
  private loading = false;

  constructor(
    private readonly doc: Document,
    private readonly view: Window & typeof globalThis,
    private readonly article: HTMLElement,
  ) {
    this.ready = new Promise<SlideDeck>((resolve, reject) => {
      this.resolveDeck = resolve;
      this.rejectDeck = reject;
    });
  }

  /** Starts the download (once), and runs `then` on the deck when it is there. */
  open(then?: (deck: SlideDeck) => void): void {
    if (!this.loading) {
      this.loading = true;
      import("./slide-deck.ts").then(
        ({ SlideDeck }) => {
          this.unbind();
          this.resolveDeck(new SlideDeck(this.doc, this.article));
        },
        (error: unknown) => {
          console.error("The slide deck could not be loaded:", error);
          this.early = null; // the reading page gets its keys back
          this.rejectDeck(error);
        },
      );
    }
    if (then) void this.ready.then(then);
  }

  /** Opens the deck and does `how` with it, then hands it the keys held meanwhile. */
  enter(how: (deck: SlideDeck) => void): void {
    this.early ??= [];
    this.open((deck) => {
      how(deck);
      const held = this.early ?? [];
      this.early = null;
      const target = this.doc.activeElement ?? this.doc.body;
      for (const init of held) {
        target.dispatchEvent(
          new this.view.KeyboardEvent("keydown", { ...init, bubbles: true, cancelable: true }),
        );
      }
    });
  }

  bind(): void {
    this.doc.addEventListener("keydown", this.onKeyDown);
    this.doc.addEventListener("click", this.onClick, true);
    this.doc.addEventListener("pointerover", this.onPointerOver);
    this.view.addEventListener("hashchange", this.onHashChange);
  }

  private unbind(): void {
    this.doc.removeEventListener("keydown", this.onKeyDown);
    this.doc.removeEventListener("click", this.onClick, true);
    this.doc.removeEventListener("pointerover", this.onPointerOver);
    this.view.removeEventListener("hashchange", this.onHashChange);
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (keyBelongsToWidget(event)) return;
    if (this.early) {
      if (actionForKey(event) === null) return;
      event.preventDefault();
      const { key, code, shiftKey, ctrlKey, altKey, metaKey, repeat } = event;
      this.early.push({ key, code, shiftKey, ctrlKey, altKey, metaKey, repeat });
      return;
    }
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (plain && event.key.toLowerCase() === "s") {
      event.preventDefault();
      this.enter((deck) => deck.presentFromHere());
    }
  };

  private readonly onClick = (event: MouseEvent): void => {
    if (event.target instanceof Element && event.target.closest("[data-action='present']")) {
      event.preventDefault();
      this.enter((deck) => deck.presentFromHere());
    }
  };

  /** A pointer on its way to the Present button: start fetching, so the click opens at once. */
  private readonly onPointerOver = (event: PointerEvent): void => {
    if (event.target instanceof Element && event.target.closest("[data-action='present']"))
      this.open();
  };

  private readonly onHashChange = (): void => {
    const location = parseDeckUrl(this.doc.location.href);
    if (location.slide !== null) this.enter((deck) => deck.openFromHash(location.slide ?? 0));
  };
}
