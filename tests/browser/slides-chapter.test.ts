// The deck on a real built chapter (dist/ from `node --import tsx build.mjs`): chapter 5 has
// speaker notes and a backprop stepper, so it exercises the fragment protocol with the real
// graph view, the site's theme switch and the presenter window.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import {
  DIST,
  deckShown,
  openWatchedPage,
  POLL,
  SCREENSHOT_DIR,
  useDeckFixture,
} from "./harness.ts";

const CHAPTER = "/chapters/05-chain-rule/";

const deck = useDeckFixture({ dir: DIST, needs: CHAPTER });

/** The deck position (1-based, the cover slide first) of the section that shows. */
const current = (page: Page) =>
  page.$$eval(
    "article.chapter > section.slide",
    (sections) => sections.findIndex((s) => s.classList.contains("is-current")) + 1,
  );

/** The deck position of the first slide holding a rendered graph view (call in deck mode). */
async function graphSlide(page: Page): Promise<number> {
  await page.waitForSelector("section.slide .graph-view", { state: "attached" });
  return page.$$eval(
    "article.chapter > section.slide",
    (sections) => sections.findIndex((s) => s.querySelector(".graph-view") !== null) + 1,
  );
}

/** Opens `path`, a `?slides` address, once the deck shows a slide. */
async function openDeck(page: Page, path: string): Promise<void> {
  await page.goto(deck.server.url + path);
  await deckShown(page);
}

async function jumpTo(page: Page, slide: number): Promise<void> {
  await page.keyboard.type(String(slide));
  await page.keyboard.press("Enter");
}

