// Behaviour every page has, with or without cells: the dark-mode toggle. The saved choice is
// applied by a tiny inline script in <head> before first paint; this wires the button.

const KEY = "theme";

/** The theme in force: the saved choice, else the system's. */
export function currentTheme(): "light" | "dark" {
  const saved = document.documentElement.dataset.theme;
  if (saved === "light" || saved === "dark") return saved;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** Switches between light and dark and remembers the choice across reloads. */
export function toggleTheme(): void {
  const next = currentTheme() === "dark" ? "light" : "dark";
  document.documentElement.dataset.theme = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // Private modes may refuse storage; the toggle still works for this page.
  }
  updateButtons();
}

function updateButtons(): void {
  const dark = currentTheme() === "dark";
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-action=theme]")) {
    button.setAttribute("aria-pressed", String(dark));
    button.title = dark ? "Switch to light mode" : "Switch to dark mode";
  }
}

/** Wires the page's controls. */
export function setUpPage(): void {
  for (const button of document.querySelectorAll("[data-action=theme]")) button.addEventListener("click", toggleTheme);
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", updateButtons);
  updateButtons();
}
