// Search in Chromium against the built site (dist/): `/` focuses the box, a word from a cell's
// code and one from the prose around a formula each find their section, and a result leads to
// its heading. Nothing is fetched from another host.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { DIST, launchBrowser, openWatchedPage, type StaticServer, serveStatic } from "./harness.ts";

let browser: Browser;
let server: StaticServer;

describe("search box", () => {
  before(async () => {
    browser = await launchBrowser();
    server = await serveStatic(DIST);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("`/` focuses it; cell code and formula prose are found; a result opens its heading", async () => {
    const { page, errors, foreignRequests } = await openWatchedPage(browser, server.url);
    await page.goto(`${server.url}/chapters/02-neurons-activations/`);
    await page.keyboard.press("/");
    const box = page.getByRole("searchbox", { name: "Search the chapters and labs" });
    assert.equal(await box.evaluate((el) => el === document.activeElement), true);
    // An identifier that only appears in a cell's code (chapter 5's affine-map cell, on the
    // slide that lets the reader nudge one input).
    await box.fill("aNudged");
    const first = page.locator(".search-results a").first();
    await first.waitFor();
    assert.match(String(await first.textContent()), /Try it: nudge one input/);
    // Words of the prose around a formula (chapter 7: the cost of a matrix product).
    await box.fill("associative brackets");
    await page.waitForFunction(() =>
      [...document.querySelectorAll(".search-results a")].some((a) =>
        a.textContent?.includes("The chain rule is a product of matrices"),
      ),
    );
    await box.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/chapters\/07-forward-reverse-mode\/#/);
    const hash = await page.evaluate(() => location.hash);
    assert.ok(await page.locator(hash).isVisible());
    assert.deepEqual(errors, []);
    assert.deepEqual(foreignRequests, []);
    await page.close();
  });
});
