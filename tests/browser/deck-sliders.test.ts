// Sliders a lecturer can drag: on every slide that shows one, each slider (a range input) of the
// decks below is at least MIN_SLIDER pixels long on screen, at 1280×720 and at 1024×768 as a 4:3
// deck. The type scale alone does not catch a squeezed slider: three controls to a row once left
// each one ~40 px of track beside its label and number box, a target no pointer hits from the
// lectern. A failure names the slide by its `file:line` and the slider by its label.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  DIST,
  deckShown,
  launchBrowser,
  openWatchedPage,
  type StaticServer,
  serveStatic,
} from "./harness.ts";
import { showSlide, slideHeldStill } from "./slide-survey.ts";

/**
 * The shortest track a slider may have on screen, in pixels: two sliders to a row of a 4:3 slide
 * leave 130–145 px beside their labels and number boxes, where three to a row left 40–75.
 */
const MIN_SLIDER = 120;

/** Decks whose controls were laid out for the projector. */
const DECKS = [
  "/chapters/07-forward-reverse-mode/",
  "/chapters/08-training-in-practice/",
  "/chapters/09-convolutional-networks/",
  "/chapters/10-kernels/",
  "/chapters/11-perspective/",
  "/labs/gradient-check/",
];

const SCREENS = [
  { name: "16:9", viewport: { width: 1280, height: 720 }, query: "?slides" },
  { name: "4:3", viewport: { width: 1024, height: 768 }, query: "?slides&aspect=4:3" },
];

let browser: Browser;
let server: StaticServer;

before(async () => {
  if (!existsSync(`${DIST}/chapters/07-forward-reverse-mode/index.html`)) {
    throw new Error(`${DIST} is missing the chapters: run \`node --import tsx build.mjs\` first`);
  }
  server = await serveStatic(DIST);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Each slider of the current slide: its label and its drawn width. */
function slidersShown(page: Page): Promise<{ label: string; width: number }[]> {
  return page.$$eval("article.chapter > section.slide.is-current input[type=range]", (inputs) =>
    inputs.map((input) => ({
      label: input.closest("form")?.querySelector("label")?.textContent?.trim() ?? "(no label)",
      width: input.getBoundingClientRect().width,
    })),
  );
}

describe("sliders on slides are long enough to drag", () => {
  for (const screen of SCREENS) {
    test(`every slider is at least ${MIN_SLIDER} px at ${screen.name}`, async () => {
      const { page } = await openWatchedPage(browser, server.url);
      await page.setViewportSize(screen.viewport);
      const short: string[] = [];
      const figures: string[] = [];
      try {
        for (const deck of DECKS) {
          await page.goto(server.url + deck + screen.query);
          await deckShown(page);
          // The slides that hold a slider (cells run on every slide, shown or not).
          const withSliders = await page.$$eval("article.chapter > section.slide", (slides) =>
            slides.flatMap((s, i) =>
              s.querySelector("input[type=range]")
                ? [{ n: i + 1, source: s.getAttribute("data-source") ?? `slide ${i + 1}` }]
                : [],
            ),
          );
          for (const { n, source } of withSliders) {
            await showSlide(page, n);
            await slideHeldStill(page);
            for (const { label, width } of await slidersShown(page)) {
              figures.push(`${source} ${label}: ${width.toFixed(0)} px`);
              if (width < MIN_SLIDER) short.push(`${source}: “${label}” is ${width.toFixed(0)} px`);
            }
          }
        }
      } finally {
        await page.close();
      }
      console.log(`sliders at ${screen.name}:\n  ${figures.join("\n  ")}`);
      assert.ok(figures.length > 0, "the decks show sliders");
      assert.deepEqual(short, [], `sliders shorter than ${MIN_SLIDER} px at ${screen.name}`);
    });
  }
});
