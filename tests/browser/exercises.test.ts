// Exercises and predictions in Chromium against the built site (dist/), on chapter 5: a wrong
// answer gets a specific message, hints come in order, the solution waits for an attempt, a
// right answer is marked done (and counted on the index), a prediction's feedback names the
// misconception and survives a reload; Export, clearing storage and Import restore all of it.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
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
  type WatchedPage,
} from "./harness.ts";
import { slideHeldStill } from "./slide-survey.ts";

let browser: Browser;
let server: StaticServer;
const opened: WatchedPage[] = [];
const CHAPTER = "/chapters/05-chain-rule/";

async function open(url = CHAPTER): Promise<WatchedPage> {
  const watched = await openWatchedPage(browser, server.url);
  opened.push(watched);
  await watched.page.setViewportSize({ width: 1100, height: 900 });
  await watched.page.goto(server.url + url);
  await watched.page.evaluate(() => window.__notebook?.settled);
  return watched;
}

/** The exercise block with this id, once drawn. */
async function block(page: Page, id: string) {
  const found = page.locator(`#exercise-${id}`);
  await found.waitFor();
  return found;
}

/** Replaces the code in the answer editor of the cell declaring `name`, then runs it. */
async function answer(page: Page, name: string, code: string): Promise<void> {
  const id = await page.evaluate(
    (n) => window.__notebook?.cells().find((c) => c.outputs.includes(n))?.id,
    name,
  );
  const content = page.locator(`[data-edit-for="${id}"] .cm-content`);
  await content.waitFor();
  await content.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(code);
  await page.keyboard.press("Shift+Enter");
}

