// Who gets a key in the deck: the deck or the focused control. Clickers send PageDown / PageUp
// (some → ← or Space), and a lecturer who dragged a slider, picked a stepper speed or ticked a
// checkbox a minute ago still has the focus there; the next click of the remote must turn the
// slide, not nudge the slider. So in the deck the slide keys belong to the deck everywhere
// except where typing happens (a text box, a code editor), sliders and menus keep ↑ ↓, and
// Enter presses a focused button or ticks a focused checkbox. A pure function of the key and
// of what kind of element has the focus, so it is tested in Node.
import type { KeyPress } from "./deck-keys.ts";

/** What has the keyboard focus, as far as the deck's keys are concerned. */
export type FocusKind =
  /** Nothing of note: the slide itself, the page, a heading. */
  | "none"
  /** Where a person types: text inputs, textareas, contenteditable (code editors). */
  | "text"
  /** A control that adjusts a value with ↑ ↓: range input, spin button, grid, listbox. */
  | "slider"
  /** A menu: `<select>` (↑ ↓ change it, like a slider). */
  | "select"
  /** A control that is pressed: button, checkbox, radio, link, summary. */
  | "pressable"
  /** A stepper or other fragment element (it reaches its steps through the deck). */
  | "fragments";

/** Where a key goes: the deck takes it, the focused element keeps it, or the deck clicks it. */
export type KeyRoute = "deck" | "widget" | "press";

/** Keys a presentation remote sends: the deck's in any focus. */
const CLICKER_KEYS = new Set(["PageDown", "PageUp"]);
/** Slide keys the deck takes from every control except text and code. */
const SLIDE_KEYS = new Set(["ArrowRight", "ArrowLeft", " "]);
/** The keys a slider or menu uses to change its value (a stepper: its first and last step). */
const VALUE_KEYS = new Set(["ArrowUp", "ArrowDown", "Home", "End"]);

/** True for the keys a remote sends, which the deck takes before any widget sees them. */
export function isSlideKey(key: string): boolean {
  return CLICKER_KEYS.has(key) || SLIDE_KEYS.has(key);
}

/** Routes one key press made while `focus` has the focus (deck mode only). */
export function routeKey(press: KeyPress, focus: FocusKind): KeyRoute {
  if (press.ctrlKey || press.metaKey || press.altKey) return "widget";
  if (CLICKER_KEYS.has(press.key)) return "deck";
  if (focus === "text") return "widget";
  if (SLIDE_KEYS.has(press.key)) return "deck";
  if (focus !== "none" && focus !== "pressable" && VALUE_KEYS.has(press.key)) return "widget";
  if (press.key !== "Enter") return "deck";
  if (focus === "pressable") return "press";
  // A menu opens with Enter; a stepper's node takes Enter to jump to its step.
  return focus === "select" || focus === "fragments" ? "widget" : "deck";
}
