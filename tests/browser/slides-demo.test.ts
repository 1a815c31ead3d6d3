// Live demos (demo.train) on the demo fixture: training runs only while the demo can be seen —
// on its slide in the deck, on screen while reading — and the presenter window shows the
// audience window's run instead of training a copy of its own.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { assertClean, POLL, SCREENSHOT_DIR, useDeckFixture, type WatchedPage } from "./harness.ts";

const deck = useDeckFixture();

/** The live-demo fixture at `path`, watched for errors and requests to other hosts. */
const openDemoPage = (path = "/demo.html"): Promise<WatchedPage> => deck.open(path);

/** Steps this window trained itself. */
const trained = (page: Page) => page.evaluate(() => window.trainedHere);

/** The step count the demo's status line shows. */
const shownSteps = async (page: Page) =>
  Number(/Step (\d+)/.exec((await page.textContent(".demo-status")) ?? "")?.[1] ?? Number.NaN);

/** Resolves after `n` animation frames of the page: "nothing happened for a while". */
const frames = (page: Page, n = 20) =>
  // A string, so the test's compiler adds no helper names the page does not have.
  page.evaluate(
    `new Promise((resolve) => { let seen = 0; requestAnimationFrame(function next() {
      if (++seen >= ${n}) resolve(); else requestAnimationFrame(next); }); })`,
  );

/** Waits until this window has trained more than `steps` steps. */
const trainsPast = (page: Page, steps: number) =>
  page.waitForFunction((n) => window.trainedHere > n, steps, POLL);

describe("live demos start with their slide", () => {
  test("reading: a demo trains only while it is on screen", async () => {
    const watched = await openDemoPage();
    const { page } = watched;
    await frames(page);
    assert.equal(await trained(page), 0, "below the fold it has not started");
    await page.$eval("#curve", (c) => c.scrollIntoView({ block: "center" }));
    await trainsPast(page, 5);
    await page.evaluate(() => window.scrollTo(0, 0));
    await frames(page, 3); // the observer reports on the next frames
    const parked = await trained(page);
    await frames(page);
    assert.equal(await trained(page), parked, "scrolled away, it pauses");
    assertClean(watched);
    await page.close();
  });

  test("deck: a demo starts when its slide shows, pauses when it is left, and has a speed", async () => {
    const watched = await openDemoPage("/demo.html?slides#slide-1");
    const { page } = watched;
    await frames(page);
    assert.equal(await trained(page), 0, "nothing trains before its slide");
    await page.keyboard.press("ArrowRight");
    await trainsPast(page, 5);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/slides-demo-1280.png` });
    await page.keyboard.press("ArrowRight");
    await frames(page, 3);
    const left = await trained(page);
    await frames(page);
    assert.equal(await trained(page), left, "the next slide stops it");
    await page.keyboard.press("ArrowLeft");
    await trainsPast(page, left + 5);
    // Pause keeps it still on its own slide; Play goes on from the same step.
    await page.click(".demo-play");
    assert.equal(await page.textContent(".demo-play"), "Play");
    await frames(page, 3);
    const paused = await trained(page);
    await frames(page);
    assert.equal(await trained(page), paused, "paused, it does not train");
    assert.equal(await shownSteps(page), paused);
    // The speed menu: 25 steps per frame trains 25 times as many steps a frame.
    await page.selectOption(".demo-speed select", "25");
    await page.click(".demo-play");
    await frames(page, 4);
    const fast = (await trained(page)) - paused;
    assert.ok(fast >= 25 * 2 && fast % 25 === 0, `25 steps a frame: ${fast} steps in 4 frames`);
    // Start over goes back to step 0.
    await page.click(".demo-play");
    await page.click(".demo-restart");
    assert.equal(await shownSteps(page), 0, "start over counts from 0 again, still paused");
    assert.match((await page.textContent(".demo-status")) ?? "", /weight 0$/);
    assertClean(watched);
    await page.close();
  });

  test("the presenter window shows the audience window's run, not a copy of its own", async () => {
    const watched = await openDemoPage("/demo.html?slides#slide-2");
    const { page } = watched;
    await trainsPast(page, 3);
    const popupPromise = page.context().waitForEvent("page");
    await page.keyboard.press("t");
    const presenter = await popupPromise;
    const errors: string[] = [];
    presenter.on("pageerror", (err) => errors.push(String(err)));
    await presenter.setViewportSize({ width: 1280, height: 800 });
    await presenter.waitForSelector("html[data-demo-follow] .presenter", { state: "attached" });
    await page.bringToFront();
    // The presenter's demo shows the audience's steps as they grow; it trains none itself.
    const start = await trained(page);
    await presenter.waitForFunction(
      (n) =>
        Number(
          /Step (\d+)/.exec(
            document.querySelector(
              ".presenter-current ~ * .demo-status, section.is-current .demo-status",
            )?.textContent ?? "",
          )?.[1],
        ) > n,
      start,
      POLL,
    );
    assert.equal(await trained(presenter), 0, "the presenter window trains nothing itself");
    // Pause in the presenter window pauses the projector's run; both show the same step.
    await presenter.click("section.is-current .demo-play");
    await page.waitForFunction(
      () => document.querySelector(".demo-play")?.textContent === "Play",
      undefined,
      POLL,
    );
    const stopped = await trained(page);
    await presenter.waitForFunction(
      (n) =>
        document
          .querySelector("section.is-current .demo-status")
          ?.textContent?.startsWith(`Step ${n}:`),
      stopped,
      POLL,
    );
    assert.equal(await trained(presenter), 0);
    await presenter.screenshot({ path: `${SCREENSHOT_DIR}/slides-demo-presenter-1280.png` });
    // With the audience window gone, the presenter window trains on its own. (Navigating away
    // rather than closing: the page owns the context, and closing it closes the popup too.)
    await page.goto("about:blank");
    await presenter.waitForFunction(
      () => !document.documentElement.hasAttribute("data-demo-follow"),
      undefined,
      POLL,
    );
    await presenter.click("section.is-current .demo-play");
    await trainsPast(presenter, 3);
    assert.deepEqual(errors, []);
    assertClean(watched);
    await presenter.close();
    await page.close();
  });
});
