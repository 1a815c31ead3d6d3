// Every form control a cell shows gets an accessible name. Observable Inputs ties its <label> to
// one control only: a range's label names the number box and leaves the slider beside it
// nameless, and an input made without a label names nothing, so a screen reader announces
// "slider" or "edit text" and nothing else. Here the nameless ones borrow the label drawn next
// to them, or failing that a name the caller knows (the variable a cell's `view` defines).

const CONTROLS = "input:not([type=hidden]), select, textarea";
let nextId = 0;

/** Whether a control already has a name from a <label>, aria-label or aria-labelledby. */
function isNamed(control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): boolean {
  if (control.getAttribute("aria-label")?.trim()) return true;
  if (control.getAttribute("aria-labelledby")?.trim()) return true;
  // A radio or checkbox sits inside its own <label> ("SGD"); that label names it, not the form's.
  const own = control.closest("label");
  if (own && (own.textContent ?? "").trim() !== "") return true;
  return [...(control.labels ?? [])].some((label) => (label.textContent ?? "").trim() !== "");
}

/** The visible label that speaks for `control`: the nearest form's own <label>, if it has text. */
function labelFor(control: Element, root: Element): HTMLLabelElement | null {
  const form = control.closest("form") ?? root;
  const label = form.querySelector<HTMLLabelElement>(":scope > label");
  return label && (label.textContent ?? "").trim() !== "" ? label : null;
}

/**
 * Names each nameless control inside `root` (or `root` itself): by the form's visible label
 * (`aria-labelledby`, so a label typeset as math reads as it does for the number box), else by
 * `fallback`. Safe to call again; named controls are left alone. Returns `root`.
 */
export function nameControls<T>(root: T, fallback?: string): T {
  if (!(root instanceof Element)) return root;
  const controls = root.matches(CONTROLS)
    ? [root]
    : [...root.querySelectorAll<HTMLInputElement>(CONTROLS)];
  for (const control of controls as HTMLInputElement[]) {
    if (isNamed(control)) continue;
    const label = labelFor(control, root);
    if (label) {
      if (!label.id) label.id = `control-label-${++nextId}`;
      control.setAttribute("aria-labelledby", label.id);
    } else if (fallback) {
      control.setAttribute("aria-label", fallback);
    }
  }
  return root;
}
