// The stepper's toolbar: buttons with their keys, a speed control and the two check toggles.
import { SPEEDS } from "./stepper.ts";

/** The toolbar's elements, for the view to wire up. */
export interface Controls {
  readonly root: HTMLElement;
  readonly buttons: Readonly<
    Record<"reset" | "prev" | "toggle" | "next" | "end", HTMLButtonElement>
  >;
  readonly speed: HTMLSelectElement;
  readonly position: HTMLElement;
  readonly fdToggle: HTMLInputElement;
  readonly nudgeToggle: HTMLInputElement;
  readonly sizeToggle: HTMLInputElement;
}

function button(doc: Document, action: string, text: string, label: string): HTMLButtonElement {
  const b = doc.createElement("button");
  b.type = "button";
  b.className = `graph-btn graph-btn-${action}`;
  b.dataset.action = action;
  b.textContent = text;
  b.setAttribute("aria-label", label);
  b.title = label;
  return b;
}

function toggle(
  doc: Document,
  cls: string,
  text: string,
): { label: HTMLLabelElement; input: HTMLInputElement } {
  const label = doc.createElement("label");
  label.className = `graph-toggle ${cls}`;
  const input = doc.createElement("input");
  input.type = "checkbox";
  label.append(input, ` ${text}`);
  return { label, input };
}

/** Builds the toolbar (buttons say their key in their label and tooltip). */
export function createControls(doc: Document, speed: number): Controls {
  const root = doc.createElement("div");
  root.className = "graph-toolbar";
  root.setAttribute("role", "toolbar");
  root.setAttribute("aria-label", "Stepper controls");
  const buttons = {
    reset: button(doc, "reset", "|◀ Start", "Back to the start (Home)"),
    prev: button(doc, "prev", "◀", "Previous step (←)"),
    toggle: button(doc, "toggle", "▶ Play", "Play or pause (Space)"),
    next: button(doc, "next", "▶", "Next step (→)"),
    end: button(doc, "end", "End ▶|", "Run to the end (End)"),
  };
  const speedLabel = doc.createElement("label");
  speedLabel.className = "graph-speed";
  const select = doc.createElement("select");
  for (const s of SPEEDS) {
    const option = doc.createElement("option");
    option.value = String(s);
    option.textContent = `${s} step${s === 1 ? "" : "s"}/s`;
    if (s === speed) option.selected = true;
    select.append(option);
  }
  speedLabel.append("Speed ", select);
  const position = doc.createElement("span");
  position.className = "graph-position";
  const fd = toggle(doc, "graph-fd-toggle", "Finite-difference check");
  const nudge = toggle(doc, "graph-nudge-toggle", "Nudge");
  const size = toggle(doc, "graph-size-toggle", "Actual size");
  root.append(
    buttons.reset,
    buttons.prev,
    buttons.toggle,
    buttons.next,
    buttons.end,
    speedLabel,
    position,
    fd.label,
    nudge.label,
    size.label,
  );
  return {
    root,
    buttons,
    speed: select,
    position,
    fdToggle: fd.input,
    nudgeToggle: nudge.input,
    sizeToggle: size.input,
  };
}
