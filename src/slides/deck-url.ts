// The deck's place in the URL: `?slides` for the audience deck, `?presenter` for the presenter
// window, `#slide-3` for the slide (1-based, as people say it), so a reload keeps your place
// and a link can open a lecture on its fifth slide.

/** How a page is shown. */
export type DeckMode = "read" | "slides" | "presenter";

/** What the URL says about the deck: `slide` is 0-based, null when the URL names none. */
export interface DeckLocation {
  readonly mode: DeckMode;
  readonly slide: number | null;
}

const SLIDE_HASH = /^#slide-([1-9][0-9]*)$/;

/**
 * Reads the deck mode and slide from a URL. `?presenter` wins over `?slides`; a `#slide-N`
 * hash alone also opens the deck (it is a deep link into the slides).
 */
export function parseDeckUrl(href: string): DeckLocation {
  const url = new URL(href, "http://localhost/");
  const match = SLIDE_HASH.exec(url.hash);
  const slide = match ? Number.parseInt(match[1] ?? "", 10) - 1 : null;
  if (url.searchParams.has("presenter")) return { mode: "presenter", slide };
  if (url.searchParams.has("slides") || slide !== null) return { mode: "slides", slide };
  return { mode: "read", slide: null };
}

/**
 * The URL for a deck location, keeping the path and any other query parameters.
 * Reading mode drops the deck's parameters and a `#slide-N` hash (other hashes stay).
 */
export function deckUrl(href: string, location: DeckLocation): string {
  const url = new URL(href);
  url.searchParams.delete("slides");
  url.searchParams.delete("presenter");
  if (location.mode !== "read") url.searchParams.set(location.mode, "");
  if (location.mode === "read") {
    if (SLIDE_HASH.test(url.hash)) url.hash = "";
  } else {
    url.hash = location.slide === null ? "" : `#slide-${location.slide + 1}`;
  }
  // URLSearchParams writes `?slides=`; the bare flag reads better in an address bar.
  return url.toString().replace(/([?&])(slides|presenter)=(?=&|#|$)/, "$1$2");
}
