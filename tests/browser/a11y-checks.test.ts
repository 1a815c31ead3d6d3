// What axe cannot see, checked the way a reader meets it: chapter 6 and the backprop-by-hand
// lab with the keyboard alone, what the accessibility tree says as the stepper steps and a live
// demo runs, reduced motion, and 200% browser zoom.
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { goToSlide, nextPaint, pagesOf, settled } from "./a11y-pages.ts";
import {
  DIST,
  deckShown,
  launchBrowser,
  SCREENSHOT_DIR,
  type StaticServer,
  serveStatic,
} from "./harness.ts";

let browser: Browser;
let server: StaticServer;

before(async () => {
  if (!existsSync(`${DIST}/index.html`)) {
    throw new Error(`${DIST}/index.html is missing: run \`node --import tsx build.mjs\` first`);
  }
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  mkdirSync(join(SCREENSHOT_DIR, "a11y"), { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** One Tab stop: what it is, and whether something shows where the focus is. */
interface Stop {
  what: string;
  ring: boolean;
}

/**
 * Presses Tab from the top of the page until the focus comes round again, recording each stop
 * (at most `limit`). A stop shows focus when it has an outline or a box shadow, or when a
 * part of the widget it belongs to draws a ring (an SVG node's halo, or the frame a code
 * editor draws round its text while the text has the focus).
 */
async function tabThrough(page: Page, limit = 400): Promise<Stop[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const stops: Stop[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < limit; k++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const path: string[] = [];
      for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
        const i = e.parentElement ? [...e.parentElement.children].indexOf(e) : 0;
        path.unshift(`${e.localName}:${i}`);
      }
      const style = getComputedStyle(el);
      const halo = el.querySelector(".halo");
      const editor = el.closest(".cm-editor");
      // (No named helper here: the page runs this function's source as it is.)
      const framed = [style, ...(editor ? [getComputedStyle(editor)] : [])].some(
        (s) =>
          (s.outlineStyle !== "none" && Number.parseFloat(s.outlineWidth) > 0) ||
          s.boxShadow !== "none",
      );
      const ring = framed || (halo !== null && getComputedStyle(halo).strokeOpacity !== "0");
      const name = el.getAttribute("aria-label") ?? (el.textContent ?? "").trim().slice(0, 40);
      return { key: path.join("/"), what: `${el.localName} "${name}"`, ring };
    });
    if (stop === null || seen.has(stop.key)) break;
    seen.add(stop.key);
    stops.push({ what: stop.what, ring: stop.ring });
  }
  return stops;
}

/** Controls a keyboard reader must be able to reach on the page, as `tag "name"` strings. */
function reachable(page: Page): Promise<string[]> {
  return page.$$eval("main :is(a[href], button, input, select, textarea, [tabindex='0'])", (els) =>
    els
      .filter((el) => {
        const box = el.getBoundingClientRect();
        // Not inside a closed <details> or anything else hiding it (its summary is reached).
        return (
          box.width > 0 &&
          box.height > 0 &&
          el.checkVisibility({ visibilityProperty: true }) &&
          !(el as HTMLElement).closest("[inert], [hidden], [aria-hidden='true']") &&
          !(el as HTMLInputElement).disabled &&
          el.getAttribute("tabindex") !== "-1"
        );
      })
      .map(
        (el) =>
          `${el.localName} "${el.getAttribute("aria-label") ?? (el.textContent ?? "").trim().slice(0, 40)}"`,
      ),
  );
}

describe("keyboard alone", () => {
  for (const path of ["chapters/06-backpropagation/", "labs/backprop-by-hand/"]) {
    it(`/${path}: Tab reaches every control, each showing where the focus is, and comes round`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${server.url}/${path}`);
      await settled(page);
      // An exercise opens its student's editor (code, Run, Reset) when it first comes into
      // view: bring the whole page past once and wait for them, so Tab meets every control.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        }
      });
      await page.waitForFunction(() =>
        [...document.querySelectorAll(".exercise-answer")].every((bar) =>
          bar.querySelector(".cm-editor"),
        ),
      );
      const stops = await tabThrough(page);
      const wanted = await reachable(page);
      assert.ok(
        stops.length >= wanted.length,
        `${stops.length} Tab stops for ${wanted.length} controls`,
      );
      const missing = wanted.filter((w) => !stops.some((s) => s.what === w));
      assert.deepEqual(missing, [], "controls Tab never reached");
      const ringless = stops.filter((s) => !s.ring).map((s) => s.what);
      assert.deepEqual(ringless, [], "stops with no visible focus");
      assert.ok(stops.length < 400, "the focus comes back round (no trap)");
      await page.close();
    });
  }

  it("chapter 6: the stepper runs from the keyboard, and its node buttons are one Tab stop", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/chapters/06-backpropagation/`);
    await settled(page);
    const view = page.locator(".graph-view").first();
    await view.scrollIntoViewIfNeeded();
    const position = async () => Number(await view.getAttribute("data-position"));
    await view.locator(".graph-btn-next").focus();
    await page.keyboard.press("Enter");
    // The drawing itself takes the stepper's keys (in the toolbar, arrows move between buttons).
    await view.focus();
    await page.waitForFunction(
      () => document.querySelector(".graph-view")?.getAttribute("data-position") === "1",
    );
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(
      () => document.querySelector(".graph-view")?.getAttribute("data-position") === "2",
    );
    await page.keyboard.press("End");
    const end = await position();
    assert.ok(end > 2, `End runs to the last step (${end})`);
    await page.keyboard.press("ArrowLeft");
    await page.waitForFunction(
      (n) => Number(document.querySelector(".graph-view")?.getAttribute("data-position")) === n,
      end - 1,
    );
    // The drawing's nodes take one Tab stop (the current step's node); arrows move among them.
    const tabbable = await view.locator(".graph-svg [data-node][tabindex='0']").count();
    assert.equal(tabbable, 1);
    await page.close();
  });
});