describe("exercises and predictions (chapter 5)", () => {
  before(async () => {
    browser = await launchBrowser();
    server = await serveStatic(DIST);
    mkdirSync(join(SCREENSHOT_DIR, "cells"), { recursive: true });
  });
  after(async () => {
    for (const w of opened) await w.page.close();
    await browser?.close();
    await server?.close();
  });

  it("a wrong backward rule gets the entry that is off; hints in order; a right one is done", async () => {
    const { page, errors } = await open();
    let ex = await block(page, "square-backward");
    await ex.scrollIntoViewIfNeeded();
    const solution = ex.getByRole("button", { name: "Solution" });
    assert.equal(await solution.isDisabled(), true);
    await ex.getByRole("button", { name: "Check", exact: true }).click();
    const result = ex.locator(".exercise-result");
    await page.waitForFunction(() =>
      document
        .querySelector("#exercise-square-backward .exercise-result")
        ?.textContent?.startsWith("✗"),
    );
    assert.match(String(await result.textContent()), /^✗ ∂L\/∂r\[0\] is off by [\d.]+: yours is/);
    assert.equal(await solution.isDisabled(), false);
    await ex.getByRole("button", { name: /^Hint \(1 of 2\)$/ }).click();
    await ex.getByRole("button", { name: /^Hint \(2 of 2\)$/ }).click();
    const hints = await ex.locator(".exercise-hints li").allTextContents();
    assert.equal(hints.length, 2);
    assert.match(hints[0], /local derivative of r² is 2r/);
    assert.match(hints[1], /upstream/);
    assert.equal(await ex.getByRole("button", { name: "No more hints" }).isDisabled(), true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "cells", "exercise-wrong.png") });

    await answer(
      page,
      "squareBackward",
      "function squareBackward(r, upstream) {\n  return r.mul(2).mul(upstream);\n}",
    );
    // The exercise's cell runs again with the new rule; hints already seen stay shown.
    await page.waitForFunction(
      () => !document.querySelector("#exercise-square-backward .exercise-result")?.textContent,
    );
    ex = await block(page, "square-backward");
    assert.equal(await ex.locator(".exercise-hints li").count(), 2);
    await ex.getByRole("button", { name: "Check", exact: true }).click();
    await page.waitForFunction(
      () =>
        document.querySelector("#exercise-square-backward .exercise-status")?.textContent ===
        "✓ done",
    );
    assert.match(
      String(await ex.locator(".exercise-result").textContent()),
      /^✓ Right\. your rule matches autograd/,
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, "cells", "exercise-right.png") });
    // The chapter's header list and the index count it.
    const header = page.locator(".work-bar .exercise-list");
    assert.match(
      String(await header.locator("summary").textContent()),
      /^Exercises: 1 of \d+ done$/,
    );
    await page.goto(`${server.url}/`);
    const entry = page.locator('[data-page-key="chapters/05-chain-rule/"] .entry-progress');
    await entry.waitFor();
    assert.match(String(await entry.textContent()), /^1 of \d+ exercises done$/);
    assert.deepEqual(errors, []);
  });

  it("a parameter-gradient exercise names the slip (the sign of ∂ℓ/∂b)", async () => {
    const { page } = await open();
    const ex = await block(page, "least-squares-grad");
    await ex.scrollIntoViewIfNeeded();
    await answer(
      page,
      "leastSquaresGrad",
      "function leastSquaresGrad(x, y, w, b) {\n  const r = y - (w.reduce((s, wj, j) => s + wj * x[j], 0) + b);\n  return { dw: x.map((xj) => 2 * r * xj), db: 2 * r };\n}",
    );
    await page.waitForFunction(
      () => !document.querySelector("#exercise-least-squares-grad .exercise-result")?.textContent,
    );
    await page
      .locator("#exercise-least-squares-grad")
      .getByRole("button", { name: "Check", exact: true })
      .click();
    await page.waitForFunction(() =>
      document
        .querySelector("#exercise-least-squares-grad .exercise-result")
        ?.textContent?.includes("Only the sign is wrong"),
    );
  });

  it("a prediction answers a misconception, reveals, and keeps the answer across a reload", async () => {
    const { page } = await open();
    const ex = await block(page, "affine-column");
    await ex.getByRole("radio", { name: "row k" }).check();
    await ex.getByRole("button", { name: "Check", exact: true }).click();
    const result = ex.locator(".exercise-result");
    await result.waitFor();
    assert.match(
      String(await result.textContent()),
      /^✗ The answer is column k\. A row of M belongs to one output/,
    );
    const count = await block(page, "path-count");
    await count.getByRole("textbox").fill("1000");
    await count.getByRole("textbox").press("Enter");
    await page.waitForFunction(() =>
      document
        .querySelector("#exercise-path-count .exercise-result")
        ?.textContent?.startsWith("✓ Right."),
    );
    await page.reload();
    await page.evaluate(() => window.__notebook?.settled);
    const again = await block(page, "affine-column");
    assert.equal(await again.getByRole("radio", { name: "row k" }).isChecked(), true);
    assert.match(String(await again.locator(".exercise-result").textContent()), /A row of M/);
  });

  it("Export my work, clear the storage, Import: edits, answers and progress all come back; Reset all forgets them", async () => {
    const { page } = await open();
    const ex = await block(page, "ridge-grad");
    await ex.scrollIntoViewIfNeeded();
    const code = "function ridgeGrad(x, y, w, b, lambda) {\n  return { dw: [1, 2, 3], db: 42 };\n}";
    await answer(page, "ridgeGrad", code);
    const count = await block(page, "path-count");
    await count.getByRole("textbox").fill("2");
    await count.getByRole("button", { name: "Check", exact: true }).click();
    await page.waitForFunction(() =>
      document
        .querySelector("#exercise-path-count .exercise-result")
        ?.textContent?.includes("Two was the count"),
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export my work" }).click(),
    ]);
    const file = await download.path();
    const saved = JSON.parse(readFileSync(file, "utf8"));
    assert.equal(saved.format, "backprop-notebook-work");
    assert.equal(saved.pages["chapters/05-chain-rule/"].fields["predict:path-count"], "2");

    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.evaluate(() => window.__notebook?.settled);
    assert.equal(await page.locator(".cell-edited-badge").count(), 0);
    assert.equal(await (await block(page, "path-count")).getByRole("textbox").inputValue(), "");

    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.getByRole("button", { name: "Import" }).click(),
    ]);
    await Promise.all([page.waitForEvent("load"), chooser.setFiles(file)]);
    await page.evaluate(() => window.__notebook?.settled);
    assert.equal(await (await block(page, "path-count")).getByRole("textbox").inputValue(), "2");
    await page.locator(".cell-edited-badge").first().waitFor();
    const id = await page.evaluate(
      () => window.__notebook?.cells().find((c) => c.outputs.includes("ridgeGrad"))?.id,
    );
    assert.match(
      String(await page.locator(`[data-edit-for="${id}"] .cm-content`).textContent()),
      /db: 42/,
    );

    page.once("dialog", (dialog) => void dialog.accept());
    await Promise.all([
      page.waitForEvent("load"),
      page.getByRole("button", { name: "Reset all" }).click(),
    ]);
    await page.evaluate(() => window.__notebook?.settled);
    assert.equal(await page.locator(".cell-edited-badge").count(), 0);
    assert.equal(await (await block(page, "path-count")).getByRole("textbox").inputValue(), "");
  });

  for (const chapter of [
    "02-neurons-activations",
    "05-chain-rule",
    "06-backpropagation",
    "07-forward-reverse-mode",
    "11-perspective",
  ])
    it(`chapter ${chapter.slice(0, 2)}: at least three checked exercises, each passed by its own solution`, async () => {
      const { page, errors } = await open(`/chapters/${chapter}/`);
      const ids = await page.$$eval(".exercise:not(.predict)", (blocks) =>
        blocks.map((b) => (b as HTMLElement).dataset.exercise ?? ""),
      );
      assert.ok(ids.length >= 3, `${chapter} has ${ids.length} checked exercises`);
      assert.ok((await page.locator(".exercise.predict").count()) >= 1);
      for (const id of ids) {
        const ex = page.locator(`#exercise-${id}`);
        await ex.scrollIntoViewIfNeeded();
        await ex.getByRole("button", { name: "Check", exact: true }).click();
        await page.waitForFunction(
          (i) =>
            document.querySelector(`#exercise-${i} .exercise-result`)?.textContent?.startsWith("✗"),
          id,
        );
        await ex.getByRole("button", { name: "Solution" }).click();
        await ex.getByRole("button", { name: "Use this solution" }).click();
        await page.waitForFunction(
          (i) => !document.querySelector(`#exercise-${i} .exercise-result`)?.textContent,
          id,
        );
        await page
          .locator(`#exercise-${id}`)
          .getByRole("button", { name: "Check", exact: true })
          .click();
        await page.waitForFunction(
          (i) =>
            document.querySelector(`#exercise-${i} .exercise-status`)?.textContent === "✓ done",
          id,
        );
      }
      const failed = await page.$$eval(".cell-failed", (cells) =>
        cells.map((c) => c.textContent ?? ""),
      );
      assert.deepEqual(failed, []);
      assert.deepEqual(errors, []);
    });
});

