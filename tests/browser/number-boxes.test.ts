// A number typed past its slider's range: the box, the slider and the cells must end up on the
// same value (chapter 1 used to show "5" in the box, 2 on the slider and compute with a third).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { DIST, launchBrowser, type StaticServer, serveStatic } from "./harness.ts";

/** Chapter 1's hand fit: twelve points near 1.5x² − 0.5 and the error of w = (w0, w1, w2). */
function chapterOneError(w: [number, number, number]): string {
  const wobble = [0.08, -0.05, 0.1, -0.12, 0.03, 0.06, -0.07, 0.02, -0.09, 0.11, -0.04, 0.05];
  const sum = wobble.reduce((s, e, i) => {
    const x = -1 + (2 * i) / 11;
    const y = 1.5 * x * x - 0.5 + e;
    return s + (w[0] + w[1] * x + w[2] * x * x - y) ** 2;
  }, 0);
  return (sum / wobble.length).toFixed(4);
}

describe("number boxes beside sliders", () => {
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

  test("a value typed past the range snaps to its end in the box, the slider and the cells", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/chapters/01-feature-learning/`);
    const error = page.locator("p", { hasText: "Mean squared error:" }).locator("strong").first();
    await assert.doesNotReject(error.waitFor());
    assert.equal(await error.textContent(), chapterOneError([0, 0.5, 0]));
    const w1 = page.locator('input[type="number"][min="-2"][max="2"]').nth(1);
    const slider = page.locator('input[type="range"][min="-2"][max="2"]').nth(1);
    await w1.fill("5");
    await w1.press("Enter");
    await page.waitForFunction(
      (want) => [...document.querySelectorAll("p strong")].some((s) => s.textContent === want),
      chapterOneError([0, 2, 0]),
    );
    assert.equal(await w1.inputValue(), "2");
    assert.equal(await slider.inputValue(), "2");
    assert.equal(await error.textContent(), chapterOneError([0, 2, 0]));
    await page.close();
  });
});
