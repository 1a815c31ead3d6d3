// Plots on a slide (the built chapter 3, dist/ from `node --import tsx build.mjs`): a plot
// takes the room the slide's prose leaves it, width and height, with every label at 14 px or
// more on a 1280×720 projector; back on the reading page a plot takes the size its cell asked
// for again.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { DIST, deckShown, openWatchedPage, SCREENSHOT_DIR, useDeckFixture } from "./harness.ts";

const CHAPTER3 = "/chapters/03-one-hidden-layer/";
const POLL = { polling: 50, timeout: 20_000 };

const deck = useDeckFixture({ dir: DIST, needs: CHAPTER3 });

/** Shows the deck's slide (1-based) holding the first element that matches `selector`. */
async function showSlideWith(page: Page, selector: string): Promise<number> {
  const index = await page.$$eval(
    "article.chapter > section.slide",
    (sections, wanted) => sections.findIndex((s) => s.querySelector(wanted)) + 1,
    selector,
  );
  assert.ok(index > 0, `a slide holds ${selector}`);
  await page.evaluate((n) => {
    location.hash = `#slide-${n}`;
  }, index);
  await page.waitForFunction(
    (n) =>
      document
        .querySelectorAll("article.chapter > section.slide")
        [n - 1]?.classList.contains("is-current"),
    index,
    POLL,
  );
  return index;
}

/** What a plot on the current slide looks like on screen. */
interface PlotBox {
  figure: { left: number; top: number; width: number; height: number };
  drawing: { width: number; height: number };
  /** The smallest label, in screen pixels (font size times every scale above it). */
  smallestLabel: number;
}

/** Waits until every plot on the current slide is drawn at its slide size, then measures. */
async function plotsOnSlide(page: Page, selector: string): Promise<PlotBox[]> {
  await page.waitForFunction(
    (wanted) => {
      const figures = document.querySelectorAll<HTMLElement>(
        `article.chapter > section.is-current ${wanted}`,
      );
      if (figures.length === 0) return false;
      return Array.from(figures).every((f) => {
        const svg = f.querySelector("svg");
        if (!svg || !f.dataset.slideSize) return false;
        // Drawn at the size the figure asked for (Vega renders asynchronously).
        const [w] = f.dataset.slideSize.split("x").map(Number);
        return Math.abs(Number(svg.getAttribute("width")) - (w ?? 0)) <= 1;
      });
    },
    selector,
    POLL,
  );
  return page.$$eval(`article.chapter > section.is-current ${selector}`, (figures) =>
    figures.map((f) => {
      const box = f.getBoundingClientRect();
      const svg = f.querySelector("svg") as SVGSVGElement;
      const drawn = svg.getBoundingClientRect();
      let smallest = Number.POSITIVE_INFINITY;
      for (const text of svg.querySelectorAll("text")) {
        if (!text.textContent?.trim()) continue;
        const m = text.getScreenCTM();
        const scale = m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 1;
        smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(text).fontSize) * scale);
      }
      return {
        figure: { left: box.left, top: box.top, width: box.width, height: box.height },
        drawing: { width: drawn.width, height: drawn.height },
        smallestLabel: smallest,
      };
    }),
  );
}

describe("plots on a slide", () => {
  test("a plot fills the room below the slide's text, labels at 14 px or more", async () => {
    const watched = await openWatchedPage(deck.browser, deck.server.url);
    const { page } = watched;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${deck.server.url}${CHAPTER3}?slides`);
    await deckShown(page);
    await showSlideWith(page, ".cell > figure.plot");
    const [plot] = await plotsOnSlide(page, ".cell > figure.plot");
    assert.ok(plot);
    const slide = await page.$eval("section.is-current", (s) => {
      const box = s.getBoundingClientRect();
      const style = getComputedStyle(s);
      return {
        width: box.width,
        contentWidth: box.width - Number.parseFloat(style.paddingLeft) * 2,
        overflow: (s as HTMLElement).dataset.overflow ?? "",
      };
    });
    assert.equal(slide.overflow, "", "the slide fits at full size");
    // The whole column's width, and the drawing fills the figure's box.
    assert.ok(
      plot.figure.width >= slide.contentWidth - 2,
      `figure ${plot.figure.width} px wide in a ${slide.contentWidth} px column`,
    );
    assert.ok(plot.drawing.width >= plot.figure.width - 4, `drawing ${plot.drawing.width} px wide`);
    assert.ok(
      Math.abs(plot.drawing.height - plot.figure.height) <= 4,
      `drawing ${plot.drawing.height} px tall in a ${plot.figure.height} px room`,
    );
    // The room is what the slide leaves: the text below the plot ends near the slide's bottom.
    const bottom = await page.$eval("section.is-current", (s) => {
      const children = Array.from(s.children).filter((c) => (c as HTMLElement).offsetHeight > 0);
      const last = children[children.length - 1] as HTMLElement;
      return {
        last: last.getBoundingClientRect().bottom,
        slide:
          s.getBoundingClientRect().bottom - Number.parseFloat(getComputedStyle(s).paddingBottom),
      };
    });
    assert.ok(
      bottom.slide - bottom.last < 40,
      `the slide's content ends ${bottom.slide - bottom.last} px above its bottom`,
    );
    assert.ok(plot.smallestLabel >= 14, `smallest label ${plot.smallestLabel} px`);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/slides-plot-fills-1280.png` });

    // Back on the reading page the plot takes the size its cell asked for.
    await page.keyboard.press("Escape");
    await page.waitForFunction(
      () => !document.body.classList.contains("deck-mode"),
      undefined,
      POLL,
    );
    await page.waitForFunction(
      () => {
        const figure = document.querySelector<HTMLElement>(".cell > figure.plot");
        const svg = figure?.querySelector("svg");
        return (
          figure && !figure.dataset.slideSize && svg && Number(svg.getAttribute("height")) < 300
        );
      },
      undefined,
      POLL,
    );
    assert.deepEqual(watched.errors, [], `no console errors: ${watched.errors.join("; ")}`);
    await page.close();
  });
});
