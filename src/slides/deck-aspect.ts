// The deck's shape: 16:9 unless the page's front matter (`aspect: 4:3`, on the article as
// data-aspect) or the address (`?aspect=4:3`, which wins: the projector in the room decides)
// asks for another. Every shape is 720 logical pixels tall, so the type scale holds in all of
// them; a 4:3 slide is narrower (960) instead of shorter, and fills a 4:3 projector.
import { SLIDE_HEIGHT } from "./stage-geometry.ts";

/** The aspect ratios a deck can take, as written in front matter and addresses. */
export const ASPECTS = ["16:9", "16:10", "4:3"] as const;
export type AspectName = (typeof ASPECTS)[number];

/** A deck shape: its name and its logical width in pixels. */
export interface DeckAspect {
  readonly name: AspectName;
  readonly width: number;
}

/** The shape called `name` ("4:3"), or null when it is not one of ASPECTS. */
export function parseAspect(name: string | null | undefined): DeckAspect | null {
  const found = ASPECTS.find((a) => a === name?.trim());
  if (!found) return null;
  const [w, h] = found.split(":").map(Number) as [number, number];
  return { name: found, width: Math.round((SLIDE_HEIGHT * w) / h) };
}

/** The shape for a page: `?aspect=` in `href` first, then the page's own, else 16:9. */
export function deckAspect(href: string, pageAspect?: string): DeckAspect {
  const asked = new URL(href, "http://localhost/").searchParams.get("aspect");
  return parseAspect(asked) ?? parseAspect(pageAspect) ?? (parseAspect("16:9") as DeckAspect);
}
