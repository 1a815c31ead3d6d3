// Screen readers hear each slide change ("Slide 3 of 12: The chain rule"). The region must be
// in the page before the first announcement, so it is made when the deck is installed.

/** Finds or creates the deck's polite status region in `doc.body`. */
export function ensureLiveRegion(doc: Document): HTMLElement {
  const existing = doc.querySelector<HTMLElement>(".deck-live");
  if (existing) return existing;
  const region = doc.createElement("div");
  region.className = "deck-live";
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  region.setAttribute("aria-atomic", "true");
  doc.body.append(region);
  return region;
}

/** The announcement for a slide: "Slide 3 of 12: The chain rule". */
export function slideAnnouncement(slide: number, count: number, title: string): string {
  return `Slide ${slide + 1} of ${count}: ${title}`;
}
