// Reading a chapter on a laptop and on a phone (issue: reading layout): number boxes hold their
// values, and more below. Against the built site (dist/), in Chromium.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  DIST,
  launchBrowser,
  openWatchedPage,
  SCREENSHOT_DIR,
  type StaticServer,
  serveStatic,
} from "./harness.ts";

/** Chapters and labs of the built site, as URL paths. */
function pages(): string[] {
  const found: string[] = [];
  for (const group of ["chapters", "labs"]) {
    const dir = join(DIST, group);
    for (const name of readdirSync(dir).sort()) {
      if (statSync(join(dir, name)).isDirectory()) found.push(`/${group}/${name}/`);
    }
  }
  return found;
}

let browser: Browser;
let server: StaticServer;

async function open(path: string, width: number, height: number): Promise<Page> {
  const { page } = await openWatchedPage(browser, server.url);
  await page.setViewportSize({ width, height });
  await page.goto(`${server.url}${path}`);
  await page.waitForFunction(() => document.readyState === "complete");
  await page.waitForFunction(
    () => window.__notebook === undefined || window.__notebook.settledAt !== undefined,
    undefined,
    { timeout: 20_000 },
  );
  return page;
}

describe("reading layout", () => {
  before(async () => {
    browser = await launchBrowser();
    server = await serveStatic(DIST);
    mkdirSync(join(SCREENSHOT_DIR, "reading"), { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("number boxes are wide enough for their values, at 1440 and 390 px", async () => {
    for (const [width, height] of [
      [1440, 900],
      [390, 844],
    ]) {
      for (const path of pages()) {
        const page = await open(path, width, height);
        const cut = await page.$$eval<string[], HTMLInputElement>(
          '.cell input[type="number"]',
          (boxes) =>
            boxes
              .filter((b) => b.scrollWidth > b.clientWidth + 1)
              .map((b) => `${b.closest("form")?.textContent?.trim().slice(0, 30)}: ${b.value}`),
        );
        assert.deepEqual(cut, [], `${path} at ${width} px: number boxes cut off`);
        await page.close();
      }
    }
  });
});