describe("slide deck on chapter 5 as built", () => {
  test("Present shows 16:9 slides; → walks the graph stepper, then moves on", async () => {
    const watched = await openWatchedPage(deck.browser, deck.server.url);
    const { page } = watched;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(deck.server.url + CHAPTER);
    await page.waitForSelector(".deck-live", { state: "attached" }); // the deck is installed
    const total = await page.$$eval("section.slide", (s) => s.length);
    assert.ok(total > 3, `chapter 5 has ${total} slides`);
    await page.click("[data-action='present']");
    await page.waitForSelector("body.deck-mode", { state: "attached" }); // the deck loads on first use
    const shown = await page.$$eval("section.slide", (sections) =>
      sections
        .filter((s) => getComputedStyle(s).display !== "none")
        .map((s) => s.getBoundingClientRect().width / s.getBoundingClientRect().height),
    );
    assert.equal(shown.length, 1);
    assert.ok(Math.abs((shown[0] ?? 0) - 16 / 9) < 0.01);
    assert.equal(await current(page), 1);
    assert.match(
      await page.$eval("section.is-current", (s) => s.textContent ?? ""),
      /Computation graphs and the chain rule/,
      "the deck opens on a cover slide with the chapter's title",
    );
    assert.equal(await page.$$eval("article.chapter > section.slide", (s) => s.length), total + 1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/slides-chapter5-title-1920.png` });

    const slide = await graphSlide(page);
    await jumpTo(page, slide);
    assert.equal(await current(page), slide);
    const position = () =>
      page.$eval("section.is-current .graph-view", (g) => (g as HTMLElement).dataset.position);
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>("section.is-current .graph-view")?.dataset.position !==
        undefined,
      undefined,
      POLL,
    );
    const start = Number(await position());
    for (let press = 1; press <= 3; press++) {
      await page.keyboard.press("ArrowRight");
      assert.equal(Number(await position()), start + press, `press ${press} is one stepper step`);
      assert.equal(await current(page), slide, "the deck stays while the stepper steps");
    }
    await page.keyboard.press("ArrowLeft");
    assert.equal(Number(await position()), start + 2, "← steps back first");
    // After the speed menu or a checkbox was used, the remote's keys still step the graph.
    const speed = "section.is-current .graph-view .graph-speed select";
    const speedBefore = await page.inputValue(speed);
    await page.focus(speed);
    await page.keyboard.press("ArrowRight");
    assert.equal(Number(await position()), start + 3, "→ from the speed menu is one step");
    assert.equal(await page.inputValue(speed), speedBefore, "and leaves the speed alone");
    await page.focus("section.is-current .graph-view input[type='checkbox']");
    await page.keyboard.press("ArrowLeft");
    assert.equal(Number(await position()), start + 2, "← from a checkbox is one step back");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/slides-chapter5-stepper-1920.png` });
    // End runs the deck to the last slide; come back and run the stepper out with PageDown.
    let presses = 0;
    while ((await current(page)) === slide && presses < 400) {
      await page.keyboard.press("PageDown");
      presses++;
    }
    assert.equal(await current(page), slide + 1, "after the last step the deck moves on");
    await page.keyboard.press("Escape");
    assert.equal(await page.$$eval("article.chapter > section.slide", (s) => s.length), total);
    assert.equal(await page.$$eval(".deck-cover", (s) => s.length), 0, "the cover goes on leaving");
    assert.deepEqual(watched.errors, [], `no console errors: ${watched.errors.join("; ")}`);
    assert.deepEqual(watched.foreignRequests, []);
    await page.close();
  });

  test("the site's theme switch turns the deck dark; the notes stay hidden", async () => {
    const watched = await openWatchedPage(deck.browser, deck.server.url);
    const { page } = watched;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openDeck(page, `${CHAPTER}?slides#slide-2`);
    const background = () =>
      page.$eval("section.is-current", (s) => getComputedStyle(s).backgroundColor);
    const light = await background();
    await page.keyboard.press("c");
    await page.waitForFunction(
      () => document.documentElement.dataset.theme !== undefined,
      undefined,
      POLL,
    );
    const dark = await background();
    assert.notEqual(dark, light);
    assert.equal(await page.isVisible("section.is-current aside.notes"), false);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/slides-chapter5-dark-1920.png` });
    await page.keyboard.press("c");
    await page.waitForFunction(
      () => document.documentElement.dataset.theme !== "dark",
      undefined,
      POLL,
    );
    assert.equal(await background(), light);
    assert.deepEqual(watched.errors, [], `no console errors: ${watched.errors.join("; ")}`);
    await page.close();
  });

  test("keys pressed while the deck downloads are kept for it, in order", async () => {
    for (const how of ["address", "button"] as const) {
      const watched = await openWatchedPage(deck.browser, deck.server.url);
      const { page } = watched;
      await page.setViewportSize({ width: 1920, height: 1080 });
      // Hold the deck's code back, as a slow network would.
      let release = (): void => {};
      const held = new Promise<void>((done) => {
        release = done;
      });
      await page.route("**/slide-deck-*.js", async (route) => {
        await held;
        await route.continue();
      });
      const path = how === "address" ? `${CHAPTER}?slides#slide-2` : CHAPTER;
      await page.goto(deck.server.url + path, { waitUntil: "domcontentloaded" });
      await page.waitForSelector(".deck-live", { state: "attached" }); // the page listens
      if (how === "button") {
        await page.focus("[data-action='present']");
        await page.keyboard.press("Enter");
      }
      // q is not a deck key; the order matters: Home before End would end on the last slide.
      for (const key of ["End", "q", "Home", "ArrowRight", "ArrowRight"])
        await page.keyboard.press(key);
      assert.equal(await page.$$eval("section.slide.is-current", (s) => s.length), 0, how);
      assert.equal(await page.evaluate(() => window.scrollY), 0, `${how}: End did not scroll`);
      release();
      await deckShown(page);
      assert.equal(await current(page), 3, `${how}: End, Home, → →, in that order`);
      assert.deepEqual(watched.errors, [], `no console errors: ${watched.errors.join("; ")}`);
      await page.close();
    }
  });

  test("the presenter window shows the chapter's notes and follows the deck", async () => {
    const watched = await openWatchedPage(deck.browser, deck.server.url);
    const { page } = watched;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openDeck(page, `${CHAPTER}?slides`);
    const slide = await graphSlide(page);
    await jumpTo(page, slide);
    const popup = page.context().waitForEvent("page");
    await page.keyboard.press("t");
    const presenter = await popup;
    const errors: string[] = [];
    presenter.on("pageerror", (err) => errors.push(String(err)));
    presenter.on("console", (msg) => {
      if (msg.type() === "error") errors.push(msg.text());
    });
    await presenter.setViewportSize({ width: 1600, height: 900 });
    await presenter.waitForSelector(".presenter-notes");
    assert.equal(await current(presenter), slide);
    const notes = await presenter.$eval(".presenter-notes", (n) => n.textContent ?? "");
    const source = await page.$eval("section.is-current aside.notes", (n) => n.textContent ?? "");
    assert.equal(notes.trim(), source.trim(), "the presenter shows this slide's notes");
    await presenter.waitForSelector("section.is-current .graph-view");
    await page.keyboard.press("ArrowRight");
    await presenter.waitForFunction(
      () =>
        Number(
          document.querySelector<HTMLElement>("section.is-current .graph-view")?.dataset.position,
        ) > 0,
      undefined,
      POLL,
    );
    await presenter.keyboard.press("ArrowRight");
    await page.waitForFunction(
      () =>
        Number(
          document.querySelector<HTMLElement>("section.is-current .graph-view")?.dataset.position,
        ) === 2,
      undefined,
      POLL,
    );
    // The stepper's own Next button, pressed in the presenter window, steps the projector too.
    await presenter.click("section.is-current .graph-view .graph-btn-next");
    await page.waitForFunction(
      () =>
        Number(
          document.querySelector<HTMLElement>("section.is-current .graph-view")?.dataset.position,
        ) === 3,
      undefined,
      POLL,
    );
    await presenter.screenshot({ path: `${SCREENSHOT_DIR}/slides-chapter5-presenter-1600.png` });
    assert.deepEqual(errors, []);
    assert.deepEqual(watched.errors, [], `no console errors: ${watched.errors.join("; ")}`);
    await presenter.close();
    await page.close();
  });

  test("every built chapter shows each slide whole, and leaves, without a console error", async () => {
    for (const chapter of readdirSync(join(DIST, "chapters"))) {
      const watched = await openWatchedPage(deck.browser, deck.server.url);
      const { page } = watched;
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.goto(`${deck.server.url}/chapters/${chapter}/`);
      await page.waitForSelector(".deck-live", { state: "attached" }); // the deck is installed
      await page.keyboard.press("s");
      await page.waitForSelector("body.deck-mode", { state: "attached" });
      const count = await page.$$eval("article.chapter > section.slide", (s) => s.length);
      for (let slide = 1; slide <= count; slide++) {
        await jumpTo(page, slide);
        assert.equal(await current(page), slide, `${chapter}: slide ${slide}`);
        const overflowing = await page.$eval("section.is-current", (s) =>
          s.classList.contains("is-overflowing"),
        );
        assert.equal(overflowing, false, `${chapter}: slide ${slide} is too full to fit`);
      }
      await page.keyboard.press("o");
      await page.keyboard.press("Escape");
      await page.keyboard.press("Escape");
      assert.equal(await page.evaluate(() => document.body.classList.contains("deck-mode")), false);
      assert.deepEqual(watched.errors, [], `${chapter}: ${watched.errors.join("; ")}`);
      assert.deepEqual(watched.foreignRequests, [], chapter);
      await page.close();
    }
  });
});