describe("what the accessibility tree says", () => {
  it("the stepper announces each step in words and names each node with what it shows", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/chapters/06-backpropagation/`);
    await settled(page);
    const view = page.locator(".graph-view").first();
    await view.scrollIntoViewIfNeeded();
    await view.locator(".graph-btn-end").click();
    await view.locator(".graph-btn-prev").click();
    const live = view.locator(".graph-live");
    await page.waitForFunction(() =>
      /^Backward/.test(document.querySelector(".graph-view .graph-live")?.textContent ?? ""),
    );
    const said = (await live.textContent()) ?? "";
    assert.match(said, /^Backward \d+ of \d+: /, said);
    assert.doesNotMatch(said, /\\[a-z]+|[{}^_]/, `the announcement is words, not TeX: ${said}`);
    const tree = await view.ariaSnapshot();
    await page.screenshot({ path: join(SCREENSHOT_DIR, "a11y", "stepper-mid-backward.png") });
    // Every node is a button named by its label and what it holds.
    // One step before the end of the sweep (output → input), W⁽²⁾ has its gradient, W⁽¹⁾ not yet.
    assert.match(tree, /button "W⁽²⁾, parameter: value \[[^\]]+\], gradient \[[^\]]+\]/);
    assert.match(tree, /button "W⁽¹⁾, parameter: value \[[^\]]+\]"/);
    assert.match(tree, /button "a⁽¹⁾ tanh: value \[[^\]]+\]/);
    assert.match(tree, /toolbar "Stepper controls"/);
    // The numbers drawn on the nodes are not read a second time after the names.
    assert.doesNotMatch(tree, /text: "?∇/);
    await page.close();
  });

  it("a slide's live demo is a named group with its controls and status", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.url}/chapters/03-one-hidden-layer/?slides`);
    await deckShown(page);
    const slide = await page.$$eval(
      "article.chapter > section.slide",
      (sections) => sections.findIndex((s) => s.querySelector(".demo-controls") !== null) + 1,
    );
    assert.ok(slide > 0, "chapter 3 has a slide with a live demo");
    await goToSlide(page, slide);
    const demo = page.locator("section.slide.is-current .demo-controls").first();
    await page.waitForFunction(() =>
      /Step [1-9]/.test(
        document.querySelector("section.slide.is-current .demo-status")?.textContent ?? "",
      ),
    );
    const tree = await demo.ariaSnapshot();
    assert.match(tree, /group "Bishop's four fits"/);
    assert.match(tree, /button "(Pause|Play)"/);
    assert.match(tree, /combobox/);
    assert.match(tree, /Step \d+/);
    await page.close();
  });
});