/** What a text element measures on screen, and whether it lies inside the slide's box. */
interface Measured {
  what: string;
  size: number;
  inside: boolean;
}

describe("an exercise on a slide, at projection size", () => {
  before(async () => {
    browser = await launchBrowser();
    server = await serveStatic(DIST);
    mkdirSync(join(SCREENSHOT_DIR, "cells"), { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const screen of [
    { width: 1280, height: 720, aspect: "" },
    { width: 1024, height: 768, aspect: "4:3" },
  ]) {
    it(`${screen.width}×${screen.height}: a cell's Edit button, shown on hover, covers neither the title nor the cell's controls`, async () => {
      const { page, errors } = await openWatchedPage(browser, server.url);
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await page.goto(
        `${server.url}/chapters/08-training-in-practice/?slides${screen.aspect ? `&aspect=${screen.aspect}` : ""}`,
      );
      await page.waitForSelector("body.deck-mode section.slide.is-current");
      // The first slide whose title is followed straight away by a cell of controls.
      const index = await page.$$eval(
        "article.chapter > section.slide",
        (slides) =>
          slides.findIndex((s) => {
            let next = s.querySelector(":scope > h2")?.nextElementSibling;
            while (next?.classList.contains("cell-edit-bar")) next = next.nextElementSibling;
            return (
              next?.classList.contains("cell") === true && next.querySelector("input") !== null
            );
          }) + 1,
      );
      assert.ok(index > 0, "chapter 8 has a slide with controls under its title");
      await page.evaluate((n) => {
        location.hash = `#slide-${n}`;
      }, index);
      const cell = page.locator("section.slide.is-current > .cell:has(input)").first();
      await cell.locator("input").first().waitFor();
      await cell.hover();
      const button = page.locator(
        "section.slide.is-current > .cell-edit-bar:has(+ .cell:hover) button",
      );
      await page.waitForFunction(
        () =>
          getComputedStyle(
            document.querySelector(
              "section.slide.is-current > .cell-edit-bar:has(+ .cell:hover)",
            ) ?? document.body,
          ).opacity === "1",
      );
      // The callback below names a helper; tsx wraps named functions in __name.
      await page.evaluate("globalThis.__name ??= (f) => f");
      const boxes = await page.evaluate(() => {
        const slide = document.querySelector("section.slide.is-current");
        const bar = slide?.querySelector(":scope > .cell-edit-bar:has(+ .cell:hover)");
        const rect = (e: Element | null | undefined) => e?.getBoundingClientRect().toJSON();
        return {
          slide: rect(slide),
          button: rect(bar?.querySelector("button")),
          title: rect(slide?.querySelector(":scope > h2")),
          controls: Array.from(
            bar?.nextElementSibling?.querySelectorAll("input, label") ?? [],
            rect,
          ),
        };
      });
      type Box = { left: number; right: number; top: number; bottom: number };
      const overlap = (a: Box, b: Box) =>
        a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const {
        slide,
        button: edit,
        title,
        controls,
      } = boxes as {
        slide: Box;
        button: Box;
        title: Box;
        controls: Box[];
      };
      assert.ok(edit, "the Edit button shows");
      assert.ok(
        !overlap(edit, title),
        `Edit ${JSON.stringify(edit)} covers the title ${JSON.stringify(title)}`,
      );
      for (const c of controls)
        assert.ok(!overlap(edit, c), `Edit covers a control at ${JSON.stringify(c)}`);
      assert.ok(
        edit.left >= slide.left && edit.right <= slide.right + 0.5,
        "Edit lies inside the slide",
      );
      // It still opens the cell's editor, on the slide.
      await button.click();
      await page.locator("section.slide.is-current .cm-editor").waitFor();
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it("1280×720: live coding on a slide — Edit, change the code, Shift+Enter; the output updates, the editor reads at 14 px or more", async () => {
    const { page, errors } = await openWatchedPage(browser, server.url);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${server.url}/chapters/11-perspective/?slides`);
    await page.waitForSelector("body.deck-mode section.slide.is-current");
    const index = await page.$$eval(
      "article.chapter > section.slide",
      (slides) =>
        slides.findIndex((s) => s.querySelector("h2")?.textContent?.includes("ImageNet, 2012")) + 1,
    );
    assert.ok(index > 0, "chapter 11 has its ImageNet slide");
    await page.evaluate((n) => {
      location.hash = `#slide-${n}`;
    }, index);
    const current = page.locator("section.slide.is-current");
    await current.locator(".cell").filter({ hasText: "relative reduction" }).waitFor();
    await current.getByRole("button", { name: "Edit", exact: true }).click();
    const content = current.locator(".cm-content");
    await content.waitFor();
    await content.focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText('({ "relative reduction": "edited on the projector" })');
    await page.keyboard.press("Shift+Enter");
    await current.locator(".cell").filter({ hasText: "edited on the projector" }).waitFor();
    const editor = await page.evaluate(() => {
      const slide = document.querySelector<HTMLElement>("section.slide.is-current");
      const line = slide?.querySelector(".cm-line");
      if (!slide || !line) return { size: 0, inside: false };
      const box = slide.getBoundingClientRect();
      const r = line.getBoundingClientRect();
      const scale = box.width / slide.offsetWidth;
      return {
        size: Number.parseFloat(getComputedStyle(line).fontSize) * scale,
        inside: r.top >= box.top - 1 && r.bottom <= box.bottom + 1,
      };
    });
    await page.screenshot({
      path: join(SCREENSHOT_DIR, "cells", "live-coding-on-slide-1280x720.png"),
    });
    assert.ok(editor.size >= 14, `the editor's code drawn at ${editor.size} px (at least 14)`);
    assert.ok(editor.inside, "the editor lies inside the slide");
    // Typing and running in the editor left the deck on its slide.
    assert.equal(await page.evaluate(() => location.hash), `#slide-${index}`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  for (const [exerciseId, screen] of ["sigmoid-backward", "leaky-relu-backward"].flatMap((id) =>
    [
      { width: 1280, height: 720, aspect: "" },
      { width: 1024, height: 768, aspect: "4:3" },
    ].map((screen) => [id, screen] as const),
  )) {
    it(`${exerciseId}, ${screen.width}×${screen.height}${screen.aspect ? ` (${screen.aspect})` : ""}: the editor, Check and its verdict read at 14 px or more, inside the slide`, async () => {
      const { page, errors } = await openWatchedPage(browser, server.url);
      await page.setViewportSize({ width: screen.width, height: screen.height });
      const address = `${server.url}/chapters/02-neurons-activations/?slides${screen.aspect ? `&aspect=${screen.aspect}` : ""}`;
      await page.goto(address);
      await page.waitForSelector("body.deck-mode section.slide.is-current");
      // The slide holding one of chapter 2's backward-rule exercises.
      const index = await page.$$eval(
        "article.chapter > section.slide",
        (slides, id) => slides.findIndex((s) => s.querySelector(`#exercise-${id}`)) + 1,
        exerciseId,
      );
      assert.ok(index > 0, `chapter 2 has the ${exerciseId} exercise on a slide`);
      await page.evaluate((n) => {
        location.hash = `#slide-${n}`;
      }, index);
      // The student's editor opens by itself when the exercise shows.
      await page.waitForSelector("section.slide.is-current .cm-editor .cm-line");
      const current = page.locator("section.slide.is-current");
      await current.getByRole("button", { name: "Check", exact: true }).click();
      await page.waitForFunction(
        (id) =>
          document
            .querySelector(`section.slide.is-current #exercise-${id} .exercise-result`)
            ?.textContent?.startsWith("✗"),
        exerciseId,
      );
      // The deck refits the slide to its grown content on a later frame.
      await slideHeldStill(page);
      const measured: Measured[] = await page.evaluate(() => {
        const slide = document.querySelector<HTMLElement>("section.slide.is-current");
        if (!slide) return [];
        const box = slide.getBoundingClientRect();
        const scale = box.width / slide.offsetWidth;
        const parts: [string, string][] = [
          ["editor line", ".cm-editor .cm-line"],
          ["Run", ".cell-editor-run"],
          ["Check", ".exercise-check"],
          ["verdict", ".exercise-result"],
        ];
        return parts.map(([what, selector]) => {
          const el = slide.querySelector(selector);
          if (!el) return { what, size: 0, inside: false };
          const r = el.getBoundingClientRect();
          return {
            what,
            size: Math.round(Number.parseFloat(getComputedStyle(el).fontSize) * scale * 10) / 10,
            inside:
              r.top >= box.top - 1 &&
              r.bottom <= box.bottom + 1 &&
              r.left >= box.left - 1 &&
              r.right <= box.right + 1,
          };
        });
      });
      await page.screenshot({
        path: join(
          SCREENSHOT_DIR,
          "cells",
          `exercise-${exerciseId}-on-slide-${screen.width}x${screen.height}.png`,
        ),
      });
      console.log(measured.map((m) => `${m.what} ${m.size} px`).join(", "));
      for (const m of measured) {
        assert.ok(m.size >= 14, `${m.what} drawn at ${m.size} px (at least 14)`);
        assert.ok(m.inside, `${m.what} lies inside the slide`);
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
