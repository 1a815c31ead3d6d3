// The search box in every page's header: `/` focuses it; the index and the search code are
// fetched the first time it gets the focus, so reading a page costs nothing extra.

/** Wires the header's search box. */
export function setUpSearch(): void {
  const form = document.querySelector<HTMLFormElement>(".site-search");
  const input = form?.querySelector<HTMLInputElement>("input[type=search]");
  if (!form || !input) return;
  let loading = false;
  const load = (): void => {
    if (loading) return;
    loading = true;
    void import("../search/index.ts").then((m) => m.attachSearch(form, input));
  };
  input.addEventListener("focus", load);
  input.addEventListener("input", load);
  addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as Element | null;
    if (target?.closest("input, textarea, select, [contenteditable], .cm-editor")) return;
    if (document.body.classList.contains("deck-mode")) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
