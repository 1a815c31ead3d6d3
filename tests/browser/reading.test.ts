// Reading a chapter on a laptop and on a phone: graph views fit the width they have, the
// stepper keeps its place, number boxes hold their values. Against the built site (dist/), in
// Chromium.
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

  /** Pages with graph views, and how to bring the biggest graph of each up. */
  const GRAPH_PAGES: { path: string; prepare?: (page: Page) => Promise<void> }[] = [
    { path: "/chapters/05-chain-rule/" },
    { path: "/chapters/06-backpropagation/" },
    { path: "/chapters/07-forward-reverse-mode/" },
    {
      path: "/labs/backprop-by-hand/",
      prepare: async (page) => {
        await page.locator("details.lab-graph summary").click();
      },
    },
    {
      path: "/labs/graph-sandbox/",
      prepare: async (page) => {
        // The 2-2-1 network, the widest example.
        await page.locator("select").first().selectOption({ index: 5 });
        await page.waitForFunction(
          () => document.querySelectorAll(".graph-svg g[data-node]").length >= 12,
        );
      },
    },
  ];

  /** Nodes of view `k` outside the window or the drawing's box, and whether the box scrolls. */
  function cutNodes(
    page: Page,
    k: number,
  ): Promise<{ cut: string[]; scrolls: boolean; position: string }> {
    return page.evaluate((k) => {
      const view = document.querySelectorAll<HTMLElement>(".graph-view")[k];
      const canvas = view?.querySelector<HTMLElement>(".graph-canvas");
      if (!view || !canvas) return { cut: ["no view"], scrolls: false, position: "" };
      const box = canvas.getBoundingClientRect();
      const right = Math.min(box.right, document.documentElement.clientWidth);
      const left = Math.max(box.left, 0);
      const cut = [...canvas.querySelectorAll("g[data-node]")]
        .filter((g) => {
          const r = g.getBoundingClientRect();
          return r.left < left - 1 || r.right > right + 1;
        })
        .map((g) => g.getAttribute("aria-label")?.split(":")[0] ?? "?");
      return {
        cut,
        scrolls: canvas.scrollWidth > canvas.clientWidth + 1,
        position: view.dataset.position ?? "",
      };
    }, k);
  }

  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ] as const) {
    it(`at ${width} px every graph view shows every node at every step, without scrolling`, async () => {
      for (const { path, prepare } of GRAPH_PAGES) {
        const page = await open(path, width, height);
        await prepare?.(page);
        const views = await page.locator(".graph-view").count();
        assert.ok(views > 0, `${path}: no graph view`);
        for (let k = 0; k < views; k++) {
          const view = page.locator(".graph-view").nth(k);
          await view.scrollIntoViewIfNeeded();
          await view.locator(".graph-canvas").click({ position: { x: 2, y: 2 } });
          const count = Number(
            (await view.locator(".graph-position").textContent())?.match(/of (\d+)/)?.[1],
          );
          assert.ok(count > 0, `${path}: step count`);
          for (let step = 0; step <= count; step++) {
            const shown = await cutNodes(page, k);
            assert.equal(shown.scrolls, false, `${path} view ${k} at ${width} px scrolls sideways`);
            assert.deepEqual(
              shown.cut,
              [],
              `${path} view ${k} step ${shown.position}: nodes cut off`,
            );
            await page.keyboard.press("ArrowRight");
          }
          if (k === 0)
            await view.screenshot({
              path: join(
                SCREENSHOT_DIR,
                "reading",
                `graph-${width}${path.replace(/\//g, "_")}.png`,
              ),
            });
        }
        await page.close();
      }
    });
  }

  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ] as const) {
    it(`at ${width} px chapter 6's graph sets its numbers at 14 px or more, its op captions at 12`, async () => {
      const page = await open("/chapters/06-backpropagation/", width, height);
      const sizes = await page.$$eval(".graph-svg text", (texts) =>
        texts.map((t) => {
          const svg = t.closest("svg");
          const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
          const role = t.matches(".value, .grad") ? "value" : t.matches(".op") ? "op" : "other";
          return { role, px: Number.parseFloat(getComputedStyle(t).fontSize) * scale };
        }),
      );
      const least = (role: string) =>
        Math.min(...sizes.filter((s) => s.role === role).map((s) => s.px));
      assert.ok(least("value") >= 14, `values set at ${least("value").toFixed(1)} px`);
      assert.ok(least("op") >= 12, `op captions set at ${least("op").toFixed(1)} px`);
      console.log(
        `${width} px: values ${least("value").toFixed(1)} px, op captions ${least("op").toFixed(1)} px`,
      );
      await page.close();
    });
  }

  it("the stepper keeps its step when a slider moves (chapter 5)", async () => {
    const page = await open("/chapters/05-chain-rule/", 1440, 900);
    const view = page.locator(".graph-view").first();
    await view.scrollIntoViewIfNeeded();
    await view.locator(".graph-canvas").click({ position: { x: 2, y: 2 } });
    for (let i = 0; i < 12; i++) await page.keyboard.press("ArrowRight");
    await page.waitForFunction(
      () => document.querySelector(".graph-view")?.getAttribute("data-position") === "12",
    );
    const before = await view.locator(".graph-svg").textContent();
    await page.getByRole("spinbutton", { name: "y", exact: true }).fill("-1");
    await page.getByRole("spinbutton", { name: "y", exact: true }).press("Enter");
    // A new view on the new numbers, at the same step.
    await page.waitForFunction((old) => {
      const v = document.querySelector(".graph-view");
      return (
        v?.querySelector(".graph-svg")?.textContent !== old &&
        v?.getAttribute("data-position") === "12"
      );
    }, before);
    assert.match((await view.locator(".graph-position").textContent()) ?? "", /step 12 of/);
    await page.close();
  });

  it("after ticking each of its checkboxes, ← and → still step the graph", async () => {
    const page = await open("/chapters/06-backpropagation/", 1440, 900);
    const view = page.locator(".graph-view").first();
    await view.scrollIntoViewIfNeeded();
    await view.locator(".graph-canvas").click({ position: { x: 2, y: 2 } });
    const position = () => view.getAttribute("data-position");
    let at = Number(await position());
    for (const name of ["fd", "nudge", "neurons", "size"]) {
      const box = view.locator(`.graph-${name}-toggle input, input.graph-${name}-toggle`).first();
      await box.check();
      assert.equal(await box.isChecked(), true, name);
      at = Number(await position());
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction(
        ([sel, want]) => document.querySelector(sel)?.getAttribute("data-position") === want,
        [".graph-view", String(at + 2)] as const,
      );
      await page.keyboard.press("ArrowLeft");
      await page.waitForFunction(
        ([sel, want]) => document.querySelector(sel)?.getAttribute("data-position") === want,
        [".graph-view", String(at + 1)] as const,
      );
      // Space still ticks the box.
      await page.keyboard.press(" ");
      assert.equal(await box.isChecked(), false, `${name}: Space unticks`);
      await page.keyboard.press(" ");
    }
    await page.close();
  });

  it("on a 390 px phone a formula or table wider than the screen fits, or says it scrolls", async () => {
    // Pages with wide blocks; re-cutting may break a page's last too-wide formula into rows, so
    // the hint is required on one page at least, not on each.
    let hinted = 0;
    for (const path of [
      "/chapters/02-neurons-activations/",
      "/chapters/05-chain-rule/",
      "/chapters/06-backpropagation/",
    ]) {
      const page = await open(path, 390, 844);
      // Bring every block near the window once: they are measured as they come into sight.
      const height = await page.evaluate(() => document.body.scrollHeight);
      for (let y = 0; y < height; y += 500) {
        await page.evaluate((top) => window.scrollTo({ top, behavior: "instant" }), y);
        await page.evaluate(
          () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
        );
      }
      const blocks = await page.$$eval(".chapter .math-display, .chapter table", (els) =>
        els.map((e) => ({
          text: (e.textContent ?? "").trim().slice(0, 30),
          cut: e.scrollWidth > e.clientWidth + 1,
          scrolls: e.classList.contains("scrolls"),
          region:
            e.getAttribute("role") === "region" &&
            /scroll sideways/.test(e.getAttribute("aria-label") ?? ""),
          hint: e.nextElementSibling?.classList.contains("scroll-hint") ?? false,
        })),
      );
      const unmarked = blocks.filter((b) => b.cut && !(b.scrolls && b.region && b.hint));
      assert.deepEqual(unmarked, [], `${path}: cut off without saying so`);
      if (blocks.some((b) => b.scrolls)) {
        hinted += 1;
        const hint = page.locator(".scroll-hint").first();
        await hint.scrollIntoViewIfNeeded();
        await page.screenshot({
          path: join(SCREENSHOT_DIR, "reading", `phone-scroll-hint${path.replace(/\//g, "_")}.png`),
        });
      }
      await page.close();
    }
    assert.ok(hinted > 0, "a formula or table too wide for a phone scrolls with a hint");
  });
});
