// Pages that stay open for a whole lecture: a late failure shows in its cell, a loop that never
// ends is stopped, a live plot's history stays bounded, and a paused demo asks the browser for
// nothing.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { DIST, launchBrowser, openWatchedPage, type StaticServer, serveStatic } from "./harness.ts";
import { buildFixtureSite } from "./site-fixture.ts";

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__notebook !== undefined);
  await page.evaluate(() => window.__notebook?.settled);
}

/**
 * Counts, for `ms` of wall time, the animation frames the page asks for and the changes made to
 * its DOM (each one costs a style recalculation).
 */
function countWork(page: Page, ms: number): Promise<{ frames: number; mutations: number }> {
  return page.evaluate(
    (ms) =>
      new Promise<{ frames: number; mutations: number }>((resolve) => {
        let frames = 0;
        let mutations = 0;
        const original = window.requestAnimationFrame;
        window.requestAnimationFrame = (callback) => {
          frames++;
          return original.call(window, callback);
        };
        const observer = new MutationObserver((records) => {
          mutations += records.length;
        });
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        setTimeout(() => {
          window.requestAnimationFrame = original;
          observer.disconnect();
          resolve({ frames, mutations });
        }, ms);
      }),
    ms,
  );
}

describe("a page left open (fixture site)", () => {
  let browser: Browser;
  let server: StaticServer;
  before(async () => {
    const { dir } = await buildFixtureSite();
    browser = await launchBrowser();
    server = await serveStatic(dir);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows a promise that fails after its cell returned in that cell, at its Markdown line", async () => {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.goto(`${server.url}/labs/long-running/`);
    await settle(watched.page);
    const failed = watched.page.locator(".cell-failed");
    await failed.waitFor();
    assert.match(
      (await failed.locator(".cell-error-message").textContent()) ?? "",
      /^A promise failed in the cell at tests\/fixtures\/notebook\/site\/notebooks\/long-running\.md:12:\d+ — this promise fails on purpose$/,
    );
    assert.equal(await failed.getAttribute("role"), "alert");
    assert.equal(await watched.page.locator(".cell-failed").count(), 1);
    await watched.page.close();
  });

  it("stops a loop of the page's own code that never ends, and the rest of the page keeps working", async () => {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.goto(`${server.url}/labs/runaway-loop/`);
    await settle(watched.page);
    const message = watched.page.locator(".cell-failed .cell-error-message");
    assert.match(
      (await message.textContent()) ?? "",
      /runaway-loop\.md:11:\d+ — stopped after 5 s: is there a loop that never ends\?/,
    );
    // The slider below it still drives its output.
    await watched.page.getByText("Twice n is 6.").waitFor();
    const slider = watched.page.getByRole("slider", { name: "n" });
    await slider.fill("4");
    await watched.page.getByText("Twice n is 8.").waitFor();
    assert.equal(await watched.page.locator(".cell-failed").count(), 1);
    await watched.page.close();
  });

  it("keeps a live plot's history within its limit however much is pushed", async () => {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.goto(`${server.url}/labs/long-running/`);
    await settle(watched.page);
    await watched.page.click("#feed");
    await watched.page.click("#feed");
    const line = watched.page.locator("figure.plot .mark-line path");
    // The last step pushed (2000) reaches the drawing: the x axis ends there.
    await watched.page.getByText("2,000", { exact: true }).waitFor();
    const points = ((await line.getAttribute("d")) ?? "").split(/[ML]/).length - 1;
    assert.ok(points <= 50 && points >= 20, `${points} points drawn, at most 50 kept`);
    await watched.page.close();
  });
});

describe("the fit playground left open (dist/)", () => {
  let browser: Browser;
  let server: StaticServer;
  before(async () => {
    browser = await launchBrowser();
    server = await serveStatic(DIST);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("does no work while its plots are out of view or paused, and trains again on Play", async () => {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.goto(`${server.url}/labs/fit-playground/`);
    await settle(watched.page);
    const status = () =>
      watched.page.$eval(".lab-controls .demo-status", (e) => e.textContent ?? "");
    // The page opens on its introduction: the training waits for its plots to come into view.
    // Plots further down the page are drawn in the background after it settles; once they are,
    // the page must go fully quiet: some 1.5 s window within the next 15 s has no work.
    let idle = await countWork(watched.page, 1500);
    for (let k = 0; k < 10 && (idle.frames > 0 || idle.mutations > 0); k++) {
      idle = await countWork(watched.page, 1500);
    }
    assert.deepEqual(idle, { frames: 0, mutations: 0 }, "plots out of view");
    assert.match(await status(), /^Step 0, loss/);
    await watched.page.locator(".lab-two-plots").scrollIntoViewIfNeeded();
    await watched.page.waitForFunction(() =>
      /Step [1-9]\d{2,}, loss/.test(
        document.querySelector(".lab-controls .demo-status")?.textContent ?? "",
      ),
    );
    const training = await countWork(watched.page, 500);
    assert.ok(training.frames > 0, "training asks for frames");
    await watched.page.locator(".lab-controls").getByRole("button", { name: "Pause" }).click();
    // A redraw already queued when Pause was pressed may still land (on a loaded machine the
    // loss plot's last re-layout came in the first window: 56 mutations, no frames); after it
    // the page goes quiet. A demo still training would never give a quiet window.
    let paused = await countWork(watched.page, 1500);
    for (let k = 0; k < 5 && (paused.frames > 2 || paused.mutations > 2); k++) {
      paused = await countWork(watched.page, 1500);
    }
    assert.ok(paused.frames <= 2 && paused.mutations <= 2, JSON.stringify(paused));
    const before = await status();
    await watched.page.locator(".lab-controls").getByRole("button", { name: "Play" }).click();
    await watched.page.waitForFunction(
      (text) => document.querySelector(".lab-controls .demo-status")?.textContent !== text,
      before,
    );
    assert.deepEqual(watched.errors, []);
    await watched.page.close();
  });
});
