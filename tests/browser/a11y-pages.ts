// Opening the built site's pages for the accessibility tests: which pages there are, and
// waiting until a page has drawn everything a reader (or axe) would meet on it.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

/** Every page of a built site, as URL paths ("" for the index). */
export function pagesOf(dist: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === "assets") continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else if (name === "index.html") found.push(prefix);
    }
  };
  walk(dist, "");
  return found;
}

/** Two animation frames: long enough for a layout change (theme, width) to be painted. */
export function nextPaint(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/**
 * Waits until every cell has shown a first value, every plot is drawn (those far below are
 * drawn once the page is idle; in a deck, those on its slide) and the fonts are in.
 */
export async function settled(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => window.__notebook === undefined || window.__notebook.settledAt !== undefined,
    undefined,
    { timeout },
  );
  // A deck draws the plots on the slide it shows; the reading page draws them all.
  const deck = await page.evaluate(() => document.body.classList.contains("deck-mode"));
  await page.waitForFunction(
    (deck) =>
      deck || [...document.querySelectorAll("figure.plot")].every((f) => f.querySelector("svg")),
    deck,
    { timeout },
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await nextPaint(page);
}

/** Goes to slide `n` (1-based) the way a presenter does: its number, then Enter. */
export async function goToSlide(page: Page, n: number): Promise<void> {
  await page.keyboard.type(String(n));
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    (i) =>
      document
        .querySelectorAll("article.chapter > section.slide")
        [i - 1]?.classList.contains("is-current"),
    n,
  );
  await nextPaint(page);
}
