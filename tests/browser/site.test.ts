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
import { buildFixtureSite } from "./site-fixture.ts";

/** Every page of a built site, as URL paths ("" for the index). */
function pagesOf(dist: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === "assets") continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else if (name === "index.html") found.push(prefix);
    }
  };
  walk(dist, "");
  return found;
}

/** Waits until every cell on the page has shown a first value or an error. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.readyState === "complete");
  await page.evaluate(() => window.__notebook?.settled);
}

const shotName = (path: string): string => path.replace(/\/$/, "").replace(/\//g, "_") || "index";

describe("the built site (dist/)", () => {
  let browser: Browser;
  let server: StaticServer;
  before(async () => {
    browser = await launchBrowser();
    server = await serveStatic(DIST);
    mkdirSync(join(SCREENSHOT_DIR, "site"), { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("loads every page with no console error and no request to another host", async (t) => {
    const pages = pagesOf(DIST);
    assert.ok(pages.length >= 2, "expected an index and at least one chapter");
    for (const path of pages) {
      const watched = await openWatchedPage(browser, server.url);
      await watched.page.setViewportSize({ width: 1280, height: 900 });
      await watched.page.goto(`${server.url}/${path}`);
      await settle(watched.page);
      const failed = await watched.page.$$eval(".cell-failed", (cells) =>
        cells.map((c) => c.textContent),
      );
      if (failed.length)
        t.diagnostic(
          `${path || "index"}: ${failed.length} cell(s) failed at run time: ${failed.join(" | ")}`,
        );
      await watched.page.screenshot({
        path: join(SCREENSHOT_DIR, "site", `${shotName(path)}-desktop.png`),
      });
      await watched.page.setViewportSize({ width: 360, height: 740 });
      await watched.page.screenshot({
        path: join(SCREENSHOT_DIR, "site", `${shotName(path)}-phone.png`),
      });
      const overflow = await watched.page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(overflow <= 1, `${path}: the page is ${overflow}px wider than a 360px phone`);
      assert.deepEqual(watched.errors, [], `console errors on /${path}`);
      assert.deepEqual(watched.foreignRequests, [], `requests to other hosts from /${path}`);
      await watched.page.close();
    }
  });

  it("lists every chapter and lab with its summary on the index", async () => {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.goto(`${server.url}/`);
    const entries = await watched.page.$$eval(".entries li", (items) =>
      items.map((li) => [
        li.querySelector("a")?.getAttribute("href"),
        li.querySelector("p")?.textContent ?? "",
      ]),
    );
    const pages = pagesOf(DIST).filter((p) => p !== "");
    assert.deepEqual(entries.map(([href]) => href).sort(), pages.sort());
    assert.ok(
      entries.every(([, summary]) => (summary ?? "").length > 10),
      "every entry has a summary",
    );
    await watched.page.close();
  });

  it("typesets math with KaTeX and its own fonts", async () => {
    const watched = await openWatchedPage(browser, server.url);
    const chapter = pagesOf(DIST).find((p) => p.startsWith("chapters/"))!;
    await watched.page.goto(`${server.url}/${chapter}`);
    await watched.page.evaluate(() => document.fonts.ready);
    assert.ok((await watched.page.locator(".katex").count()) > 0);
    assert.equal(await watched.page.evaluate(() => document.fonts.check("16px KaTeX_Main")), true);
    await watched.page.close();
  });

  it("marks the section being read in the table of contents", async () => {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.setViewportSize({ width: 1280, height: 800 });
    const chapter = pagesOf(DIST).find((p) => p.startsWith("chapters/"))!;
    await watched.page.goto(`${server.url}/${chapter}`);
    const ids = await watched.page.$$eval(".toc a", (links) =>
      links.map((a) => a.getAttribute("href")!.slice(1)),
    );
    assert.ok(ids.length >= 3, "a chapter with at least three sections");
    await watched.page.evaluate((id) => document.getElementById(id)!.scrollIntoView(), ids[2]);
    await watched.page.waitForFunction(
      (id) => document.querySelector(".toc a[aria-current]")?.getAttribute("href") === `#${id}`,
      ids[2],
    );
    assert.equal(await watched.page.locator(".toc a[aria-current]").count(), 1);
    await watched.page.close();
  });

  it("keeps the dark-mode choice across a reload", async () => {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.emulateMedia({ colorScheme: "light" });
    await watched.page.goto(`${server.url}/`);
    const background = () =>
      watched.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await watched.page.click("[data-action=theme]");
    assert.equal(await watched.page.getAttribute("html", "data-theme"), "dark");
    const dark = await background();
    assert.notEqual(dark, light);
    await watched.page.reload();
    assert.equal(await watched.page.getAttribute("html", "data-theme"), "dark");
    assert.equal(await background(), dark);
    assert.equal(await watched.page.getAttribute("[data-action=theme]", "aria-pressed"), "true");
    await watched.page.close();
  });
});

describe("the fixture site (deliberate failures)", () => {
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

  it("re-renders the cells that depend on a slider when it moves", async () => {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.goto(`${server.url}/chapters/01-failing-cell/`);
    await settle(watched.page);
    const inline = watched.page.locator(".cell-inline").first();
    assert.equal(await inline.textContent(), "4");
    await watched.page.locator("input[type=range]").fill("7");
    await watched.page.waitForFunction(
      () => document.querySelector(".cell-inline")?.textContent === "49",
    );
    await watched.page.getByText("still running: 8").waitFor();
    assert.deepEqual(watched.errors, []);
    await watched.page.close();
  });

  it("shows a failing cell's error in its place, the dependant waiting, the next cell running", async () => {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.goto(`${server.url}/chapters/01-failing-cell/`);
    await settle(watched.page);
    const failed = watched.page.locator(".cell-failed");
    assert.equal(await failed.count(), 1);
    assert.match(
      (await failed.textContent()) ?? "",
      /^Error in cell at tests\/fixtures\/notebook\/site\/content\/01-failing-cell\.md:22 — this cell fails on purpose$/,
    );
    assert.match(
      (await watched.page.locator(".cell-waiting").textContent()) ?? "",
      /Waiting on a failed cell: `broken` could not be computed/,
    );
    assert.equal(await watched.page.getByText("still running: 3").count(), 1);
    assert.ok(
      (await watched.page.locator(".cell .katex").count()) > 0,
      "tex`…` typeset on the client",
    );
    await watched.page.screenshot({
      path: join(SCREENSHOT_DIR, "site", "fixture-failing-cell.png"),
      fullPage: true,
    });
    await watched.page.close();
  });

  it("in dev mode shows a compile error in place of the cell and runs the rest", async () => {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.goto(`${server.url}/chapters/02-compile-error/`);
    await settle(watched.page);
    assert.match(
      (await watched.page.locator(".cell-error").textContent()) ?? "",
      /02-compile-error\.md:14:25: syntax error in cell/,
    );
    assert.equal(await watched.page.getByText("after the broken cell: 42").count(), 1);
    assert.deepEqual(watched.errors, []);
    await watched.page.close();
  });

  it("draws Vega-Lite plots, and a live plot grows when points are pushed", async () => {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.goto(`${server.url}/labs/plots/`);
    await settle(watched.page);
    const figures = watched.page.locator("figure.plot");
    assert.equal(await figures.count(), 2);
    assert.equal(await figures.first().getAttribute("aria-label"), "three points on y = x squared");
    assert.equal(
      await figures.first().locator("svg path.mark-symbol, svg .mark-symbol path").count(),
      3,
    );
    const line = figures.nth(1).locator(".mark-line path");
    const before = await line.getAttribute("d");
    await watched.page.click("#more-points");
    await watched.page.waitForFunction(
      (d) =>
        document
          .querySelectorAll("figure.plot")[1]
          .querySelector(".mark-line path")
          ?.getAttribute("d") !== d,
      before,
    );
    const after = (await line.getAttribute("d")) ?? "";
    assert.equal(after.split("L").length, 4, `four points on the line, got path ${after}`);
    assert.deepEqual(watched.errors, []);
    assert.deepEqual(watched.foreignRequests, []);
    await watched.page.close();
  });

  it("loads no cell runtime on a page without cells", async () => {
    const watched = await openWatchedPage(browser, server.url);
    let bytes = 0;
    watched.page.on("response", async (r) => {
      if (r.request().resourceType() === "script") bytes += (await r.body()).length;
    });
    await watched.page.goto(`${server.url}/labs/prose-only/`);
    await watched.page.waitForLoadState("networkidle");
    assert.equal(await watched.page.evaluate(() => window.__notebook), undefined);
    assert.ok((await watched.page.locator(".katex").count()) >= 2);
    assert.ok(
      bytes > 0 && bytes < 10_000,
      `a page without cells should load only its small controls, loaded ${bytes} bytes of JavaScript`,
    );
    await watched.page.close();
  });
});
