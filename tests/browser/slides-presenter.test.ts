// The presenter window's polish on the fixture deck: a timer that survives a reload, a countdown
// and pacing from `duration` and the notes' "About N minutes", and two tabs of one deck that do
// not steer each other (only a tab and the presenter window it opened do).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { deckShown, POLL, SCREENSHOT_DIR, useDeckFixture } from "./harness.ts";

const deck = useDeckFixture();

/** A page of `context` on the fixture deck, its console errors recorded into `errors`. */
async function openDeck(context: BrowserContext, path: string, errors: string[]): Promise<Page> {
  return (await deck.open(path, { context, errors })).page;
}

const current = (page: Page) =>
  page.$eval("section.slide.is-current", (s) => s.getAttribute("data-slide"));

/** Opens the presenter window of `page` with `t`. */
async function openPresenter(page: Page): Promise<Page> {
  const popup = page.context().waitForEvent("page");
  await page.keyboard.press("t");
  const presenter = await popup;
  await presenter.setViewportSize({ width: 1280, height: 800 });
  await presenter.waitForSelector(".presenter-elapsed");
  return presenter;
}

describe("presenter polish", () => {
  test("the timer survives a reload of the presenter window; duration gives a countdown and pacing", async () => {
    const context = await deck.browser.newContext();
    const errors: string[] = [];
    const page = await openDeck(context, "/?slides#slide-1", errors);
    const presenter = await openPresenter(page);
    const pace = () => presenter.textContent(".presenter-pace");
    assert.match(
      (await pace()) ?? "",
      /^10:00 left · on time$/,
      "10 minutes, slide 1 planned for 2",
    );
    await presenter.click(".presenter-timer-start");
    await presenter.waitForFunction(
      () => document.querySelector(".presenter-elapsed")?.textContent === "0:01",
      undefined,
      POLL,
    );
    assert.match((await pace()) ?? "", /^9:5\d left · on time$/);
    await presenter.screenshot({ path: `${SCREENSHOT_DIR}/slides-presenter-pace-1280.png` });
    await presenter.reload();
    await presenter.waitForSelector(".presenter-elapsed");
    const seconds = async () => {
      const [m, s] = ((await presenter.textContent(".presenter-elapsed")) ?? "0:00").split(":");
      return Number(m) * 60 + Number(s);
    };
    assert.ok((await seconds()) >= 1, "after the reload the timer goes on from where it was");
    assert.equal(await presenter.textContent(".presenter-timer-start"), "Pause", "still running");
    await presenter.waitForFunction(
      () => document.querySelector(".presenter-elapsed")?.textContent === "0:02",
      undefined,
      POLL,
    );
    // The slides after the first share the 8 minutes its note leaves them: slide 4 is planned
    // to start at 2 + 2 × 8/5 minutes, so two seconds in, the lecture is that far ahead.
    await page.keyboard.press("4");
    await page.keyboard.press("Enter");
    await presenter.waitForFunction(
      () => /ahead/.test(document.querySelector(".presenter-pace")?.textContent ?? ""),
      undefined,
      POLL,
    );
    assert.match((await pace()) ?? "", /^9:5\d left · 5 min ahead$/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the presenter window uses its height: next slide under the current one, notes full height", async () => {
    const context = await deck.browser.newContext();
    const errors: string[] = [];
    const page = await openDeck(context, "/?slides#slide-2", errors);
    const presenter = await openPresenter(page);
    const box = (selector: string) =>
      presenter.$eval(selector, (e) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, top: r.top, bottom: r.bottom, height: r.height };
      });
    const current = await box(".presenter-current");
    const next = await box(".presenter-next-frame");
    const notes = await box(".presenter-notes-panel");
    const buttons = await box(".deck-controls");
    assert.ok(next.top > current.bottom, "the next slide sits under the current one");
    assert.ok(Math.abs(next.left - current.left) < 1, "in the same column");
    assert.ok(next.height > 150, `the next slide gets the height left (${next.height} px)`);
    assert.ok(next.bottom <= buttons.top, "clear of the arrow buttons");
    assert.ok(notes.height > 0.8 * 800, `the notes take the column's height (${notes.height} px)`);
    await presenter.screenshot({ path: `${SCREENSHOT_DIR}/slides-presenter-layout-1280x800.png` });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("two tabs of one deck do not steer each other; each steers its own presenter window", async () => {
    const context = await deck.browser.newContext();
    const errors: string[] = [];
    const first = await openDeck(context, "/?slides#slide-2", errors);
    const second = await openDeck(context, "/?slides#slide-2", errors);
    const presenter = await openPresenter(first);
    await first.bringToFront();
    await first.keyboard.press("End");
    await presenter.waitForFunction(
      () => document.querySelector("section.is-current")?.getAttribute("data-slide") === "6",
      undefined,
      POLL,
    );
    assert.equal(await current(second), "2", "the other tab stays where it was");
    await second.bringToFront();
    await second.keyboard.press("Home");
    assert.equal(await current(second), "1");
    // The presenter window steers its own tab only.
    await presenter.keyboard.press("ArrowLeft");
    await first.waitForFunction(
      () => document.querySelector("section.is-current")?.getAttribute("data-slide") === "5",
      undefined,
      POLL,
    );
    assert.equal(await current(second), "1");
    // A reload keeps the pairing: the reloaded tab still steers its presenter window.
    await first.reload();
    await deckShown(first);
    await first.keyboard.press("Home");
    await presenter.waitForFunction(
      () => document.querySelector("section.is-current")?.getAttribute("data-slide") === "1",
      undefined,
      POLL,
    );
    assert.equal(await current(second), "1");
    assert.deepEqual(errors, []);
    await context.close();
  });
});
