// The lecturer's pointer tools on the fixture deck: laser (l), pen (d), eraser (e), clear (x),
// zoom (z or Alt+click), printing the drawings on request (k), Esc putting a tool down, the
// presenter window mirroring the marks, and no zoom animation under prefers-reduced-motion.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { deckShown, POLL, SCREENSHOT_DIR, useDeckFixture, type WatchedPage } from "./harness.ts";

const deck = useDeckFixture();

/** The fixture deck at `path` on a 1280×720 projector, watched for errors. */
const openDeck = (path = "/?slides#slide-1"): Promise<WatchedPage> => deck.open(path);

const strokes = (page: Page) =>
  page.$$eval("section.is-current > .slide-ink path", (paths) => paths.length);

/** Draws a line across the current slide with the mouse. */
async function drawLine(page: Page, y: number): Promise<void> {
  await page.mouse.move(300, y);
  await page.mouse.down();
  for (let x = 320; x <= 900; x += 40) await page.mouse.move(x, y);
  await page.mouse.up();
}

describe("laser, pen and zoom", () => {
  test("l shows a laser dot where the pointer is; l again puts it away", async () => {
    const { page, errors } = await openDeck();
    await page.keyboard.press("l");
    await page.mouse.move(640, 300);
    const dot = await page.waitForSelector("section.is-current > .deck-laser:not([hidden])");
    const box = await dot.boundingBox();
    assert.ok(
      box &&
        Math.abs(box.x + box.width / 2 - 640) < 3 &&
        Math.abs(box.y + box.height / 2 - 300) < 3,
    );
    await page.keyboard.press("l");
    assert.equal(await page.isVisible(".deck-laser"), false);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("d draws, kept per slide; e erases; x clears; Esc puts the pen down, then leaves", async () => {
    const { page, errors } = await openDeck("/?slides#slide-2");
    await page.keyboard.press("d");
    await drawLine(page, 200);
    await drawLine(page, 500);
    assert.equal(await strokes(page), 2);
    assert.equal(
      await page.inputValue("#typing"),
      "",
      "the pen did not touch the slide's controls",
    );
    await page.screenshot({ path: `${SCREENSHOT_DIR}/slides-tools-pen-1280.png` });
    await page.keyboard.press("PageDown");
    assert.equal(await strokes(page), 0, "the next slide has its own (empty) drawing");
    await page.keyboard.press("PageUp");
    assert.equal(await strokes(page), 2, "coming back, the drawing is still there");
    await page.keyboard.press("e");
    await page.mouse.move(600, 195);
    await page.mouse.down();
    await page.mouse.move(610, 205);
    await page.mouse.up();
    assert.equal(await strokes(page), 1, "the eraser took the stroke it touched");
    await page.keyboard.press("x");
    assert.equal(await strokes(page), 0);
    await page.keyboard.press("Escape");
    assert.equal(
      await page.evaluate(() => document.body.classList.contains("deck-mode")),
      true,
      "Esc first puts the eraser down",
    );
    assert.equal(
      await page.evaluate(() => document.body.classList.contains("deck-tool-erase")),
      false,
    );
    await page.keyboard.press("Escape");
    assert.equal(await page.evaluate(() => document.body.classList.contains("deck-mode")), false);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("drawings print only when asked (k)", async () => {
    const { page, errors } = await openDeck("/?slides#slide-2");
    await page.keyboard.press("d");
    await drawLine(page, 300);
    await page.emulateMedia({ media: "print" });
    const shown = () =>
      page.$eval("section.is-current > .slide-ink", (s) => getComputedStyle(s).display);
    assert.equal(await shown(), "none");
    await page.keyboard.press("k");
    assert.notEqual(await shown(), "none");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("z zooms 2× into the pointed region, z again leaves; Alt+click too; no animation when motion is reduced", async () => {
    const { page, errors } = await openDeck("/?slides#slide-2");
    const width = () => page.$eval("section.is-current", (s) => s.getBoundingClientRect().width);
    const whole = await width();
    await page.mouse.move(300, 250);
    await page.keyboard.press("z");
    await page.waitForFunction(
      (w) =>
        Math.abs(
          (document.querySelector("section.is-current")?.getBoundingClientRect().width ?? 0) -
            2 * w,
        ) < 2,
      whole,
      POLL,
    );
    await page.screenshot({ path: `${SCREENSHOT_DIR}/slides-tools-zoom-1280.png` });
    await page.keyboard.press("z");
    await page.waitForFunction(
      (w) =>
        Math.abs(
          (document.querySelector("section.is-current")?.getBoundingClientRect().width ?? 0) - w,
        ) < 2,
      whole,
      POLL,
    );
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.keyboard.down("Alt");
    await page.mouse.click(640, 400);
    await page.keyboard.up("Alt");
    assert.equal(
      await page.$eval("section.is-current", (s) => s.classList.contains("is-zoomed")),
      true,
    );
    assert.equal(
      await page.$eval("section.is-current", (s) => getComputedStyle(s).transitionDuration),
      "0s",
      "reduced motion: the zoom jumps, it does not glide",
    );
    assert.ok(Math.abs((await width()) - 2 * whole) < 2);
    await page.keyboard.press("Escape");
    assert.equal(
      await page.$eval("section.is-current", (s) => s.classList.contains("is-zoomed")),
      false,
      "Esc ends the zoom first",
    );
    assert.equal(await page.evaluate(() => document.body.classList.contains("deck-mode")), true);
    // The help lists the tools.
    await page.keyboard.press("?");
    const help = (await page.textContent(".deck-help")) ?? "";
    for (const words of ["laser pointer", "draw on the slide", "zoom into"])
      assert.match(help, new RegExp(words));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a toast gives way to the zoom: no tool label over the magnified slide", async () => {
    const { page, errors } = await openDeck("/?slides#slide-2");
    // A toast lasts 3 s: the checks put it back on screen themselves, so a slow machine that
    // lets it expire cannot make them pass or fail.
    const showToast = () =>
      page.$eval(".deck-toast", (t) => {
        (t as HTMLElement).hidden = false;
        return t.getClientRects().length > 0;
      });
    await page.keyboard.press("l");
    await page.keyboard.press("l");
    assert.equal(
      await page.textContent(".deck-toast"),
      "Pointer",
      "putting the laser away says so",
    );
    assert.equal(await showToast(), true, "unzoomed, the toast shows");
    await page.keyboard.down("Alt");
    await page.mouse.click(640, 400);
    await page.keyboard.up("Alt");
    await page.waitForFunction(
      () => document.querySelector("section.is-current")?.classList.contains("is-zoomed"),
      undefined,
      POLL,
    );
    assert.equal(await showToast(), false, "the zoomed slide has the screen to itself");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/slides-tools-zoom-toast-1280.png` });
    await page.keyboard.press("Escape");
    assert.equal(await showToast(), true, "after the zoom, toasts show again");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the presenter window shows the audience's drawing and laser, and its own reach the projector", async () => {
    const context = await deck.browser.newContext();
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${deck.server.url}/?slides#slide-2`);
    await deckShown(page);
    await page.keyboard.press("d");
    await drawLine(page, 250);
    const popup = context.waitForEvent("page");
    await page.keyboard.press("t");
    const presenter = await popup;
    await presenter.setViewportSize({ width: 1280, height: 800 });
    await presenter.waitForSelector("section.is-current > .slide-ink path", { state: "attached" });
    // The presenter draws on its copy: the projector shows it.
    await presenter.keyboard.press("d");
    const frame = await presenter.$eval("section.is-current", (s) => {
      const r = s.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    });
    await presenter.mouse.move(frame.x + frame.w * 0.2, frame.y + frame.h * 0.8);
    await presenter.mouse.down();
    await presenter.mouse.move(frame.x + frame.w * 0.6, frame.y + frame.h * 0.8, { steps: 5 });
    await presenter.mouse.up();
    await page.waitForFunction(
      () => document.querySelectorAll("section.is-current > .slide-ink path").length === 2,
      undefined,
      POLL,
    );
    // The laser in the presenter window shows on the projector.
    await presenter.keyboard.press("l");
    await presenter.mouse.move(frame.x + frame.w / 2, frame.y + frame.h / 2);
    await page.waitForSelector("section.is-current > .deck-laser:not([hidden])", {
      state: "attached",
    });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/slides-tools-mirrored-1280.png` });
    await context.close();
  });
});
