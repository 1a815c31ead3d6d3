// Live coding on a slide, in Chromium against the built site (dist/): on every slide of a few
// decks that holds a cell with an Edit button, each cell's editor is opened as a lecturer would
// open it, at 1280×720 and at 1024×768 (4:3). The editor, its Run and Reset, and what the cell
// shows must all lie inside the slide, which must not scroll for them, with the code drawn at
// projection size.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import {
  DIST,
  deckShown,
  launchBrowser,
  openWatchedPage,
  SCREENSHOT_DIR,
  type StaticServer,
  serveStatic,
} from "./harness.ts";
import { slideHeldStill } from "./slide-survey.ts";

/** Decks with every kind of editable cell: controls, plots in `::: columns`, exercises, a lab. */
const DECKS = ["/chapters/02-neurons-activations/", "/labs/gradient-check/"];

const SCREENS = [
  { width: 1280, height: 720, aspect: "" },
  { width: 1024, height: 768, aspect: "4:3" },
];

/** The smallest code a lecture hall can read (the type scale's 14 px for what cells show). */
const CODE_FLOOR = 14;

let browser: Browser;
let server: StaticServer;

/** What one open editor measures on its slide. */
interface EditorOnSlide {
  title: string;
  code: number;
  scrolls: number;
  outside: string[];
}

/** Measures the open editor in `bar` and its slide (runs in the page). */
function measureEditor(bar: Element): EditorOnSlide {
  const slide = bar.closest<HTMLElement>("section.slide");
  if (!slide) throw new Error("the editor is not on a slide");
  const box = slide.getBoundingClientRect();
  const scale = box.width / slide.offsetWidth;
  const line = bar.querySelector(".cm-line");
  const parts: [string, Element | null][] = [
    ["editor", bar.querySelector(".cm-editor")],
    ["Run", bar.querySelector(".cell-editor-run")],
    ["Reset", bar.querySelector(".cell-editor-reset")],
    ["the cell's output", bar.nextElementSibling?.matches(".cell") ? bar.nextElementSibling : null],
  ];
  const outside = parts
    .filter(([, el]) => {
      if (!el) return false;
      const r = el.getBoundingClientRect();
      if (r.height === 0) return false;
      return (
        r.top < box.top - 1 ||
        r.bottom > box.bottom + 1 ||
        r.left < box.left - 1 ||
        r.right > box.right + 1
      );
    })
    .map(([what]) => what);
  return {
    title: slide.querySelector("h2")?.textContent?.replace(/#$/, "").trim() ?? "",
    code: line
      ? Math.round(Number.parseFloat(getComputedStyle(line).fontSize) * scale * 10) / 10
      : 0,
    scrolls: slide.scrollHeight - slide.clientHeight,
    outside,
  };
}

/** Opens `deck` as slides on `screen`, on slide `n`. */
async function showSlide(page: Page, n: number): Promise<void> {
  await page.evaluate((k) => {
    location.hash = `#slide-${k}`;
  }, n);
  await page.waitForFunction(
    (k) =>
      document
        .querySelectorAll("article.chapter > section.slide")
        [k - 1]?.classList.contains("is-current"),
    n,
    { polling: 50 },
  );
}

/** Clicks the bar's Edit (shown on hover; a lecturer may point at it or Tab to it). */
async function toggleEditor(bar: Locator): Promise<void> {
  await bar.locator(".cell-edit-button").focus();
  await bar.locator(".cell-edit-button").press("Enter");
}

describe("live coding on a slide: every cell's editor stays inside its slide", () => {
  before(async () => {
    browser = await launchBrowser();
    server = await serveStatic(DIST);
    mkdirSync(join(SCREENSHOT_DIR, "cells"), { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const deck of DECKS)
    for (const screen of SCREENS)
      it(`${deck} at ${screen.width}×${screen.height}${screen.aspect ? ` (${screen.aspect})` : ""}: editor, Run, Reset and output inside the slide, code at ${CODE_FLOOR} px or more, no scrolling`, async () => {
        const { page, errors } = await openWatchedPage(browser, server.url);
        await page.setViewportSize({ width: screen.width, height: screen.height });
        await page.goto(
          `${server.url}${deck}?slides${screen.aspect ? `&aspect=${screen.aspect}` : ""}`,
        );
        await deckShown(page);
        // Slides with a cell a lecturer can open: its Edit is laid out (not a silent cell's).
        const slides = await page.$$eval("article.chapter > section.slide", (sections) =>
          sections.flatMap((s, i) =>
            s.querySelector(".cell-edit-bar:not(.cell-edit-grouped)") ? [i + 1] : [],
          ),
        );
        assert.ok(slides.length > 0, `${deck} has cells to edit on its slides`);
        const problems: string[] = [];
        let opened = 0;
        for (const n of slides) {
          await showSlide(page, n);
          const bars = page.locator(
            "section.slide.is-current .cell-edit-bar:not(.cell-edit-grouped)",
          );
          // An exercise opens its student's editor by itself when its slide shows.
          await page.waitForFunction(
            () =>
              [...document.querySelectorAll("section.slide.is-current .exercise-answer")].every(
                (bar) => bar.querySelector(".cm-line"),
              ),
            undefined,
            { polling: 50 },
          );
          const count = await bars.count();
          for (let i = 0; i < count; i++) {
            const bar = bars.nth(i);
            const shown = await bar.evaluate(
              (b) => b.querySelector(".cell-editor:not([hidden])") !== null,
            );
            // A cell that shows nothing has no Edit on a slide (nothing to point at).
            if (!shown && !(await bar.evaluate((b) => b.checkVisibility()))) continue;
            if (!shown) await toggleEditor(bar);
            await bar.locator(".cm-line").first().waitFor();
            await slideHeldStill(page);
            const m = await bar.evaluate(measureEditor);
            opened++;
            const where = `${deck}#slide-${n} "${m.title}", editor ${i + 1}`;
            if (m.outside.length)
              problems.push(`${where}: ${m.outside.join(", ")} outside the slide`);
            if (m.scrolls > 1) problems.push(`${where}: the slide scrolls ${m.scrolls} px`);
            if (m.code < CODE_FLOOR) problems.push(`${where}: code drawn at ${m.code} px`);
            if (m.outside.length || m.scrolls > 1)
              await page.screenshot({
                path: join(
                  SCREENSHOT_DIR,
                  "cells",
                  `editor-${deck.split("/")[2]}-${n}-${i + 1}-${screen.width}x${screen.height}.png`,
                ),
              });
            // Closed again, so the next cell is opened on the slide as its room first sees it.
            if (!shown) {
              await toggleEditor(bar);
              await bar.locator(".cell-editor").waitFor({ state: "hidden" });
              await slideHeldStill(page);
            }
          }
        }
        console.log(`${deck} ${screen.width}×${screen.height}: ${opened} editors opened`);
        assert.ok(opened > 0, `${deck}: no editor was opened`);
        assert.deepEqual(problems, []);
        assert.deepEqual(errors, []);
        await page.close();
      });
});
