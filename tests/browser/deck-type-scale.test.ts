// The projection type scale, deck by deck: every slide of every chapter and lab is walked at
// 1280×720 (a common projector) and at 1024×768 as a 4:3 deck, and the size each text run is
// drawn at is measured on screen. The figures are printed per deck. A deck re-cut for the
// projector (ON_SCALE) must fit every slide at full size, show its prose at 20 px or more and
// every other text at 12 px or more; a failure names each slide by its `file:line`. The other
// decks print what still breaks the scale (`npm run check:slides` lists it too), so the list
// only grows.
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  DIST,
  launchBrowser,
  openWatchedPage,
  SCREENSHOT_DIR,
  type StaticServer,
  serveStatic,
} from "./harness.ts";
import {
  deckPaths,
  printProblems,
  type SlideSurvey,
  scaleProblems,
  surveyDeck,
} from "./slide-survey.ts";

/** Decks re-cut so that every slide fits at full size and keeps the type scale. */
const ON_SCALE = new Set([
  "/labs/graph-sandbox/",
  "/chapters/01-feature-learning/",
  "/chapters/02-neurons-activations/",
  "/chapters/03-one-hidden-layer/",
  "/chapters/06-backpropagation/",
  "/chapters/07-forward-reverse-mode/",
  "/chapters/04-mlp-outputs-losses/",
  "/chapters/05-chain-rule/",
  "/chapters/08-training-in-practice/",
  "/chapters/09-convolutional-networks/",
  "/chapters/10-kernels/",
  "/chapters/11-perspective/",
  "/labs/gradient-check/",
  "/labs/fit-playground/",
  "/labs/backprop-by-hand/",
  "/labs/convolution-lab/",
]);

let browser: Browser;
let server: StaticServer;

before(async () => {
  if (!existsSync(`${DIST}/index.html`)) {
    throw new Error(`${DIST}/index.html is missing: run \`node --import tsx build.mjs\` first`);
  }
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** One line of the printed table. */
function row(deck: string, surveys: readonly SlideSurvey[]): string {
  const smallest = Math.min(...surveys.map((s) => s.smallest).filter((s) => s > 0));
  const prose = surveys.map((s) => s.proseMedian).filter((m) => m > 0);
  prose.sort((a, b) => a - b);
  const median = prose[Math.floor(prose.length / 2)] ?? 0;
  const under = surveys.filter(
    (s) => (s.smallest > 0 && s.smallest < 14) || (s.proseSmallest > 0 && s.proseSmallest < 24),
  ).length;
  const over = surveys.filter((s) => s.overflow.x > 0 || s.overflow.y > 0).length;
  return [
    deck.padEnd(36),
    String(surveys.length).padStart(6),
    smallest.toFixed(1).padStart(9),
    median.toFixed(1).padStart(13),
    String(under).padStart(15),
    String(over).padStart(9),
  ].join(" ");
}

/**
 * Walks every deck at the page's viewport; returns the problems of the ON_SCALE decks and of
 * any slide not drawn at `screen` size.
 */
async function walkAll(
  page: Page,
  label: string,
  screen: { width: number; height: number },
  { aspect }: { aspect?: string } = {},
): Promise<string[]> {
  const decks = await deckPaths(page, server.url);
  assert.ok(decks.length >= 10, `the site lists ${decks.length} decks`);
  for (const deck of ON_SCALE) assert.ok(decks.includes(deck), `${deck} is on the site`);
  const lines = [
    label,
    `${"deck".padEnd(36)} ${"slides".padStart(6)} ${"smallest".padStart(9)} ${"prose median".padStart(13)} ${"under 24/14 px".padStart(15)} ${"too full".padStart(9)}`,
  ];
  const found: string[] = [];
  for (const deck of decks) {
    const surveys = await surveyDeck(page, server.url + deck, aspect);
    lines.push(row(deck, surveys) + (ON_SCALE.has(deck) ? "" : "   (not yet re-cut)"));
    if (ON_SCALE.has(deck)) found.push(...scaleProblems(deck, surveys));
    for (const s of surveys) {
      if (Math.abs(s.box.width - screen.width) > 1 || Math.abs(s.box.height - screen.height) > 1)
        found.push(`${s.source}: drawn ${s.box.width}×${s.box.height}, not filling the screen`);
    }
  }
  console.log(lines.join("\n"));
  return found;
}

describe("projection type scale on every deck", () => {
  test("1280×720: every re-cut deck fits each slide, prose ≥ 20 px, other text ≥ 12 px", async () => {
    const { page, errors } = await openWatchedPage(browser, server.url);
    await page.setViewportSize({ width: 1280, height: 720 });
    const found = await walkAll(page, "1280×720, 16:9", { width: 1280, height: 720 });
    await page.goto(`${server.url}/labs/graph-sandbox/?slides#slide-3`);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/deck-scale-graph-sandbox-1280.png` });
    await page.close();
    assert.deepEqual(found, [], found.join("\n"));
    assert.deepEqual(errors, []);
  });

  test("1024×768 with aspect 4:3: every slide fills the screen; every re-cut deck fits each slide on the scale", async () => {
    const { page, errors } = await openWatchedPage(browser, server.url);
    await page.setViewportSize({ width: 1024, height: 768 });
    // A narrower slide wraps more lines: every re-cut deck must fit there too, at full size.
    const found = await walkAll(
      page,
      "1024×768, 4:3",
      { width: 1024, height: 768 },
      {
        aspect: "4:3",
      },
    );
    await page.goto(`${server.url}/labs/graph-sandbox/?slides&aspect=4:3#slide-3`);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/deck-scale-graph-sandbox-1024-4x3.png` });
    await page.close();
    assert.deepEqual(found, [], found.join("\n"));
    assert.deepEqual(errors, []);
  });

  test("printing every deck puts each slide on one page, every element inside it", async () => {
    const { page, errors } = await openWatchedPage(browser, server.url);
    await page.setViewportSize({ width: 1280, height: 720 });
    const found: string[] = [];
    for (const deck of await deckPaths(page, server.url)) {
      const printed = await printProblems(page, server.url + deck);
      found.push(...printed.problems);
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString(
        "latin1",
      );
      // The page tree may be nested: its root holds the largest count.
      const pages = Math.max(...[...pdf.matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1])));
      if (pages !== printed.slides)
        found.push(`${deck}: ${printed.slides} slides printed on ${pages} pages`);
    }
    await page.close();
    assert.deepEqual(found, [], found.join("\n"));
    assert.deepEqual(errors, []);
  });
});
