// The reader's progress and work, shown from what the browser saved: exercises done in a
// chapter's header list and on the index, and the buttons to export, import and reset it.
import { clearWork, exportWork, importWork, loadWork } from "../work/index.ts";

/** Fills in progress and wires the work buttons of the page (header list, index entries). */
export function setUpWork(): void {
  showProgress();
  document.addEventListener("work-saved", showProgress);
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-work]")) {
    const action = button.dataset.work;
    button.addEventListener("click", () => {
      if (action === "export") downloadWork();
      else if (action === "import") chooseImport(button);
      else if (action === "reset")
        resetPage(button.closest<HTMLElement>(".work-bar")?.dataset.pageKey);
    });
  }
}

function showProgress(): void {
  for (const list of document.querySelectorAll<HTMLElement>(".work-bar .exercise-list")) {
    const key = list.closest<HTMLElement>(".work-bar")?.dataset.pageKey;
    const done = loadWork(key || undefined).done;
    let count = 0;
    for (const item of list.querySelectorAll<HTMLElement>("[data-exercise-id]")) {
      const passed = done[item.dataset.exerciseId ?? ""] === true;
      if (passed) count++;
      item.classList.toggle("is-done", passed);
      const mark = item.querySelector(".progress-mark");
      if (mark) mark.textContent = passed ? "✓ done" : "";
    }
    const counter = list.querySelector(".progress-count");
    if (counter) counter.textContent = String(count);
  }
  for (const entry of document.querySelectorAll<HTMLElement>("[data-exercise-ids]")) {
    const ids = (entry.dataset.exerciseIds ?? "").split(" ").filter(Boolean);
    const done = loadWork(entry.dataset.pageKey).done;
    const count = ids.filter((id) => done[id]).length;
    let badge = entry.querySelector(".entry-progress");
    if (!badge) {
      badge = document.createElement("p");
      badge.className = "entry-progress";
      entry.append(badge);
    }
    badge.textContent = `${count} of ${ids.length} exercises done`;
    entry.classList.toggle("entry-complete", count === ids.length);
  }
}

function downloadWork(): void {
  const file = exportWork();
  const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `backprop-notebook-work-${file.exported.slice(0, 10)}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function chooseImport(button: HTMLButtonElement): void {
  const input = document.createElement("input");
  input.type = "file";
  input.accept = "application/json,.json";
  input.hidden = true;
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    input.remove();
    if (!file) return;
    try {
      const pages = importWork(await file.text());
      say(button, `Restored work for ${pages} page${pages === 1 ? "" : "s"}; reloading…`);
      location.reload();
    } catch (error) {
      say(button, error instanceof Error ? error.message : String(error));
    }
  });
  document.body.append(input);
  input.click();
}

function resetPage(key: string | undefined): void {
  if (!confirm("Forget every edit and answer on this page? Export your work first to keep a copy."))
    return;
  clearWork(key || undefined);
  location.reload();
}

/** A message next to the work buttons (import problems, or that it worked). */
function say(button: Element, message: string): void {
  const bar = button.closest(".work-bar");
  if (!bar) return;
  let note = bar.querySelector(".work-message");
  if (!note) {
    note = document.createElement("p");
    note.className = "work-message";
    note.setAttribute("role", "status");
    bar.append(note);
  }
  note.textContent = message;
}
