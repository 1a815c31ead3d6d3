// The Edit button of every block cell that runs. The editor itself (CodeMirror, the compiler)
// is a chunk of its own, fetched on the first click: a page that is only read never loads it.
// Cells edited on an earlier visit come back at once (that does load the chunk).
import type { NotebookHandle } from "./main.ts";
import { loadWork } from "./saved-work.ts";

/** Puts an Edit button above each block cell in `ids`; restores saved edits. */
export function addEditButtons(handle: NotebookHandle, ids: readonly string[]): void {
  const cells = new Map(handle.cells().map((c) => [c.id, c]));
  for (const id of ids) {
    const cell = cells.get(id);
    const root = document.querySelector(`[data-cell="${id}"]`);
    if (!cell || cell.inline || !root) continue;
    // An exercise's own cell holds its check and solution: editing it is no way to learn.
    if (cell.inputs.some((name) => EXERCISE_BUILTINS.has(name))) continue;
    const bar = document.createElement("div");
    bar.className = "cell-edit-bar";
    bar.dataset.editFor = id;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "cell-edit-button";
    button.textContent = "Edit";
    button.setAttribute("aria-expanded", "false");
    button.title = `Edit the code of this cell (${cell.source})`;
    button.addEventListener("click", () => {
      void loadEditor().then((editor) => editor.toggleEditor(handle, bar, id));
    });
    // Fetching starts when a pointer or the focus reaches the button, before the click.
    button.addEventListener("pointerenter", () => void loadEditor(), { once: true });
    button.addEventListener("focus", () => void loadEditor(), { once: true });
    bar.append(button);
    root.before(bar);
  }
  const saved = Object.entries(loadWork().cells).filter(([id]) => cells.has(id));
  if (saved.length)
    void loadEditor().then((editor) => {
      for (const [id, code] of saved) {
        const bar = document.querySelector<HTMLElement>(`[data-edit-for="${id}"]`);
        if (bar) editor.restoreEdit(handle, bar, id, code);
      }
    });
}

const EXERCISE_BUILTINS = new Set(["exercise", "predict"]);

let editor: Promise<typeof import("../edit/index.ts")> | undefined;
function loadEditor(): Promise<typeof import("../edit/index.ts")> {
  editor ??= import("../edit/index.ts");
  return editor;
}
