// Which windows steer each other: an audience window and the presenter window it opened, and no
// one else. Each audience tab draws a pairing id (kept in its sessionStorage, so a reload keeps
// it, while another tab draws its own) and gives it to its presenter window in the address
// (`?presenter&pair=…`, which a reload of that window keeps too). The sync channel is named for
// the chapter and the pair, so two tabs of the same deck never turn each other's slides.

const STORAGE_KEY = "backprop-deck-pair";

function randomId(): string {
  return Math.random().toString(36).slice(2, 10);
}

/** The audience tab's pairing id (made on first use). */
export function audiencePair(view: Window): string {
  try {
    const saved = view.sessionStorage.getItem(STORAGE_KEY);
    if (saved) return saved;
    const id = randomId();
    view.sessionStorage.setItem(STORAGE_KEY, id);
    return id;
  } catch {
    return randomId(); // no storage: pairs until the next reload
  }
}

/** The presenter window's pairing id, from its address; null when it was opened by hand. */
export function presenterPair(href: string): string | null {
  const pair = new URL(href).searchParams.get("pair");
  return pair && /^[a-z0-9]{1,32}$/i.test(pair) ? pair : null;
}

/** `href` with its `pair` parameter set to `pair`. */
export function withPair(href: string, pair: string): string {
  const url = new URL(href);
  url.searchParams.set("pair", pair);
  return url.toString().replace(/([?&])(slides|presenter)=(?=&|#|$)/, "$1$2");
}
