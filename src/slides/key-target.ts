// Keys typed into a slider, a text box or a widget that drives itself with the keyboard belong
// to that widget, not to the deck: a student typing "n" into a cell input must not turn the page.

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

/** True when the deck should leave this key event alone. */
export function keyBelongsToWidget(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing) return true;
  const target = event.target;
  if (!(target instanceof Element)) return false;
  if (target.closest(OWNS_ALL_KEYS)) return true;
  // Checked before buttons: the stepper's own buttons are part of the stepper.
  if (target.closest("[data-fragments]") && FRAGMENT_OWN_KEYS.has(event.key)) return true;
  // A button takes Space and Enter; arrows and letters still move the deck.
  if (target.closest("button, summary, a[href]")) return event.key === " " || event.key === "Enter";
  return false;
}
