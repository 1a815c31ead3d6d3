// The search box's results: MiniSearch over the index the build wrote (assets/search-index.json),
// searched as the reader types; each result links to its heading. Arrow keys move between the
// results, Escape closes them.
import MiniSearch from "minisearch";
import { SEARCH_OPTIONS, type SearchDocument } from "./search-options.ts";

const MAX_RESULTS = 8;

/** Loads the index and shows results under `input` as the reader types. */
export async function attachSearch(form: HTMLFormElement, input: HTMLInputElement): Promise<void> {
  const root = form.dataset.root ?? "";
  const results = form.querySelector<HTMLElement>(".search-results") as HTMLElement;
  results.id = "search-results";
  input.setAttribute("aria-controls", results.id);
  let index: MiniSearch<SearchDocument> | null = null;
  try {
    const response = await fetch(`${root}assets/search-index.json`);
    index = MiniSearch.loadJSON<SearchDocument>(await response.text(), SEARCH_OPTIONS);
  } catch {
    results.hidden = false;
    results.textContent = "Search is not available: the index could not be loaded.";
    return;
  }
  const show = (): void => {
    const query = input.value.trim();
    if (!query || !index) {
      results.hidden = true;
      results.replaceChildren();
      return;
    }
    const found = index.search(query).slice(0, MAX_RESULTS);
    const list = document.createElement("ul");
    for (const hit of found) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `${root}${hit.id}`;
      const title = document.createElement("span");
      title.className = "search-title";
      title.textContent = String(hit.title);
      const page = document.createElement("span");
      page.className = "search-page";
      page.textContent = String(hit.page);
      link.append(title, page);
      item.append(link);
      list.append(item);
    }
    const status = document.createElement("p");
    status.className = "search-status";
    status.setAttribute("role", "status");
    status.textContent = found.length
      ? `${found.length} result${found.length === 1 ? "" : "s"}`
      : "Nothing found";
    results.replaceChildren(status, list);
    results.hidden = false;
  };
  input.addEventListener("input", show);
  show();
  form.addEventListener("keydown", (event) => {
    const links = [...results.querySelectorAll<HTMLAnchorElement>("a")];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === "Escape") {
      results.hidden = true;
      input.focus();
    } else if (event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && links.length) {
      event.preventDefault();
      if (at <= 0) input.focus();
      else links[at - 1].focus();
    } else if (event.key === "Enter" && document.activeElement === input && links.length) {
      event.preventDefault();
      links[0].click();
    }
  });
  form.addEventListener("focusout", (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) results.hidden = true;
  });
  input.addEventListener("focus", () => {
    if (input.value.trim()) results.hidden = false;
  });
}
