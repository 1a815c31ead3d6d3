// The page shell on the built site: the theme switch (saved choice, back to the system's),
// printing in the light theme, and the notice on a page opened from disk.
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { DIST, launchBrowser, type StaticServer, serveStatic } from "./harness.ts";

const CHAPTER = "chapters/05-chain-rule/";

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

const theme = (page: Page) => page.getAttribute("html", "data-theme");
const bodyColours = (page: Page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return { text: style.color, background: style.backgroundColor };
  });

describe("the page shell", () => {
  it("switching back to the system's theme forgets the saved choice", async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`${server.url}/${CHAPTER}`);
    assert.equal(await theme(page), null, "no choice saved: the page follows the system");
    await page.click("[data-action=theme]");
    assert.equal(await theme(page), "light");
    assert.equal(await page.evaluate(() => localStorage.getItem("theme")), "light");
    await page.click("[data-action=theme]");
    assert.equal(await theme(page), null, "dark again, which is the system's: choice forgotten");
    assert.equal(await page.evaluate(() => localStorage.getItem("theme")), null);
    await page.reload();
    assert.equal(await page.getAttribute("[data-action=theme]", "aria-pressed"), "true");
    await page.emulateMedia({ colorScheme: "light" });
    // The switch follows a change of the system's theme (a media-query event, so not at once).
    await page.waitForFunction(
      () => document.querySelector("[data-action=theme]")?.getAttribute("aria-pressed") === "false",
      undefined,
      { timeout: 5000 },
    );
    await page.close();
  });

  it("prints dark text on white even when the screen is dark", async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`${server.url}/${CHAPTER}`);
    const screen = await bodyColours(page);
    assert.equal(screen.background, "rgb(22, 23, 27)");
    // Playwright's print emulation does not fire the print events; send them as a browser does.
    await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
    await page.emulateMedia({ media: "print", colorScheme: "dark" });
    const paper = await bodyColours(page);
    assert.equal(paper.text, "rgb(0, 0, 0)");
    assert.equal(paper.background, "rgb(255, 255, 255)");
    assert.equal(
      await page.$eval("pre.cell-source", (e) => getComputedStyle(e).display),
      "block",
      "code shown with echo stays on paper",
    );
    await page.evaluate(() => dispatchEvent(new Event("afterprint")));
    await page.emulateMedia({ media: "screen", colorScheme: "dark" });
    assert.deepEqual(await bodyColours(page), screen, "after printing the page is dark again");
    await page.close();
  });

  it("says how to serve the site when a page is opened from disk", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(resolve(DIST, CHAPTER, "index.html")).href);
    const notice = await page.locator(".file-notice").textContent();
    assert.match(notice ?? "", /opened as a file.*http\.server/s);
    assert.ok(await page.locator(".katex").first().isVisible(), "build-time math still shows");
    await page.close();
  });
});
