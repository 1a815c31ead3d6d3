// Everything that can move the deck from outside: keys, clicks (the Present button, the deck's
// own buttons, overview tiles), the URL hash, window resizes and swipes. Each is turned into a
// call on the deck; the deck itself never touches an event.
import { actionForKey, type DeckAction } from "./deck-keys.ts";
import { isSlideKey, routeKey } from "./key-route.ts";
import { focusKind, keyBelongsToWidget } from "./key-target.ts";
import { bindSwipe } from "./swipe-binding.ts";

/** What the input layer asks of the deck. */
export interface DeckInputTarget {
  /** True while slides (or the presenter view) show. */
  readonly inDeck: boolean;
  /** Enters the deck at the slide in view (Present button, `s`). */
  presentFromHere(): void;
  /** Does what a key or button asked; `key` tells ↑/↓ apart from ←/→ in the overview. */
  perform(action: DeckAction, key?: string): void;
  /** Overview click on a tile: opens that slide; false when the overview is closed. */
  pickTile(section: HTMLElement): boolean;
  /** The URL's `#slide-N` changed (0-based slide). */
  openFromHash(slide: number): void;
  /** The window or the content changed size. */
  scheduleLayout(): void;
}

/** The deck's own buttons: their `data-deck` names an action. */
const BUTTON_ACTIONS = new Set(["next", "prev", "overview", "help", "presenter", "escape"]);

/** Listens on `doc` and its window; returns a function that removes every listener. */
export function bindDeckInput(doc: Document, view: Window, deck: DeckInputTarget): () => void {
  const onKeyDownFirst = (event: KeyboardEvent) => takeRemoteKey(deck, event);
  const onKeyDown = (event: KeyboardEvent) => handleKey(deck, event);
  const onClick = (event: MouseEvent) => handleClick(deck, event);
  const onHashChange = () => {
    const match = /^#slide-([1-9][0-9]*)$/.exec(doc.location.hash);
    if (match) deck.openFromHash(Number.parseInt(match[1] ?? "1", 10) - 1);
  };
  const onResize = () => deck.scheduleLayout();

  doc.addEventListener("keydown", onKeyDownFirst, true);
  doc.addEventListener("keydown", onKeyDown);
  // Capture: an overview click must be caught before a widget inside the tile sees it.
  doc.addEventListener("click", onClick, true);
  view.addEventListener("hashchange", onHashChange);
  view.addEventListener("resize", onResize);
  const unbindSwipe = bindSwipe(doc, (direction) => {
    if (deck.inDeck) deck.perform({ type: direction });
  });
  return () => {
    doc.removeEventListener("keydown", onKeyDownFirst, true);
    doc.removeEventListener("keydown", onKeyDown);
    doc.removeEventListener("click", onClick, true);
    view.removeEventListener("hashchange", onHashChange);
    view.removeEventListener("resize", onResize);
    unbindSwipe();
  };
}

/**
 * The remote's keys are taken before any widget on the slide sees them (a focused stepper or
 * slider would otherwise keep them), unless the focus is where one types.
 */
function takeRemoteKey(deck: DeckInputTarget, event: KeyboardEvent): void {
  if (!deck.inDeck || event.isComposing) return;
  const route = routeKey(event, focusKind(event.target));
  if (route === "press" && event.target instanceof HTMLElement) {
    // Enter ticks a checkbox (which Space no longer does in the deck) or presses a button.
    event.preventDefault();
    event.stopPropagation();
    event.target.click();
    return;
  }
  if (route !== "deck" || !isSlideKey(event.key)) return;
  const action = actionForKey(event);
  if (!action) return;
  event.preventDefault();
  event.stopPropagation();
  deck.perform(action, event.key);
}

/** The other deck keys, once widgets have had their turn; `s` on the reading page presents. */
function handleKey(deck: DeckInputTarget, event: KeyboardEvent): void {
  const target = event.target;
  if (deck.inDeck && event.key === "Escape" && !event.defaultPrevented) {
    // Esc in a slider or a text box gives the keys back to the deck (a second Esc leaves).
    if (target instanceof HTMLElement && target.matches("input, textarea, select")) {
      target.blur();
      return;
    }
  }
  if (!deck.inDeck) {
    if (keyBelongsToWidget(event)) return;
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (plain && event.key.toLowerCase() === "s") {
      event.preventDefault();
      deck.presentFromHere();
    }
    return;
  }
  if (event.defaultPrevented || event.isComposing) return;
  if (routeKey(event, focusKind(target)) !== "deck") return;
  const action = actionForKey(event);
  if (!action) return;
  event.preventDefault();
  deck.perform(action, event.key);
}

/** Present on the reading page; the deck's buttons, and picking a tile in the overview. */
function handleClick(deck: DeckInputTarget, event: MouseEvent): void {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  if (!deck.inDeck) {
    if (target.closest("[data-action='present']")) {
      event.preventDefault();
      deck.presentFromHere();
    }
    return;
  }
  const button = target.closest<HTMLElement>(".deck-chrome [data-deck]");
  const action = button?.dataset.deck;
  if (action && BUTTON_ACTIONS.has(action)) {
    deck.perform({ type: action } as DeckAction);
    return;
  }
  const tile = target.closest<HTMLElement>("section.slide");
  if (tile && deck.pickTile(tile)) {
    // In the overview a click picks a slide; it must not also press a button inside it.
    event.preventDefault();
    event.stopPropagation();
  }
}
