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

/**
 * Waits until every cell on the page has shown a first value or an error (or waits for the
 * reader to scroll to it); after `timeout` ms fails, naming the cells still running.
 */
async function settle(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => document.readyState === "complete");
  try {
    await page.waitForFunction(
      () => window.__notebook === undefined || window.__notebook.settledAt !== undefined,
      undefined,
      { timeout },
    );
  } catch {
    const pending = await page.evaluate(() => window.__notebook?.pending() ?? []);
    assert.fail(
      `${page.url()}: cells still running after ${timeout / 1000} s: ${pending.join(", ")}`,
    );
  }
}

/** Cells that failed or do not compile, and math errors, as "cell c3: message". */
function failuresOn(page: Page): Promise<string[]> {
  return page.$$eval(".cell-failed, .cell-error, .math-error", (found) =>
    found.map(
      (e) =>
        `${e.getAttribute("data-cell") ? `cell ${e.getAttribute("data-cell")}` : e.className}: ${e.textContent?.trim()}`,
    ),
  );
}

/** The first chapter of the built site. */
function firstChapter(): string {
  const chapter = pagesOf(DIST).find((p) => p.startsWith("chapters/"));
  assert.ok(chapter, `no chapter in ${DIST}`);
  return chapter;
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

  it("loads every page with every cell working, no console error and no request to another host", async () => {
    const pages = pagesOf(DIST);
    assert.ok(pages.length >= 2, "expected an index and at least one chapter");
    // Every page is visited before failing, so one run names every broken cell of the site.
    const problems: string[] = [];
    for (const path of pages) {
      const watched = await openWatchedPage(browser, server.url);
      await watched.page.setViewportSize({ width: 1280, height: 900 });
      await watched.page.goto(`${server.url}/${path}`);
      await settle(watched.page);
      for (const failure of await failuresOn(watched.page)) problems.push(`/${path}: ${failure}`);
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
      if (overflow > 1)
        problems.push(`/${path}: the page is ${overflow}px wider than a 360px phone`);
      for (const error of watched.errors) problems.push(`/${path}: console error: ${error}`);
      for (const url of watched.foreignRequests)
        problems.push(`/${path}: request to another host: ${url}`);
      await watched.page.close();
    }
    assert.deepEqual(problems, [], `problems on the built site:\n${problems.join("\n")}`);
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
    const chapter = firstChapter();
    await watched.page.goto(`${server.url}/${chapter}`);
    await watched.page.evaluate(() => document.fonts.ready);
    assert.ok((await watched.page.locator(".katex").count()) > 0);
    assert.equal(await watched.page.evaluate(() => document.fonts.check("16px KaTeX_Main")), true);
    await watched.page.close();
  });

  it("marks the section being read in the table of contents", async () => {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.setViewportSize({ width: 1280, height: 800 });
    const chapter = firstChapter();
    await watched.page.goto(`${server.url}/${chapter}`);
    const ids = await watched.page.$$eval(".toc a", (links) =>
      links.map((a) => a.getAttribute("href")?.slice(1) ?? ""),
    );
    assert.ok(ids.length >= 3, "a chapter with at least three sections");
    await watched.page.evaluate((id) => document.getElementById(id)?.scrollIntoView(), ids[2]);
    await watched.page.waitForFunction(
      (id) => document.querySelector(".toc a[aria-current]")?.getAttribute("href") === `#${id}`,
      ids[2],
    );
    assert.equal(await watched.page.locator(".toc a[aria-current]").count(), 1);
    await watched.page.close();
  });

  it("draws the plots on screen before the page counts as settled, the ones far below soon after", async () => {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.setViewportSize({ width: 1280, height: 800 });
    await watched.page.goto(`${server.url}/chapters/03-one-hidden-layer/`);
    await settle(watched.page);
    // Plots are drawn from near the top: every plot within a screen of the viewport has its SVG.
    const near = await watched.page.$$eval("figure.plot", (figures) =>
      figures
        .filter((f) => f.getBoundingClientRect().top < 2 * innerHeight)
        .map((f) => f.querySelector("svg") !== null),
    );
    assert.ok(near.length >= 1, "a plot near the top of chapter 3");
    assert.ok(near.every(Boolean), `near plots drawn: ${near.join(", ")}`);
    const far = await watched.page.$$eval(
      "figure.plot",
      (figures) => figures.filter((f) => f.getBoundingClientRect().top > 2 * innerHeight).length,
    );
    assert.ok(far >= 2, "chapter 3 has plots far below the first screen");
    // Without any scrolling, the rest are drawn in the background once the page is idle.
    await watched.page.waitForFunction(
      () => [...document.querySelectorAll("figure.plot")].every((f) => f.querySelector("svg")),
      undefined,
      { timeout: 15_000 },
    );
    assert.deepEqual(watched.errors, []);
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
    // The one failing cell of the page reports itself in the console, and nothing else does.
    assert.equal(watched.errors.length, 1);
    assert.match(watched.errors[0], /this cell fails on purpose/);
    await watched.page.close();
  });

  it("shows a failing cell's error in its place, the dependant waiting, the next cell running", async () => {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.goto(`${server.url}/chapters/01-failing-cell/`);
    await settle(watched.page);
    const failed = watched.page.locator(".cell-failed");
    assert.equal(await failed.count(), 1);
    assert.equal(
      await failed.textContent(),
      "Error in cell at tests/fixtures/notebook/site/content/01-failing-cell.md:22:31 — this cell fails on purpose",
    );
    const waiting = watched.page.locator(".cell-waiting");
    assert.equal(
      await waiting.textContent(),
      "Waiting on a failed cell: broken (tests/fixtures/notebook/site/content/01-failing-cell.md:22) could not be computed.",
    );
    // Names are code, not Markdown backticks.
    assert.equal(await waiting.locator("code").textContent(), "broken");
    assert.match(watched.errors.join("\n"), /Error in cell at [^ ]*01-failing-cell\.md:22:31/);
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
    const cell = (id: string) => watched.page.locator(`[data-cell="${id}"]`);
    assert.match(
      (await cell("c2").textContent()) ?? "",
      /02-compile-error\.md:14:25: syntax error in cell/,
    );
    assert.equal(await watched.page.getByText("after the broken cell: 42").count(), 1);
    // The names of cells that do not compile still exist: their users wait, with no other error.
    assert.equal(
      await cell("c4").textContent(),
      "Waiting on a failed cell: oops (tests/fixtures/notebook/site/content/02-compile-error.md:14) could not be computed.",
    );
    assert.match((await cell("c5").textContent()) ?? "", /28:15: missingName is not declared/);
    assert.match((await cell("c6").textContent()) ?? "", /^Waiting on a failed cell: paths \(/);
    assert.equal(await watched.page.locator(".cell-failed").count(), 0);
    assert.deepEqual(watched.errors, []);
    await watched.page.close();
  });

  it("shows a run-time error at the Markdown line and column it was thrown at", async () => {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.goto(`${server.url}/chapters/04-runtime-lines/`);
    await settle(watched.page);
    const file = "tests/fixtures/notebook/site/content/04-runtime-lines.md";
    assert.deepEqual(await watched.page.locator(".cell-failed").allTextContents(), [
      `Error in cell at ${file}:12:9 — thrown on line 12`,
      // In a list item: the column counts the item's indentation.
      `Error in cell at ${file}:19:8 — Cannot read properties of null (reading 'property')`,
      // Called from an inline cell, thrown in the function another cell declares.
      `Error in cell at ${file}:24:9 — explode() was called`,
    ]);
    assert.equal(watched.errors.length, 3, watched.errors.join("\n"));
    await watched.page.close();
  });

  it("counts a cell waiting for visibility as settled, and runs it once scrolled to", async () => {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.setViewportSize({ width: 1280, height: 800 });
    await watched.page.goto(`${server.url}/labs/below-the-fold/`);
    await settle(watched.page, 5_000);
    const below = watched.page.locator('[data-cell="c2"]');
    assert.equal(await below.textContent(), "");
    await below.scrollIntoViewIfNeeded();
    await watched.page.getByText("seen: above the fold").waitFor();
    assert.deepEqual(watched.errors, []);
    await watched.page.close();
  });

  it("shows a page whose front matter does not check as a clean error page in its place", async () => {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.goto(`${server.url}/chapters/03-bad-front-matter/`);
    assert.match(
      (await watched.page.locator(".page-errors").textContent()) ?? "",
      /03-bad-front-matter\.md:3:1 front matter order should be a number, found "three"/,
    );
    assert.equal(await watched.page.locator("[data-action=present]").count(), 0);
    assert.equal(
      await watched.page.locator(".chapter-header .eyebrow").textContent(),
      "Contents · Chapter 3 · not built",
    );
    assert.deepEqual(watched.errors, []);
    await watched.page.screenshot({ path: join(SCREENSHOT_DIR, "site", "fixture-error-page.png") });
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
    // Every script's text, read once the page is idle (a body read inside the event handler
    // may not have arrived by then, which made the count depend on timing).
    const scripts: { url: string; text: Promise<string> }[] = [];
    watched.page.on("response", (r) => {
      if (r.request().resourceType() === "script") scripts.push({ url: r.url(), text: r.text() });
    });
    await watched.page.goto(`${server.url}/labs/prose-only/`);
    await watched.page.waitForLoadState("networkidle");
    assert.equal(await watched.page.evaluate(() => window.__notebook), undefined);
    assert.ok((await watched.page.locator(".katex").count()) >= 2);
    const loaded = await Promise.all(scripts.map(async (s) => ({ ...s, text: await s.text })));
    const bytes = loaded.reduce((sum, s) => sum + s.text.length, 0);
    // The fixture is a dev build (unminified, with module path comments): the runtime would
    // show by its path, and the page's own controls take about 25 KB of readable source.
    const runtime = loaded.filter((s) =>
      /node_modules\/@observablehq\/runtime|src\/notebook\/client\/main\.ts/.test(s.text),
    );
    assert.deepEqual(
      runtime.map((s) => s.url),
      [],
      "a page without cells loads no cell runtime",
    );
    assert.ok(
      bytes > 0 && bytes < 40_000,
      `a page without cells should load only its small controls, loaded ${bytes} bytes of JavaScript`,
    );
    await watched.page.close();
  });
});
