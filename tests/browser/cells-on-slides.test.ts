// Live coding on a slide, in Chromium against the built site (dist/): on every slide of a few
// decks that holds a cell with an Edit button, each cell's editor is opened as a lecturer would
// open it, at 1280×720 and at 1024×768 (4:3). The editor, its Run and Reset, and what the cell
// shows must all lie inside the slide, which must not scroll for them, with the code drawn at
// projection size. Then every exercise of two decks is driven through its states (a wrong
// Check, every hint, the solution, a right Check), a cell is made to throw and to loop for ever,
// and each state is measured: inside the slide, no scrolling, prose at 20 px or more, no text
// under 12 px. And keys typed in an editor on a slide stay in the editor until Esc.
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
import { measureCurrent, showSlide, slideHeldStill } from "./slide-survey.ts";

/** Decks with every kind of editable cell: controls, plots in `::: columns`, exercises, a lab. */
const DECKS = [
  "/chapters/02-neurons-activations/",
  "/chapters/11-perspective/",
  "/labs/gradient-check/",
];

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

/** Every way the current slide breaks the type scale or its edges, for `what` (runs in Node). */
async function slideProblems(page: Page, what: string): Promise<string[]> {
  await slideHeldStill(page);
  const m = await page.evaluate(measureCurrent);
  const scrolls = await page.evaluate(() => {
    const s = document.querySelector<HTMLElement>("section.slide.is-current");
    return s ? s.scrollHeight - s.clientHeight : 0;
  });
  const found: string[] = [];
  if (m.outside.length)
    found.push(`${what}: outside the slide: ${m.outside.slice(0, 3).join(" | ")}`);
  if (scrolls > 1) found.push(`${what}: the slide scrolls ${scrolls} px`);
  if (m.smallest < 12) found.push(`${what}: "${m.smallestText}" drawn at ${m.smallest} px`);
  if (m.proseSmallest > 0 && m.proseSmallest < 20)
    found.push(`${what}: prose drawn at ${m.proseSmallest} px`);
  if (found.length)
    await page.screenshot({
      path: join(SCREENSHOT_DIR, "cells", `${what.replace(/[^a-z0-9]+/gi, "-")}.png`),
    });
  return found;
}

