// Which key does what in deck mode. Clicker remotes send PageDown / PageUp (some send arrows,
// "b" or "." to blank), so those are all here; modifier chords belong to the browser.

/** Everything a key (or a touch, or the presenter window) can ask the deck to do. */
export type DeckAction =
  | { readonly type: "next" }
  | { readonly type: "prev" }
  | { readonly type: "first" }
  | { readonly type: "last" }
  | { readonly type: "digit"; readonly digit: string }
  | { readonly type: "enter" }
  | { readonly type: "escape" }
  | { readonly type: "fullscreen" }
  | { readonly type: "blank" }
  | { readonly type: "overview" }
  | { readonly type: "help" }
  | { readonly type: "presenter" }
  | { readonly type: "theme" }
  | { readonly type: "laser" }
  | { readonly type: "draw" }
  | { readonly type: "erase" }
  | { readonly type: "clear-ink" }
  | { readonly type: "zoom" }
  | { readonly type: "print-ink" };

/** The parts of a KeyboardEvent the key map reads (so tests need no DOM). */
export interface KeyPress {
  readonly key: string;
  readonly shiftKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
}

const BY_KEY: Readonly<Record<string, DeckAction>> = {
  ArrowRight: { type: "next" },
  ArrowDown: { type: "next" },
  PageDown: { type: "next" },
  n: { type: "next" },
  ArrowLeft: { type: "prev" },
  ArrowUp: { type: "prev" },
  PageUp: { type: "prev" },
  p: { type: "prev" },
  Backspace: { type: "prev" },
  Home: { type: "first" },
  End: { type: "last" },
  Enter: { type: "enter" },
  Escape: { type: "escape" },
  f: { type: "fullscreen" },
  b: { type: "blank" },
  ".": { type: "blank" },
  o: { type: "overview" },
  "?": { type: "help" },
  h: { type: "help" },
  t: { type: "presenter" },
  c: { type: "theme" },
  l: { type: "laser" },
  d: { type: "draw" },
  e: { type: "erase" },
  x: { type: "clear-ink" },
  z: { type: "zoom" },
  k: { type: "print-ink" },
};

/** The deck action for a key press, or null when the deck should leave the key alone. */
export function actionForKey(press: KeyPress): DeckAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === " ") return { type: press.shiftKey ? "prev" : "next" };
  if (/^[0-9]$/.test(press.key)) return { type: "digit", digit: press.key };
  // Letters arrive as "B" with Shift or Caps Lock on; the deck does not tell them apart.
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return BY_KEY[key] ?? null;
}

/** The key help shown by `?`: [keys, what they do], in the order a lecturer needs them. */
export const KEY_HELP: readonly (readonly [string, string])[] = [
  ["→  Space  PageDown  N", "next step or slide"],
  ["←  Shift+Space  PageUp  P", "previous step or slide"],
  ["PageDown  PageUp  →  ←  Space", "turn the slide from any slider, menu or checkbox"],
  ["Esc", "in a text box or code editor: hand the keys back to the deck"],
  ["↑  ↓", "adjust the focused slider or menu (or drag it)"],
  ["Enter", "press the focused button, tick the focused checkbox"],
  ["Home  End", "first, last slide"],
  ["12 Enter", "go to slide 12"],
  ["O", "overview of all slides"],
  ["B  .", "blank the screen"],
  ["F", "full screen"],
  ["T", "presenter window (notes, timer, next slide)"],
  ["C", "switch light / dark projector theme"],
  ["L", "laser pointer (again: off)"],
  ["D  E  X", "draw on the slide, erase, clear the slide's drawing"],
  ["K", "print the drawings with the slides (again: not)"],
  ["Z  Alt+click", "zoom into the pointed region (again: back)"],
  ["?  H", "this help"],
  ["Esc", "close help or overview, end zoom or pen; leave the slides"],
];
