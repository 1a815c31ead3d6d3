// Live demos in the built chapters (dist/ from `node --import tsx build.mjs`): chapter 3's
// Bishop fits wait for their slide (or, reading, for the reader to scroll to them), and at the
// fastest speed reach the errors the chapter promises within a couple of seconds.
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  DIST,
  deckShown,
  launchBrowser,
  openWatchedPage,
  SCREENSHOT_DIR,
  type StaticServer,
  serveStatic,
} from "./harness.ts";

const CHAPTER3 = "/chapters/03-one-hidden-layer/";
const POLL = { polling: 50 };
/** The mean squared error each Bishop fit must get under (issue 13's benchmark targets). */
const TARGETS: Record<string, number> = { square: 1e-4, sin: 1e-4, abs: 1e-3, step: 5e-3 };

let browser: Browser;
let server: StaticServer;

before(async () => {
  if (!existsSync(`${DIST}${CHAPTER3}index.html`)) {
    throw new Error(
      `${DIST}${CHAPTER3}index.html is missing: run \`node --import tsx build.mjs\` first`,
    );
  }
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Steps shown by the Bishop demo's status line. */
const bishopSteps = (page: Page) =>
  page.$eval('[data-demo][aria-label="Bishop\'s four fits"] .demo-status', (s) =>
    Number(/Step (\d+)/.exec(s.textContent ?? "")?.[1]),
  );

/** Resolves after `n` animation frames (a string: the test's compiler adds no helpers to it). */
const frames = (page: Page, n: number) =>
  page.evaluate(
    `new Promise((r) => { let k = 0; requestAnimationFrame(function f() { if (++k >= ${n}) r(); else requestAnimationFrame(f); }); })`,
  );

/** Keeps the last state every demo reported, as the deck sees it. */
const recordStates = (page: Page) =>
  page.addInitScript(
    `document.addEventListener("demo-state", (e) => { window.lastDemoState = e.detail; });`,
  );

describe("chapter 3's Bishop fits", () => {
  test("reading: training waits until the fits are on screen", async () => {
    const watched = await openWatchedPage(browser, server.url);
    const { page } = watched;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(server.url + CHAPTER3);
    await page.waitForSelector("[data-demo] .demo-status", { state: "attached" });
    await page.evaluate("window.__notebook.settled");
    await frames(page, 30);
    assert.equal(await bishopSteps(page), 0, "nothing trained before the reader got there");
    await page.$eval("[data-demo]", (d) => d.scrollIntoView({ block: "center" }));
    await page.waitForFunction(
      () =>
        /Step [1-9]/.test(document.querySelector("[data-demo] .demo-status")?.textContent ?? ""),
      undefined,
      POLL,
    );
    assert.deepEqual(watched.errors, [], `no console errors: ${watched.errors.join("; ")}`);
    await page.close();
  });

  test("deck: starts on its slide, and at the fastest speed all four reach their targets", async () => {
    const watched = await openWatchedPage(browser, server.url);
    const { page } = watched;
    await page.setViewportSize({ width: 1280, height: 720 });
    await recordStates(page);
    await page.goto(`${server.url}${CHAPTER3}?slides`);
    await deckShown(page);
    // Starts on the slide before the fits' own (1-based, the cover is 1).
    const fitsSlide = await page.$$eval("article.chapter > section.slide", (sections) =>
      sections.findIndex((s) => s.querySelector(`[aria-label="Bishop's four fits"]`)),
    );
    assert.ok(fitsSlide > 0, "chapter 3's deck has a slide with the Bishop fits");
    await page.evaluate((n) => {
      location.hash = `#slide-${n}`;
    }, fitsSlide);
    await page.waitForFunction(
      (n) =>
        document
          .querySelectorAll("article.chapter > section.slide")
          [n - 1]?.classList.contains("is-current"),
      fitsSlide,
      POLL,
    );
    await page.waitForSelector("[data-demo] .demo-status", { state: "attached" });
    await frames(page, 20);
    assert.equal(await bishopSteps(page), 0, "the slide before: not started");
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(
      () =>
        /Step [1-9]/.test(
          document.querySelector("section.is-current [data-demo] .demo-status")?.textContent ?? "",
        ),
      undefined,
      POLL,
    );
    // The next slide pauses it; back on its slide it goes on.
    await page.keyboard.press("ArrowRight");
    await frames(page, 3);
    const left = await bishopSteps(page);
    await frames(page, 20);
    assert.equal(await bishopSteps(page), left, "leaving the slide stops it");
    await page.keyboard.press("ArrowLeft");
    await page.waitForFunction(
      (n) =>
        Number(
          /Step (\d+)/.exec(
            document.querySelector("section.is-current [data-demo] .demo-status")?.textContent ??
              "",
          )?.[1],
        ) > n,
      left,
      POLL,
    );
    // From the start at the fastest speed, all four fits get under their targets.
    await page.click("section.is-current .demo-restart");
    await page.selectOption("section.is-current .demo-speed select", "max");
    await page.waitForFunction(
      (targets) => {
        const state = (window as unknown as { lastDemoState?: { state?: { loss: number }[] } })
          .lastDemoState?.state;
        return state?.every((fit, i) => fit.loss < (Object.values(targets)[i] ?? 0)) ?? false;
      },
      TARGETS,
      POLL,
    );
    const steps = await bishopSteps(page);
    assert.ok(steps < 1500, `all four fits under target after ${steps} steps`);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/demos-chapter3-bishop-1280.png` });
    assert.deepEqual(watched.errors, [], `no console errors: ${watched.errors.join("; ")}`);
    await page.close();
  });

  test("print: the fits print as they stand, saying whether training had finished, with no orphan label", async () => {
    const watched = await openWatchedPage(browser, server.url);
    const { page } = watched;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${server.url}${CHAPTER3}?slides`);
    await deckShown(page);
    const fitsSlide = await page.$$eval("article.chapter > section.slide", (sections) =>
      sections.findIndex((s) => s.querySelector(`[aria-label="Bishop's four fits"]`)),
    );
    await page.evaluate((n) => {
      location.hash = `#slide-${n + 1}`;
    }, fitsSlide);
    await page.waitForFunction(
      () =>
        /Step [1-9]/.test(
          document.querySelector("section.is-current [data-demo] .demo-status")?.textContent ?? "",
        ),
      undefined,
      POLL,
    );
    // The status line's note and the speed label as the styles show them. The page lays out
    // anew for paper (the cell may draw its demo again), so the checks wait on the demo in place.
    const paperShows = (note: string, speedLabel: boolean) =>
      page.waitForFunction(
        ([note, speedLabel]) => {
          const demo = document.querySelector("section.is-current [data-demo]");
          const status = demo?.querySelector(".demo-status");
          if (!demo || !status) return false;
          const shown = getComputedStyle(status, "::after").content;
          const label = (demo.querySelector(".demo-speed")?.getClientRects().length ?? 0) > 0;
          return shown.includes(note as string) && label === speedLabel;
        },
        [note, speedLabel] as const,
        POLL,
      );
    await page.emulateMedia({ media: "print" });
    // Unfinished on paper: no Speed label without its menu, and the step count says so.
    await paperShows("printed before training finished", false);
    // A finished run (marked data-finished, checked below) prints its step count and no more.
    const markFinished = (on: boolean) =>
      page.$eval(
        "section.is-current [data-demo]",
        (demo, on) => demo.toggleAttribute("data-finished", on),
        on,
      );
    await markFinished(true);
    await paperShows("none", false);
    await markFinished(false);
    await page.emulateMedia({ media: null });
    await paperShows("none", true);
    // The controls mark a run that reached its end.
    await page.selectOption("section.is-current .demo-speed select", "max");
    await page.waitForFunction(
      () =>
        document.querySelector("section.is-current [data-demo]")?.hasAttribute("data-finished") ??
        false,
      undefined,
      POLL,
    );
    assert.match((await page.textContent("section.is-current .demo-status")) ?? "", /done$/);
    assert.deepEqual(watched.errors, [], `no console errors: ${watched.errors.join("; ")}`);
    await page.close();
  });
});