describe("exercises and errors on a slide stay inside it at projection size", () => {
  before(async () => {
    browser = await launchBrowser();
    server = await serveStatic(DIST);
    mkdirSync(join(SCREENSHOT_DIR, "cells"), { recursive: true });
    // measureCurrent names inner helpers; tsx wraps named functions in __name.
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const deck of ["/chapters/01-feature-learning/", "/chapters/11-perspective/"])
    for (const screen of SCREENS)
      it(`${deck} at ${screen.width}×${screen.height}${screen.aspect ? ` (${screen.aspect})` : ""}: each exercise after a wrong Check and every hint, with its solution shown, and after a right Check`, async () => {
        const { page, errors } = await openWatchedPage(browser, server.url);
        await page.setViewportSize({ width: screen.width, height: screen.height });
        await page.goto(
          `${server.url}${deck}?slides${screen.aspect ? `&aspect=${screen.aspect}` : ""}`,
        );
        await deckShown(page);
        await page.evaluate("globalThis.__name ??= (f) => f");
        const slides = await page.$$eval("article.chapter > section.slide", (sections) =>
          sections.flatMap((s, i) =>
            s.querySelector(".exercise:not(.predict)[data-answer]") ? [i + 1] : [],
          ),
        );
        assert.ok(slides.length > 0, `${deck} has exercises on its slides`);
        const problems: string[] = [];
        for (const n of slides) {
          await showSlide(page, n);
          await page.waitForFunction(
            () =>
              [...document.querySelectorAll("section.slide.is-current .exercise-answer")].every(
                (bar) => bar.querySelector(".cm-line"),
              ),
            undefined,
            { polling: 50 },
          );
          const ids = await page.$$eval(
            "section.slide.is-current .exercise:not(.predict)[data-answer]",
            // One in a `::: reading` block is the reading page's alone.
            (blocks) =>
              blocks.flatMap((b) =>
                b.checkVisibility() ? [(b as HTMLElement).dataset.exercise ?? ""] : [],
              ),
          );
          for (const id of ids) {
            const where = `${deck.split("/")[2]}-${n}-${id}-${screen.width}x${screen.height}`;
            const block = page.locator(`#exercise-${id}`);
            await block.locator(".exercise-check").click();
            await page.waitForFunction(
              (x) =>
                /^[✗✓]/.test(
                  document.querySelector(`#exercise-${x} .exercise-result`)?.textContent ?? "",
                ),
              id,
            );
            const hint = block.locator(".exercise-hint");
            while ((await hint.count()) > 0 && !(await hint.isDisabled())) await hint.click();
            problems.push(...(await slideProblems(page, `${where} checked, every hint`)));
            if ((await block.locator(".exercise-solution-button").count()) === 0) continue;
            await block.locator(".exercise-solution-button").click();
            await block.locator(".exercise-solution pre").waitFor();
            problems.push(...(await slideProblems(page, `${where} solution shown`)));
            await block.locator(".exercise-use-solution").click();
            // The exercise's cell runs again with the solution: a fresh block, no verdict yet.
            await page.waitForFunction(
              (x) => !document.querySelector(`#exercise-${x} .exercise-result`)?.textContent,
              id,
            );
            await block.locator(".exercise-check").click();
            await page.waitForFunction(
              (x) =>
                document
                  .querySelector(`#exercise-${x} .exercise-result`)
                  ?.textContent?.startsWith("✓"),
              id,
            );
            problems.push(...(await slideProblems(page, `${where} right`)));
          }
        }
        assert.deepEqual(problems, []);
        assert.deepEqual(errors, []);
        await page.close();
      });

  for (const screen of SCREENS)
    it(`${screen.width}×${screen.height}${screen.aspect ? ` (${screen.aspect})` : ""}: a cell that throws, then loops for ever, shows its message in place, readable, inside the slide; keys stay in the editor until Esc`, async () => {
      const { page } = await openWatchedPage(browser, server.url);
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await page.goto(
        `${server.url}/chapters/02-neurons-activations/?slides${screen.aspect ? `&aspect=${screen.aspect}` : ""}`,
      );
      await deckShown(page);
      await page.evaluate("globalThis.__name ??= (f) => f");
      // "One unit draws a line": a plot beside its controls (::: columns).
      const n = await page.$$eval(
        "article.chapter > section.slide",
        (sections) =>
          sections.findIndex((s) => s.querySelector("h2")?.textContent?.includes("draws a line")) +
          1,
      );
      assert.ok(n > 0, "chapter 2 has its slide of the unit's line");
      await showSlide(page, n);
      const current = page.locator("section.slide.is-current");
      const bar = current.locator(".cell-edit-bar:not(.cell-edit-grouped)").first();
      await toggleEditor(bar);
      const content = bar.locator(".cm-content");
      await content.waitFor();
      await content.focus();
      // → and Space move the cursor and type: the deck stays on its slide.
      await page.keyboard.press("ControlOrMeta+Home");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.type(" ");
      assert.equal(await page.evaluate(() => location.hash), `#slide-${n}`);
      assert.match(String(await bar.locator(".cm-line").first().textContent()), /^\/\/ /);
      const problems: string[] = [];
      const where = `02-${n}-${screen.width}x${screen.height}`;
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.insertText('throw new Error("the projector says no")');
      await page.keyboard.press("Shift+Enter");
      await current
        .locator(".cell-error-message")
        .filter({ hasText: "projector says no" })
        .waitFor();
      problems.push(...(await slideProblems(page, `${where} throws`)));
      await content.focus();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.insertText("let i = 0;\nwhile (true) i++;");
      await page.keyboard.press("Shift+Enter");
      await current
        .locator(".cell-error-message")
        .filter({ hasText: "stopped after" })
        .waitFor({ timeout: 20_000 });
      problems.push(...(await slideProblems(page, `${where} loop stopped`)));
      assert.deepEqual(problems, []);
      // Esc hands the keys back to the deck: → then turns the slide.
      await content.focus();
      await page.keyboard.press("Escape");
      // A completion list open under the cursor takes the first Esc (it closes); the next leaves.
      const inEditor = () =>
        page.evaluate(() => document.activeElement?.closest(".cm-editor") !== null);
      if (await inEditor()) await page.keyboard.press("Escape");
      assert.equal(await inEditor(), false, "Esc leaves the editor");
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction((k) => location.hash === `#slide-${k + 1}`, n, { polling: 50 });
      // The deck's help says so.
      assert.match(
        String(await page.locator(".deck-help").textContent()),
        /Esc\s*in a text box or code editor: hand the keys back to the deck/,
      );
      await page.close();
    });
});
