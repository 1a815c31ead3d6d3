// A lab's code box (an Observable Inputs text, textarea or select) kept with the page's saved
// work: what the reader types is saved as they type, and the box comes back with it after a
// reload or a new visit, marked as edited. "Reset all", "Export my work" and "Import" treat it
// like an edited cell, since it lives in the same record (`fields`, under `code:<key>`).
import { loadWork, updateWork } from "../work/index.ts";

/** An Inputs element: a form whose `value` the view reads. */
type InputsForm = HTMLElement & { value: unknown };

/**
 * Restores the reader's saved text for `key` into `form` (before the cell hands it to `view`, so
 * the page starts from it) and saves each change. Returns `form`. A select keeps the author's
 * value when the saved one is no longer among its options.
 */
export function remember<T extends InputsForm>(form: T, key: string): T {
  const field = `code:${key}`;
  const control = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(
    "textarea, input:not([type]), input[type=text]",
  );
  const original = control ? control.value : form.value;
  const saved = loadWork().fields[field];
  if (saved !== undefined && saved !== original) {
    form.value = saved;
    if (!control && form.value !== saved) form.value = original;
  }
  const read = (): string => String(control ? control.value : form.value);
  const mark = (): void => {
    const edited = read() !== original;
    form.classList.toggle("lab-code-edited", edited);
    let badge = form.querySelector(".cell-edited-badge");
    if (edited && !badge) {
      badge = document.createElement("span");
      badge.className = "cell-edited-badge";
      badge.textContent = "edited";
      const label = form.querySelector("label");
      if (label) label.after(badge);
      else form.append(badge);
    } else if (!edited) badge?.remove();
  };
  mark();
  // Captured at the form: a text box with a submit button stops its own input events there.
  form.addEventListener(
    "input",
    () =>
      queueMicrotask(() => {
        const value = read();
        updateWork((work) => {
          if (value === original) delete work.fields[field];
          else work.fields[field] = value;
        });
        mark();
      }),
    true,
  );
  return form;
}
