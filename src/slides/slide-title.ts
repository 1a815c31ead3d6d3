// What to call a slide in the announcement, the overview and the presenter's "next" panel.

const MAX_LENGTH = 80;

/** The slide's first heading, or failing that the start of its text, or "Slide N". */
export function slideTitle(slide: Element, index: number): string {
  const heading = slide.querySelector("h1, h2, h3, h4");
  const text = (heading ?? slide.querySelector("p, li"))?.textContent ?? "";
  const clean = text
    .replace(/\s+/g, " ")
    .replace(/[¶#]\s*$/, "")
    .trim();
  if (clean === "") return `Slide ${index + 1}`;
  return clean.length > MAX_LENGTH ? `${clean.slice(0, MAX_LENGTH - 1)}…` : clean;
}
