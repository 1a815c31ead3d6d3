// Keys typed into a slider, a text box or a widget that drives itself with the keyboard belong
// to that widget, not to the deck: a student typing "n" into a cell input must not turn the page.
// In the deck itself, `focusKind` names the focused control and key-route.ts decides.
import type { FocusKind } from "./key-route.ts";

/** Elements whose own keys the deck never takes. */
const OWNS_ALL_KEYS =
  "input, textarea, select, [contenteditable]:not([contenteditable='false']), " +
  "[role='textbox'], [role='slider'], [role='spinbutton'], [role='listbox'], [role='combobox'], " +
  "[role='menu'], [role='grid'], [role='application'], [data-own-keys]";

/**
 * Keys a focused fragment element (a backprop stepper) handles itself. The deck still drives it
 * with PageDown / PageUp (clickers) through the fragment events.
 */
const FRAGMENT_OWN_KEYS = new Set(["ArrowLeft", "ArrowRight", " ", "Home", "End", "Enter"]);

/** Controls that only ever use Space and Enter. */
const PRESSABLE =
  "button, summary, a[href], input[type='checkbox'], input[type='button'], " +
  "input[type='submit'], input[type='reset']";

/** True when the page (before the deck is shown) should leave this key event alone. */
export function keyBelongsToWidget(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing) return true;
  const target = event.target;
  if (!(target instanceof Element)) return false;
  // A button or a checkbox takes Space and Enter; arrows and letters still move the deck (and,
  // inside a stepper, reach it as fragment steps: a widget that uses an arrow itself says so
  // with preventDefault).
  if (target.closest(PRESSABLE)) return event.key === " " || event.key === "Enter";
  if (target.closest(OWNS_ALL_KEYS)) return true;
  return target.closest("[data-fragments]") !== null && FRAGMENT_OWN_KEYS.has(event.key);
}

/** Input types that are pressed (Space, Enter, a click) rather than typed into. */
const PRESSED_INPUTS = new Set([
  "checkbox",
  "radio",
  "button",
  "submit",
  "reset",
  "image",
  "color",
  "file",
]);

const TEXT = "textarea, [contenteditable]:not([contenteditable='false']), [role='textbox']";
const SLIDER =
  "[role='slider'], [role='spinbutton'], [role='grid'], [role='menu'], [role='application'], " +
  "[data-own-keys]";
const SELECT = "select, [role='listbox']";
const PRESSED = "button, summary, a[href], [role='button'], [role='checkbox'], [role='switch']";

/** What kind of control `target` (a key event's target) is, for the deck's key routing. */
export function focusKind(target: EventTarget | null): FocusKind {
  if (!(target instanceof Element)) return "none";
  const input = target.closest("input");
  if (input instanceof HTMLInputElement) {
    if (input.type === "range") return "slider";
    return PRESSED_INPUTS.has(input.type) ? "pressable" : "text";
  }
  if (target.closest(TEXT)) return "text";
  if (target.closest(SELECT)) return "select";
  if (target.closest(SLIDER)) return "slider";
  if (target.closest(PRESSED)) return "pressable";
  return target.closest("[data-fragments]") ? "fragments" : "none";
}
