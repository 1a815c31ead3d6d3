// Slides: a chapter page as a 16:9 deck with a presenter window. Importing does nothing;
// the page calls installSlides(document).

export { actionForKey, type DeckAction, KEY_HELP, type KeyPress } from "./deck-keys.ts";
export {
  clampSlide,
  createDeckState,
  type DeckState,
  deckProgress,
  goToSlide,
  type StepDirection,
  type StepResult,
  stepDeck,
} from "./deck-state.ts";
export { type DeckLocation, type DeckMode, deckUrl, parseDeckUrl } from "./deck-url.ts";
export { offerFragmentStep } from "./fragments.ts";
export { installSlides } from "./install-slides.ts";
export { jumpTarget, pushDigit } from "./jump-buffer.ts";
export type { SlideDeck } from "./slide-deck.ts";
export { letterbox, overviewGrid, SLIDE_HEIGHT, SLIDE_WIDTH } from "./stage-geometry.ts";
export { elapsed, formatDuration, type Stopwatch } from "./stopwatch.ts";
export { parseSyncEnvelope, type SyncMessage, syncChannelName } from "./sync-message.ts";
