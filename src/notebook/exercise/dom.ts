// Small DOM helpers shared by exercises and predictions.
import { messageNodes } from "../message/index.ts";

/** Text (with `code` in backticks) or an element (html`…`, tex`…`). */
export type Content = string | Node;

export function appendContent(parent: Element, content: Content): void {
  if (typeof content === "string") parent.append(...messageNodes(content));
  else parent.append(content);
}

export function button(name: string, className: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = className;
  b.textContent = name;
  return b;
}

/** The page's cell declaring `name`, and its edit bar. */
function answerCell(name: string): { id: string; bar: HTMLElement } | null {
  const handle = window.__notebook;
  const cell = handle?.cells().find((c) => c.outputs.includes(name));
  const bar = cell && document.querySelector<HTMLElement>(`[data-edit-for="${cell.id}"]`);
  return cell && bar ? { id: cell.id, bar } : null;
}

/**
 * Opens the editor of the cell declaring `name` when the exercise comes into view, so the
 * student can type straight away (the editor's code is fetched then, not with the page).
 */
export function openAnswerEditor(block: Element, name: string): void {
  if (typeof IntersectionObserver === "undefined") return;
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    const found = answerCell(name);
    const handle = window.__notebook;
    if (!found || !handle) return;
    found.bar.classList.add("exercise-answer");
    void import("../edit/index.ts").then((edit) => edit.showEditor(handle, found.bar, found.id));
  });
  observer.observe(block);
}

/** Puts a solution into the student's cell and runs it. */
export function useSolution(name: string, code: string): void {
  const found = answerCell(name);
  const handle = window.__notebook;
  if (!found || !handle) return;
  void import("../edit/index.ts").then((edit) =>
    edit.restoreEdit(handle, found.bar, found.id, code),
  );
}
