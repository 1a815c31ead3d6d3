// A cell's editor in place: the code, Run and Reset, and where the code went wrong. Runs
// compile the code as the build would and hand it to the page's runtime, so the cells that use
// the cell's names run again; the code is saved as it is typed.
import type { Completion } from "@codemirror/autocomplete";
import type { EditorView } from "@codemirror/view";
import { codeOfCell } from "../cell/index.ts";
import type { ClientCell, NotebookHandle } from "../handle/index.ts";
import { installLoopGuard } from "../loop-guard/index.ts";
import { updateWork } from "../work/index.ts";
import type { EditContext, EditError } from "./compile-edit.ts";
import { createEditor } from "./create-editor.ts";
import { libraryNames, loadLibraryExport, preloadLibraryNames } from "./library-names.ts";

interface OpenCell {
  original: ClientCell;
  originalCode: string;
  view: EditorView;
  panel: HTMLElement;
  errors: HTMLElement;
  button: HTMLButtonElement;
  bar: HTMLElement;
}

const open = new Map<string, OpenCell>();

// The compiler (acorn and the build's stages) is a chunk of its own: the editor shows without
// waiting for it, and it is fetched while the reader types.
let compiler: Promise<typeof import("./compile-edit.ts")> | undefined;
function loadCompiler(): Promise<typeof import("./compile-edit.ts")> {
  compiler ??= import("./compile-edit.ts");
  return compiler;
}

/** Opens the cell's editor under its Edit button, or closes it when open. */
export function toggleEditor(handle: NotebookHandle, bar: HTMLElement, id: string): void {
  const cell = open.get(id);
  if (!cell) {
    openEditor(handle, bar, id).view.focus();
    return;
  }
  const opening = cell.panel.hidden;
  cell.panel.hidden = !opening;
  cell.button.setAttribute("aria-expanded", String(opening));
  if (opening) cell.view.focus();
}

/** Shows the cell's editor without taking the focus (an exercise's answer cell in view). */
export function showEditor(handle: NotebookHandle, bar: HTMLElement, id: string): void {
  const cell = open.get(id) ?? openEditor(handle, bar, id);
  cell.panel.hidden = false;
  cell.button.setAttribute("aria-expanded", "true");
}

/** Brings back a cell edited on an earlier visit: its editor shows the code, which runs. */
export async function restoreEdit(
  handle: NotebookHandle,
  bar: HTMLElement,
  id: string,
  code: string,
): Promise<void> {
  const cell = open.get(id) ?? openEditor(handle, bar, id);
  if (code === cell.originalCode) return;
  cell.view.dispatch({ changes: { from: 0, to: cell.view.state.doc.length, insert: code } });
  await runCell(handle, cell);
}

/** Runs an open cell's code now (what Run, Shift+Enter and Ctrl/Cmd+Enter do). */
export async function runCell(handle: NotebookHandle, cell: OpenCell): Promise<boolean> {
  const [{ compileEdit }] = await Promise.all([loadCompiler(), preloadLibraryNames()]);
  const code = cell.view.state.doc.toString();
  const context = editContext(handle, cell.original);
  const { declaredElsewhere } = context;
  const library = libraryNames();
  const result = compileEdit(code, context);
  if (!result.ok) {
    showErrors(cell, result.errors);
    return false;
  }
  showErrors(cell, []);
  for (const name of result.cell.inputs)
    if (!handle.builtins.has(name) && library.includes(name) && !declaredElsewhere.has(name))
      handle.defineBuiltin(name, () => loadLibraryExport(name));
  installLoopGuard();
  handle.redefine({ ...result.cell, inline: false });
  markEdited(cell, code !== cell.originalCode);
  return true;
}

/** What an edit of `original` compiles against: the rest of the page and its built-ins. */
function editContext(handle: NotebookHandle, original: ClientCell): EditContext {
  const declaredElsewhere = new Map<string, string>();
  for (const other of handle.cells())
    if (other.id !== original.id)
      for (const name of other.outputs) declaredElsewhere.set(name, other.source);
  return {
    id: original.id,
    source: original.source,
    declaredElsewhere,
    builtins: new Set([...handle.builtins, ...libraryNames()]),
    isGlobal: (name) => name in globalThis,
  };
}

/**
 * Compiles the chapter's code once while the reader reads the editor, its result unused: the
 * browser's first run of the parser is several times slower than the next (its code is not
 * optimised yet), and that first run would otherwise be the reader's first Run.
 */
