// Dev only: when a rebuild fails, the page keeps showing the last site that built, with this
// panel over it saying why, each problem as `file:line:col` and its message.

const ID = "build-error-overlay";

/** Shows (or replaces) the panel listing `problems`; an empty list removes it. */
export function showBuildErrors(problems: readonly string[]): void {
  document.getElementById(ID)?.remove();
  if (problems.length === 0) return;
  const panel = document.createElement("section");
  panel.id = ID;
  panel.setAttribute("role", "alert");
  panel.setAttribute("aria-labelledby", `${ID}-title`);
  // Inline styles: the overlay must look right even when the change that failed was to the CSS.
  panel.style.cssText =
    "position:fixed;inset:auto 0 0 0;z-index:2147483647;max-height:60vh;overflow:auto;" +
    "padding:1rem 1.5rem;background:#1b1b1f;color:#f4f4f5;border-top:6px solid #d55e00;" +
    "font:16px/1.5 system-ui,sans-serif;box-shadow:0 -4px 24px rgb(0 0 0 / 40%)";
  const title = document.createElement("h2");
  title.id = `${ID}-title`;
  title.textContent = "The site could not be rebuilt";
  title.style.cssText = "margin:0 0 0.25rem;font-size:1.2rem;color:#fff";
  const note = document.createElement("p");
  note.textContent =
    "This page is the last build that worked. Fix the problem and save; it reloads.";
  note.style.cssText = "margin:0 0 0.75rem";
  const list = document.createElement("ul");
  list.style.cssText = "margin:0;padding:0;list-style:none";
  for (const problem of problems) {
    const item = document.createElement("li");
    item.style.cssText =
      "margin:0.4rem 0;font:15px/1.45 ui-monospace,monospace;white-space:pre-wrap";
    const at = /^(\S+:\d+:\d+): /.exec(problem);
    if (at) {
      const where = document.createElement("strong");
      where.textContent = at[1];
      where.style.color = "#ffb870";
      item.append(where, ` ${problem.slice(at[0].length)}`);
    } else item.textContent = problem;
    list.append(item);
  }
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Hide (Esc)";
  close.style.cssText =
    "position:absolute;top:0.75rem;right:1rem;font:inherit;padding:0.2rem 0.7rem;cursor:pointer;" +
    "color:#1b1b1f;background:#f4f4f5;border:2px solid #f4f4f5;border-radius:4px";
  const hide = (): void => {
    panel.remove();
    removeEventListener("keydown", onKey);
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === "Escape") hide();
  };
  close.addEventListener("click", hide);
  addEventListener("keydown", onKey);
  panel.append(title, note, list, close);
  document.body.append(panel);
}
