// The Edit button of every block cell that runs. The editor itself (CodeMirror, the compiler)
// is a chunk of its own, fetched on the first click: a page that is only read never loads it.
// Cells edited on an earlier visit come back at once (that does load the chunk).
import type { NotebookHandle } from "../handle/index.ts";
import { loadWork } from "../work/index.ts";

/** Puts an Edit button above each block cell in `ids`; restores saved edits. */
export function addEditButtons(handle: NotebookHandle, ids: readonly string[]): void {
  const cells = new Map(handle.cells().map((c) => [c.id, c]));
  const groups = new Map<HTMLElement, HTMLElement[]>();
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
      // A grouped button opens (or closes) every cell of its group; the first takes the focus.
      const others = (groups.get(bar) ?? []).filter((member) => member !== bar);
      const opening = button.getAttribute("aria-expanded") !== "true";
      void loadEditor().then((editor) => {
        for (const member of others) {
          const id = member.dataset.editFor ?? "";
          const shown = member.querySelector(".cell-editor:not([hidden])") !== null;
          if (opening) editor.showEditor(handle, member, id);
          else if (shown) editor.toggleEditor(handle, member, id);
        }
        editor.toggleEditor(handle, bar, id);
      });
    });
    // Fetching starts when a pointer reaches the button's row or the focus the button.
    bar.addEventListener("pointerenter", () => void loadEditor(), { once: true });
    button.addEventListener("focus", () => void loadEditor(), { once: true });
    bar.append(button);
    root.before(bar);
  }
  void handle.settled.then(() => {
    // An exercise's answer cell opens with its exercise: it stays a cell of its own.
    const answers = new Set(
      [...document.querySelectorAll<HTMLElement>("[data-answer]")].map((e) => e.dataset.answer),
    );
    const isAnswer = (id: string | undefined): boolean =>
      cells.get(id ?? "")?.outputs.some((name) => answers.has(name)) ?? false;
    groupSilentCells(groups, (bar) => isSilent(bar) && !isAnswer(bar.dataset.editFor));
    nameQuietButtons(groups, (id) => cells.get(id)?.outputs ?? []);
  });
  const saved = Object.entries(loadWork().cells).filter(([id]) => cells.has(id));
  if (saved.length)
    void loadEditor().then((editor) => {
      for (const [id, code] of saved) {
        const bar = document.querySelector<HTMLElement>(`[data-edit-for="${id}"]`);
        if (bar) editor.restoreEdit(handle, bar, id, code);
      }
    });
}

const EXERCISE_BUILTINS = new Set(["exercise", "predict", "answerBox"]);

/** Whether a cell shows nothing (it only defines names): its bar would sit on the next one. */
function isSilent(bar: Element): boolean {
  const root = bar.nextElementSibling;
  return (
    root instanceof HTMLElement &&
    root.matches(".cell") &&
    root.childElementCount === 0 &&
    !root.textContent?.trim()
  );
}

/**
 * Once the cells have run, cells that show nothing are quiet: a small Edit at the side, and
 * one Edit for a run of them in a row (it opens all their editors), instead of a stack of
 * Edit buttons with nothing between them. Every cell keeps its own bar for its editor.
 */
function groupSilentCells(
  groups: Map<HTMLElement, HTMLElement[]>,
  silent: (bar: HTMLElement) => boolean,
): void {
  let run: HTMLElement[] = [];
  const close = (): void => {
    if (run.length > 1) {
      const [first, ...rest] = run;
      groups.set(first, run);
      const button = first.querySelector<HTMLButtonElement>(".cell-edit-button");
      if (button)
        button.title = `Edit the code of the ${run.length} cells here, which define names the page uses`;
      for (const bar of rest) {
        bar.classList.add("cell-edit-grouped");
        const hidden = bar.querySelector<HTMLButtonElement>(".cell-edit-button");
        if (hidden) hidden.hidden = true;
      }
    }
    run = [];
  };
  for (const bar of document.querySelectorAll<HTMLElement>(".cell-edit-bar")) {
    if (!silent(bar)) {
      close();
      continue;
    }
    bar.classList.add("cell-edit-quiet");
    const previous = run.at(-1);
    if (previous && previous.nextElementSibling?.nextElementSibling !== bar) close();
    run.push(bar);
  }
  close();
}

/**
 * A quiet Edit has nothing under it to point at, and often stands just above the Edit of the
 * next cell: two buttons together, with no telling which cell each opens. Each quiet Edit says
 * what its cells define ("defines ref, sym"), beside the button and in its description.
 */
function nameQuietButtons(
  groups: ReadonlyMap<HTMLElement, HTMLElement[]>,
  outputsOf: (id: string) => readonly string[],
): void {
  for (const bar of document.querySelectorAll<HTMLElement>(
    ".cell-edit-quiet:not(.cell-edit-grouped)",
  )) {
    const button = bar.querySelector<HTMLButtonElement>(".cell-edit-button");
    const members = groups.get(bar) ?? [bar];
    const names = [...new Set(members.flatMap((m) => outputsOf(m.dataset.editFor ?? "")))];
    if (!button || names.length === 0 || bar.querySelector(".cell-edit-names")) continue;
    const caption = document.createElement("span");
    caption.className = "cell-edit-names";
    caption.id = `cell-edit-names-${bar.dataset.editFor}`;
    const shown = names.length > 4 ? [...names.slice(0, 3), `and ${names.length - 3} more`] : names;
    caption.textContent = `code that defines ${shown.join(", ")}`;
    button.setAttribute("aria-describedby", caption.id);
    button.before(caption);
  }
}

let editor: Promise<typeof import("../edit/index.ts")> | undefined;
function loadEditor(): Promise<typeof import("../edit/index.ts")> {
  editor ??= import("../edit/index.ts");
  return editor;
}
