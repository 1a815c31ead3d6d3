// Chapter 6's backprop stepper as the room sees it: on its slide at 1280×720 (16:9) and at
// 1024×768 as a 4:3 deck, every step walked with →, the graph's text measured on screen (font
// size times every transform above it: the deck's scale and the drawing's viewBox) and every
// node's box checked against the drawing's box and the slide. Against the built site (dist/).
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  DIST,
  deckShown,
  launchBrowser,
  openWatchedPage,
  SCREENSHOT_DIR,
  type StaticServer,
  serveStatic,
} from "./harness.ts";

let browser: Browser;
let server: StaticServer;

before(async () => {
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const VIEW = "article.chapter > section.slide.is-current .graph-view";

/** The graph on the current slide at this step, as measured on screen. */
interface Measured {
  readonly position: number;
  /** Smallest node label and smallest value or gradient shown, px on screen. */
  readonly label: number;
  readonly value: number;
  /** Every other text of the drawing (op captions), px. */
  readonly other: number;
  /** Smallest text of the toolbar (step buttons, speed, position, toggles), px. */
  readonly toolbar: number;
  /** Nodes whose box reaches outside the drawing's box or the slide. */
  readonly outside: readonly string[];
  readonly scale: string;
  readonly overflow: string;
}

function measure(page: Page): Promise<Measured> {
  return page.$eval(VIEW, (view) => {
    const slide = view.closest("section") as HTMLElement;
    const canvas = (view.querySelector(".graph-canvas") as HTMLElement).getBoundingClientRect();
    const sides = slide.getBoundingClientRect();
    const size = { label: Infinity, value: Infinity, other: Infinity };
    for (const text of view.querySelectorAll<SVGTextElement>(".graph-svg text")) {
      if (!text.checkVisibility() || !text.textContent?.trim()) continue;
      const m = text.getScreenCTM();
      if (!m) continue;
      const px =
        Number.parseFloat(getComputedStyle(text).fontSize) * Math.sqrt(m.a * m.d - m.b * m.c);
      const role = text.classList.contains("label")
        ? "label"
        : text.matches(".value, .grad")
          ? "value"
          : "other";
      size[role] = Math.min(size[role], px);
    }
    // The toolbar's text: its computed size times the deck's scale (a box's width on screen
    // over its width in layout). (Inline: a named helper would not survive the page's eval.)
    let toolbar = Infinity;
    for (const el of view.querySelectorAll<HTMLElement>(".graph-toolbar *")) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
      if (!own || !el.checkVisibility() || el.offsetWidth === 0) continue;
      const scale = el.getBoundingClientRect().width / el.offsetWidth;
      toolbar = Math.min(toolbar, Number.parseFloat(getComputedStyle(el).fontSize) * scale);
    }
    const outside = [...view.querySelectorAll(".graph-svg g[data-node]")]
      .filter((g) => {
        const r = g.getBoundingClientRect();
        return [canvas, sides].some(
          (box) =>
            r.left < box.left - 1 ||
            r.right > box.right + 1 ||
            r.top < box.top - 1 ||
            r.bottom > box.bottom + 1,
        );
      })
      .map((g) => g.getAttribute("aria-label")?.split(":")[0] ?? "?");
    return {
      position: Number(view.getAttribute("data-position")),
      ...size,
      toolbar,
      outside,
      scale: slide.style.getPropertyValue("--slide-scale"),
      overflow: slide.dataset.overflow ?? "",
    };
  });
}

/** Opens chapter 6 as a deck on the stepper's slide, at the start of the stepper. */
async function openStepperSlide(page: Page, aspect: string): Promise<number> {
  await page.goto(`${server.url}/chapters/06-backpropagation/?slides${aspect}`);
  await deckShown(page);
  const slide = await page.$$eval(
    "article.chapter > section.slide",
    (s) => s.findIndex((x) => x.querySelector(".graph-view")) + 1,
  );
  await page.evaluate((n) => {
    location.hash = `#slide-${n}`;
  }, slide);
  await page.waitForSelector(`${VIEW} .graph-svg`);
  await page.waitForFunction(() => document.fonts.status === "loaded");
  const count = Number(
    (await page.locator(`${VIEW} .graph-position`).textContent())?.match(/of (\d+)/)?.[1],
  );
  assert.ok(count > 10, `the stepper has ${count} steps`);
  return count;
}

describe("chapter 6's stepper on a slide", () => {
  for (const [width, height, aspect, valueTarget] of [
    [1280, 720, "", 14],
    [1024, 768, "&aspect=4:3", 12],
  ] as const) {
    test(`${width}×${height}${aspect ? " (4:3)" : ""}: labels ≥ 14 px, values ≥ ${valueTarget} px, text ≥ 12 px, toolbar ≥ 14 px, every node on the slide, at every step`, async () => {
      const { page, errors } = await openWatchedPage(browser, server.url);
      await page.setViewportSize({ width, height });
      const count = await openStepperSlide(page, aspect);
      const seen: Measured[] = [];
      for (let step = 0; step <= count; step++) {
        // The drawing is laid out when the slide shows; then each → moves one step.
        await page.waitForFunction(
          ([sel, at]) => Number(document.querySelector(sel)?.getAttribute("data-position")) === at,
          [VIEW, step] as const,
          { polling: 20 },
        );
        const m = await measure(page);
        seen.push(m);
        assert.deepEqual(m.outside, [], `step ${step}: nodes off the drawing or the slide`);
        assert.ok(m.label >= 14, `step ${step}: a node label drawn at ${m.label.toFixed(1)} px`);
        assert.ok(
          m.value >= valueTarget,
          `step ${step}: a value drawn at ${m.value.toFixed(1)} px (target ${valueTarget})`,
        );
        assert.ok(m.other >= 12, `step ${step}: an op caption drawn at ${m.other.toFixed(1)} px`);
        assert.ok(m.toolbar >= 14, `step ${step}: toolbar text at ${m.toolbar.toFixed(1)} px`);
        assert.equal(m.overflow, "", `step ${step}: the slide overflows`);
        if (step === 1 || step === count - 2)
          await page.screenshot({
            path: join(SCREENSHOT_DIR, `graph-on-slide-${width}x${height}-step${step}.png`),
          });
        if (step < count) await page.keyboard.press("ArrowRight");
      }
      // One layout for the whole walk: the slide is never rescaled, the type never jumps.
      assert.equal(new Set(seen.map((m) => m.scale)).size, 1, "the slide was rescaled");
      assert.equal(new Set(seen.map((m) => m.value.toFixed(2))).size, 1, "the type size changed");
      const least = (k: "label" | "value" | "other" | "toolbar") =>
        Math.min(...seen.map((m) => m[k]));
      console.log(
        `${width}×${height}${aspect ? " 4:3" : ""}: labels ${least("label").toFixed(1)} px, values ${least("value").toFixed(1)} px, op captions ${least("other").toFixed(1)} px, toolbar ${least("toolbar").toFixed(1)} px over ${seen.length} steps`,
      );
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
