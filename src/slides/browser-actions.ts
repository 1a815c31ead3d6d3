// Three things the deck asks of the browser, each of which the browser may refuse.

/** Enters or leaves full screen; resolves false when the browser refused (iframe, no gesture). */
export async function toggleFullscreen(doc: Document): Promise<boolean> {
  try {
    if (doc.fullscreenElement) await doc.exitFullscreen();
    else await doc.documentElement.requestFullscreen();
    return true;
  } catch {
    return false;
  }
}

/**
 * Switches light ↔ dark through the site's own switch when the page has one (so the choice is
 * remembered and reading mode agrees), else on `<html data-theme>`. Returns the new theme.
 */
export function toggleSiteTheme(doc: Document, view: Window): "light" | "dark" {
  const root = doc.documentElement;
  const wasDark =
    root.dataset.theme === "dark" ||
    (root.dataset.theme !== "light" && view.matchMedia("(prefers-color-scheme: dark)").matches);
  const siteSwitch = doc.querySelector<HTMLElement>("[data-action='theme']");
  if (siteSwitch) siteSwitch.click();
  else root.dataset.theme = wasDark ? "light" : "dark";
  return wasDark ? "light" : "dark";
}

/**
 * Opens (or reuses) the presenter window for this chapter and pairing; false when pop-ups are
 * blocked.
 */
export function openPresenterWindow(
  view: Window,
  href: string,
  pathname: string,
  pair: string,
): boolean {
  return view.open(href, `presenter:${pathname}:${pair}`, "popup,width=1280,height=800") !== null;
}
