// The stepper's toolbar: buttons with their keys, a speed control, the two check toggles, the
// neuron view and the drawing's size. Words that only explain (the "Start" of "|◀ Start") are
// in `.graph-word` spans, which a slide leaves out to keep the toolbar on one line.
import type { StepperState } from "./stepper.ts";
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
  /** Layers ↔ neurons; its label is hidden where the neuron view does not apply. */
  readonly neuronsToggle: HTMLInputElement;
}

/**
 * Appends `text` to `el`: parts in `[brackets]` are words the short form (a slide, a phone)
 * leaves out, parts in `{braces}` are shown in the short form only.
 */
function appendWords(doc: Document, el: HTMLElement, text: string): void {
  for (const piece of text.split(/(\[[^\]]*\]|\{[^}]*\})/)) {
    if (!piece) continue;
    if (piece.startsWith("[") || piece.startsWith("{")) {
      const word = doc.createElement("span");
      word.className = piece.startsWith("[") ? "graph-word" : "graph-short";
      word.textContent = piece.slice(1, -1);
      el.append(word);
    } else el.append(piece);
  }
}

function button(doc: Document, action: string, text: string, label: string): HTMLButtonElement {
  const b = doc.createElement("button");
  b.type = "button";
  b.className = `graph-btn graph-btn-${action}`;
  b.dataset.action = action;
  appendWords(doc, b, text);
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
  label.append(input, " ");
  appendWords(doc, label, text);
  return { label, input };
}

/** Builds the toolbar (buttons say their key in their label and tooltip). */
export function createControls(doc: Document, speed: number): Controls {
  const root = doc.createElement("div");
  root.className = "graph-toolbar";
  root.setAttribute("role", "toolbar");
  root.setAttribute("aria-label", "Stepper controls");
  const buttons = {
    reset: button(doc, "reset", "|◀[ Start]", "Back to the start (Home)"),
    prev: button(doc, "prev", "◀", "Previous step (←)"),
    toggle: button(doc, "toggle", "▶ Play", "Play or pause (Space)"),
    next: button(doc, "next", "▶", "Next step (→)"),
    end: button(doc, "end", "[End ]▶|", "Run to the end (End)"),
  };
  const speedLabel = doc.createElement("label");
  speedLabel.className = "graph-speed";
  const select = doc.createElement("select");
  select.setAttribute("aria-label", "Speed");
  // A speed given as an option but not on the menu gets an entry, so the menu tells the truth.
  const speeds = SPEEDS.includes(speed) ? SPEEDS : [...SPEEDS, speed].sort((a, b) => a - b);
  for (const s of speeds) {
    const option = doc.createElement("option");
    option.value = String(s);
    option.textContent = `${s} step${s === 1 ? "" : "s"}/s`;
    if (s === speed) option.selected = true;
    select.append(option);
  }
  appendWords(doc, speedLabel, "[Speed ]");
  speedLabel.append(select);
  const position = doc.createElement("span");
  position.className = "graph-position";
  const fd = toggle(doc, "graph-fd-toggle", "{FD }[Finite-difference ]check");
  const nudge = toggle(doc, "graph-nudge-toggle", "Nudge");
  const neurons = toggle(doc, "graph-neurons-toggle", "Neurons");
  neurons.label.title = "Draw every neuron and weight as a node of its own";
  const size = toggle(doc, "graph-size-toggle", "Actual size");
  size.label.title = "Draw the graph at its own size, scrolling, instead of fitting the width";
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
    neurons.label,
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
    neuronsToggle: neurons.input,
  };
}

/** Brings the buttons and the position text up to date with the stepper's state. */
export function syncControls(controls: Controls, state: StepperState, caption: string): void {
  const last = state.count - 1;
  const { buttons } = controls;
  // Only what changed is written: every write costs the toolbar a layout.
  const set = (b: HTMLButtonElement, disabled: boolean): void => {
    if (b.disabled !== disabled) b.disabled = disabled;
  };
  set(buttons.reset, state.position === 0);
  set(buttons.prev, state.position === 0);
  set(buttons.next, state.position === last);
  set(buttons.end, state.position === last);
  const play = state.playing ? "⏸ Pause" : "▶ Play";
  if (buttons.toggle.textContent !== play) buttons.toggle.textContent = play;
  buttons.toggle.setAttribute("aria-pressed", String(state.playing));
  const count = ` · step ${state.position} of ${last}`;
  const [stepText, countWord] = controls.position.childNodes;
  const countText = countWord?.firstChild;
  if (stepText?.nodeType === 3 && countText?.nodeType === 3) {
    stepText.nodeValue = caption;
    countText.nodeValue = count;
  } else {
    controls.position.replaceChildren(caption);
    appendWords(controls.position.ownerDocument, controls.position, `[${count}]`);
  }
}