function warmCompiler(handle: NotebookHandle, cell: OpenCell): void {
  void loadCompiler().then(({ compileEdit }) => {
    const warm = (): void => {
      compileEdit(cell.originalCode, editContext(handle, cell.original));
    };
    if (typeof requestIdleCallback === "function") requestIdleCallback(warm);
    else setTimeout(warm, 50);
  });
}

/** Puts the chapter's code back, and runs it. */
export function resetCell(handle: NotebookHandle, cell: OpenCell): void {
  cell.view.dispatch({
    changes: { from: 0, to: cell.view.state.doc.length, insert: cell.originalCode },
  });
  showErrors(cell, []);
  handle.redefine(cell.original);
  markEdited(cell, false);
  save(cell, cell.originalCode);
}

function openEditor(handle: NotebookHandle, bar: HTMLElement, id: string): OpenCell {
  const original = handle.cells().find((c) => c.id === id && !c.edited);
  if (!original) throw new Error(`cell ${id} is not on this page`);
  // A fenced block ends with a newline: shown, it is an empty last line under the code.
  const originalCode = codeOfCell(original).trimEnd();
  const button = bar.querySelector<HTMLButtonElement>(".cell-edit-button") as HTMLButtonElement;
  const panel = document.createElement("div");
  panel.className = "cell-editor";
  panel.id = `cell-editor-${id}`;
  button.setAttribute("aria-controls", panel.id);
  button.setAttribute("aria-expanded", "true");
  const code = document.createElement("div");
  code.className = "cell-editor-code";
  const actions = document.createElement("div");
  actions.className = "cell-editor-actions";
  const runButton = actionButton("Run", "Run the code (Shift+Enter or Ctrl+Enter in the editor)");
  const resetButton = actionButton("Reset", "Put back the chapter's code");
  const keys = document.createElement("span");
  keys.className = "cell-editor-keys";
  keys.textContent = "Shift+Enter runs · Esc or Tab leaves the editor";
  actions.append(runButton, resetButton, keys);
  const errors = document.createElement("div");
  errors.className = "cell-editor-errors";
  errors.setAttribute("role", "alert");
  errors.hidden = true;
  panel.append(code, actions, errors);
  bar.append(panel);
  const cell: OpenCell = {
    original,
    originalCode,
    button,
    bar,
    panel,
    errors,
    view: createEditor(code, originalCode, {
      run: () => void runCell(handle, cell),
      changed: (text) => save(cell, text),
      completions: () => completions(handle),
      label: `Code of the cell at ${original.source}`,
    }),
  };
  runButton.addEventListener("click", () => void runCell(handle, cell));
  resetButton.addEventListener("click", () => resetCell(handle, cell));
  open.set(id, cell);
  void preloadLibraryNames();
  warmCompiler(handle, cell);
  return cell;
}

function actionButton(name: string, title: string): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = `cell-editor-${name.toLowerCase()}`;
  button.textContent = name;
  button.title = title;
  return button;
}

function showErrors(cell: OpenCell, errors: readonly EditError[]): void {
  cell.errors.replaceChildren(
    ...errors.map((e) => {
      const line = document.createElement("div");
      line.className = "cell-editor-error";
      line.textContent = `line ${e.line}:${e.column}: ${e.message}`;
      return line;
    }),
  );
  cell.errors.hidden = errors.length === 0;
}

function markEdited(cell: OpenCell, edited: boolean): void {
  cell.bar.classList.toggle("cell-edited", edited);
  let badge = cell.bar.querySelector(".cell-edited-badge");
  if (edited && !badge) {
    badge = document.createElement("span");
    badge.className = "cell-edited-badge";
    badge.textContent = "edited";
    cell.button.after(badge);
  } else if (!edited) badge?.remove();
}

function save(cell: OpenCell, code: string): void {
  const id = cell.original.id;
  updateWork((work) => {
    if (code === cell.originalCode) delete work.cells[id];
    else work.cells[id] = code;
  });
}

function completions(handle: NotebookHandle): Completion[] {
  const page = handle.cells().flatMap((c) => c.outputs);
  const builtins = [...new Set([...handle.builtins, ...libraryNames()])];
  return [
    ...page.map((label) => ({ label, type: "variable", detail: "page variable" })),
    ...builtins
      .filter((n) => !page.includes(n))
      .map((label) => ({ label, type: "function", detail: "built-in" })),
  ];
}