describe("reduced motion", () => {
  it("stops every CSS animation and transition, and a live demo waits for Play", async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: "reduce",
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/chapters/06-backpropagation/`);
    await settled(page);
    const view = page.locator(".graph-view").first();
    await view.scrollIntoViewIfNeeded();
    for (let k = 0; k < 3; k++) await view.locator(".graph-btn-next").click();
    const moving = await page.evaluate(() =>
      document
        .getAnimations()
        .filter((a) => Number(a.effect?.getComputedTiming().duration ?? 0) > 1)
        .map((a) => (a.effect as KeyframeEffect | null)?.target?.className ?? "?"),
    );
    assert.deepEqual(moving, [], "animations still running under reduced motion");

    await page.goto(`${server.url}/chapters/03-one-hidden-layer/`);
    await settled(page);
    const demo = page.locator(".demo-controls").first();
    await demo.scrollIntoViewIfNeeded();
    const play = demo.locator("button").first();
    await nextPaint(page);
    assert.equal(await play.textContent(), "Play", "training waits for the reader");
    assert.match((await demo.locator(".demo-status").textContent()) ?? "", /^Step 0/);
    // Played, each plot redraws about twice a second, not on every frame.
    const figure = page
      .locator("figure.plot")
      .filter({ has: page.locator("svg") })
      .first();
    await page.evaluate(() => {
      // One count per plot (the demo may draw several, as Bishop's four fits), each callback one
      // redraw: Vega renders a frame's changes to a plot in one task.
      const w = window as unknown as { redraws: number[] };
      w.redraws = [];
      document.querySelectorAll("figure.plot svg").forEach((svg, k) => {
        w.redraws[k] = 0;
        new MutationObserver(() => {
          w.redraws[k]++;
        }).observe(svg, { subtree: true, childList: true, attributes: true });
      });
    });
    assert.ok(await figure.count());
    await play.click();
    const started = Date.now();
    await page.waitForFunction(() =>
      /Step [1-9]/.test(document.querySelector(".demo-status")?.textContent ?? ""),
    );
    await page.waitForTimeout(2000); // a span of time to count redraws in, not a wait for a state
    const seconds = (Date.now() - started) / 1000;
    const redraws = await page.evaluate(() =>
      Math.max(...(window as unknown as { redraws: number[] }).redraws),
    );
    assert.ok(
      redraws <= Math.ceil(seconds * 2) + 2,
      `a plot redrew ${redraws} times in ${seconds.toFixed(1)} s under reduced motion`,
    );
    await context.close();
  });
});

describe("200% browser zoom", () => {
  it("every page at 640 CSS px (a 1280 px window at 200%) needs no sideways scrolling", async () => {
    const context = await browser.newContext({
      viewport: { width: 640, height: 720 },
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of pagesOf(DIST)) {
      await page.goto(`${server.url}/${path}`);
      await settled(page);
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - window.innerWidth,
        // Content pushed past the right edge without a scroll box of its own to reach it.
        cut: [...document.querySelectorAll("main *")]
          .filter((el) => {
            const box = el.getBoundingClientRect();
            if (box.width === 0 || box.right <= window.innerWidth + 1) return false;
            for (let p = el.parentElement; p; p = p.parentElement) {
              const o = getComputedStyle(p).overflowX;
              if (o === "auto" || o === "scroll" || o === "hidden") return false;
            }
            return true;
          })
          .slice(0, 3)
          .map((el) => `${el.localName}.${el.className}`),
      }));
      if (overflow.page > 1) problems.push(`/${path}: ${overflow.page}px wider than the window`);
      if (overflow.cut.length > 0) problems.push(`/${path}: cut off: ${overflow.cut.join(", ")}`);
      if (path === "chapters/06-backpropagation/")
        await page.screenshot({ path: join(SCREENSHOT_DIR, "a11y", "chapter6-zoom200.png") });
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});
