// Equation numbers sit at the right edge of a display formula. A formula too wide for the
// column used to run underneath its number ("(1.5)" printed over the last symbols); at every
// reading width from a small laptop up, no number may overlap its formula on any page.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { DIST, launchBrowser, type StaticServer, serveStatic } from "./harness.ts";

const PAGES = ["chapters", "labs"].flatMap((kind) =>
  readdirSync(join(DIST, kind)).map((slug) => `/${kind}/${slug}/`),
);

describe("equation numbers", () => {
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

  for (const width of [768, 1024, 1440]) {
    test(`at ${width} px no equation number overlaps its formula`, async () => {
      // The formulas are typeset at build time, so the pages' scripts are not needed here.
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        javaScriptEnabled: false,
      });
      const overlaps: string[] = [];
      const page = await context.newPage();
      for (const path of PAGES) {
        await page.goto(server.url + path, { waitUntil: "domcontentloaded" });
        await page.evaluate(() => document.fonts.ready);
        const found = await page.$$eval(".katex-tag", (tags) =>
          tags.flatMap((tag) => {
            // Sections off screen skip layout (content-visibility); lay them all out to measure.
            for (const s of document.querySelectorAll("section"))
              s.style.contentVisibility = "visible";
            const left = tag.getBoundingClientRect().left;
            const bases = tag.parentElement?.querySelectorAll(":scope > .katex-base") ?? [];
            const right = Math.max(...[...bases].map((b) => b.getBoundingClientRect().right));
            return right > left ? [`${tag.textContent} by ${Math.round(right - left)} px`] : [];
          }),
        );
        overlaps.push(...found.map((f) => `${path} ${f}`));
      }
      await context.close();
      assert.deepEqual(
        overlaps,
        [],
        `equation numbers over their formulas:\n${overlaps.join("\n")}`,
      );
    });
  }
});
