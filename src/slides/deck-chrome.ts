// The deck's furniture around the slide: progress bar, slide number, the "go to slide" prompt,
// the blank screen, the key help and a few buttons for mouse and touch users. Built once per
// visit to deck mode and removed on leaving, so reading mode carries none of it.
import { KEY_HELP } from "./deck-keys.ts";

/** Handles on the chrome's parts the deck updates. */
export interface DeckChrome {
  readonly root: HTMLElement;
  readonly progressBar: HTMLElement;
  readonly counter: HTMLElement;
  readonly jumpPrompt: HTMLElement;
  readonly blank: HTMLElement;
  readonly help: HTMLElement;
  readonly toast: HTMLElement;
}

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  text = "",
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  el.className = className;
  if (text) el.textContent = text;
  return el;
}

function helpDialog(doc: Document): HTMLElement {
  const help = element(doc, "div", "deck-help");
  help.setAttribute("role", "dialog");
  help.setAttribute("aria-modal", "true");
  help.setAttribute("aria-labelledby", "deck-help-title");
  help.tabIndex = -1;
  help.hidden = true;
  const title = element(doc, "h2", "deck-help-title", "Keys");
  title.id = "deck-help-title";
  // Two tables side by side (moving through the deck, then the tools), so the whole list fits
  // a 720 px tall projector without scrolling at a size the room can read.
  const columns = element(doc, "div", "deck-help-columns");
  const half = Math.ceil(KEY_HELP.length / 2);
  for (const part of [KEY_HELP.slice(0, half), KEY_HELP.slice(half)]) {
    const table = element(doc, "table", "deck-help-keys");
    for (const [keys, meaning] of part) {
      const row = table.insertRow();
      const keyCell = row.insertCell();
      for (const key of keys.split(/\s{2,}/)) keyCell.append(element(doc, "kbd", "", key), " ");
      row.insertCell().textContent = meaning;
    }
    columns.append(table);
  }
  const close = element(doc, "p", "deck-help-close", "Press Esc or ? to close.");
  help.append(title, columns, close);
  return help;
}

/** A button that performs a deck action when clicked (its `data-deck` names the action). */
function actionButton(doc: Document, action: string, label: string, symbol: string): HTMLElement {
  const button = element(doc, "button", "deck-button", symbol);
  button.type = "button";
  button.dataset.deck = action;
  button.setAttribute("aria-label", label);
  button.title = label;
  return button;
}

/** Builds the chrome and appends it to `doc.body`. */
export function createDeckChrome(doc: Document): DeckChrome {
  const root = element(doc, "div", "deck-chrome");
  const progress = element(doc, "div", "deck-progress");
  progress.setAttribute("aria-hidden", "true");
  const progressBar = element(doc, "div", "deck-progress-bar");
  progress.append(progressBar);
  const counter = element(doc, "div", "deck-counter");
  counter.setAttribute("aria-hidden", "true");
  const jumpPrompt = element(doc, "div", "deck-jump");
  jumpPrompt.hidden = true;
  const blank = element(doc, "div", "deck-blank");
  blank.hidden = true;
  const toast = element(doc, "div", "deck-toast");
  toast.setAttribute("role", "alert");
  toast.hidden = true;
  const controls = element(doc, "nav", "deck-controls");
  controls.setAttribute("aria-label", "Slide controls");
  controls.append(
    actionButton(doc, "prev", "Previous slide (←)", "←"),
    actionButton(doc, "next", "Next slide (→)", "→"),
    actionButton(doc, "overview", "Overview (O)", "▦"),
    actionButton(doc, "presenter", "Presenter window (T)", "✎"),
    actionButton(doc, "help", "Keys (?)", "?"),
    actionButton(doc, "escape", "Leave the slides (Esc)", "✕"),
  );
  const help = helpDialog(doc);
  root.append(progress, counter, jumpPrompt, controls, blank, help, toast);
  doc.body.append(root);
  return { root, progressBar, counter, jumpPrompt, blank, help, toast };
}

/** Shows a short message at the top of the screen for three seconds. */
export function showToast(chrome: DeckChrome, view: Window, text: string): void {
  const toast = chrome.toast;
  toast.textContent = text;
  toast.hidden = false;
  view.setTimeout(() => {
    if (toast.textContent === text) toast.hidden = true;
  }, 3000);
}
