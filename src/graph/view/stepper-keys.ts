// Which stepper action a key press asks for: → next, ← previous, Space play/pause, Home reset,
// End to the end. Form controls inside the widget keep their own keys; checkboxes only Space.
import type { StepperAction } from "./stepper.ts";

const KEYS: Readonly<Record<string, StepperAction>> = {
  ArrowRight: { type: "next" },
  ArrowLeft: { type: "prev" },
  " ": { type: "toggle" },
  Home: { type: "reset" },
  End: { type: "end" },
};

/** The action for a key press on the widget, or null when the key is not the stepper's. */
export function actionForKey(
  key: string,
  modifiers: { altKey: boolean; ctrlKey: boolean; metaKey: boolean },
  target: Element | null,
): StepperAction | null {
  if (modifiers.altKey || modifiers.ctrlKey || modifiers.metaKey) return null;
  const action = KEYS[key];
  if (!action) return null;
  // A select's arrows, a number field's Home/End and a button's (or a node's) Space belong to
  // them. A checkbox uses Space alone, so the stepper's own (Finite-difference check, Nudge…)
  // leave ← → Home End to the stepper.
  const control = target?.closest("input, select, textarea");
  if (control && !isCheckbox(control)) return null;
  if (key === " " && target?.closest("button, summary, [role='button'], input")) return null;
  return action;
}

function isCheckbox(el: Element): boolean {
  return el.tagName === "INPUT" && (el as HTMLInputElement).type === "checkbox";
}
