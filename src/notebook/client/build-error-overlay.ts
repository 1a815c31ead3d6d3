// Dev only: when a rebuild fails, the page keeps showing the last site that built, with a
// panel over it saying why, each problem as `file:line:col` and its message. Type errors (the
// build strips types without checking them) get a panel of their own: the page still runs.

/** What a panel says above its list, and the colour of its top edge. */
interface PanelText {
  title: string;
  note: string;
  accent: string;
  /** Stacking order: a failed build's panel lies over the type errors'. */
  layer: number;
}

/** Shows (or replaces) the panel listing why the last rebuild failed; [] removes it. */
export function showBuildErrors(problems: readonly string[]): void {
  showPanel("build-error-overlay", problems, {
    title: "The site could not be rebuilt",
    note: "This page is the last build that worked. Fix the problem and save; it reloads.",
    accent: "#d55e00",
    layer: 2147483647,
  });
}

/** Shows (or replaces) the panel listing the project's type errors; [] removes it. */
export function showTypeErrors(problems: readonly string[]): void {
  showPanel("type-error-overlay", problems, {
    title: problems.length === 1 ? "1 type error" : `${problems.length} type errors`,
    note: "The page runs (the build does not check types), but npm test fails until they are fixed.",
    accent: "#56b4e9",
    layer: 2147483646,
  });
}

/** Shows (or replaces) the panel `id` listing `problems`; an empty list removes it. */
function showPanel(id: string, problems: readonly string[], text: PanelText): void {
  document.getElementById(id)?.remove();
  if (problems.length === 0) return;
  const panel = document.createElement("section");
  panel.id = id;
  panel.setAttribute("role", "alert");
  panel.setAttribute("aria-labelledby", `${id}-title`);
  // Inline styles: the overlay must look right even when the change that failed was to the CSS.
  panel.style.cssText =
    `position:fixed;inset:auto 0 0 0;z-index:${text.layer};max-height:60vh;overflow:auto;` +
    `padding:1rem 1.5rem;background:#1b1b1f;color:#f4f4f5;border-top:6px solid ${text.accent};` +
    "font:16px/1.5 system-ui,sans-serif;box-shadow:0 -4px 24px rgb(0 0 0 / 40%)";
  const title = document.createElement("h2");
  title.id = `${id}-title`;
  title.textContent = text.title;
  title.style.cssText = "margin:0 0 0.25rem;font-size:1.2rem;color:#fff";
  const note = document.createElement("p");
  note.textContent = text.note;
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
