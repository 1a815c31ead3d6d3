// Editing a chapter's cells in Chromium against the built site (dist/): Edit opens the code in
// an editor in place, Run (and Shift+Enter) re-runs the cell and every cell using its names,
// errors are placed in the edited code, a loop that never ends is stopped while the page keeps
// answering, and an edit survives a reload until Reset.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
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

let browser: Browser;
let server: StaticServer;
const opened: WatchedPage[] = [];
const CHAPTER = "/chapters/05-chain-rule/";

async function openChapter(url = CHAPTER): Promise<WatchedPage> {
  const watched = await openWatchedPage(browser, server.url);
  opened.push(watched);
  await watched.page.setViewportSize({ width: 1100, height: 900 });
  await watched.page.goto(server.url + url);
  await watched.page.evaluate(() => window.__notebook?.settled);
  return watched;
}

/** The id of the page's cell whose code contains `text`. */
function cellWith(page: Page, text: string): Promise<string> {
  return page.evaluate((t) => {
    const cell = window.__notebook?.cells().find((c) => c.body.includes(t));
    if (!cell) throw new Error(`no cell has ${t}`);
    return cell.id;
  }, text);
}

/** Opens the cell's editor with its Edit button and replaces its code (typed as a reader would). */
async function editCode(page: Page, id: string, code: string): Promise<void> {
  const bar = page.locator(`[data-edit-for="${id}"]`);
  const content = bar.locator(".cm-content");
  if (!(await content.isVisible()))
    await bar.getByRole("button", { name: "Edit", exact: true }).click();
  await content.waitFor();
  await content.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(code);
}

const M_CODE = `const M = tensor([[4, -1, 0.5], [0, 3, -2]]); // [2, 3]
const c = tensor([[1], [-1]]);                 // [2, 1]
const a = [1, 2, 3];
const aNudged = a.map((v, k) => (k === j ? v + delta : v));
const before = M.matmul(tensor(a.map((v) => [v]))).add(c).toArray().flat();
const after = M.matmul(tensor(aNudged.map((v) => [v]))).add(c).toArray().flat();
const Mrows = M.toArray();`;

/** The text of the first "before" entry in the affine map's table (b1 = M row 1 · a + c1). */
function firstBefore(page: Page): Promise<string> {
  return page
    .locator("table.numbers")
    .first()
    .locator("tr")
    .nth(1)
    .locator("td")
    .nth(1)
    .textContent()
    .then(String);
}

describe("editing a cell (chapter 5)", () => {
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

  it("Edit → Run re-runs the cell and its dependants; reload keeps the edit; Reset puts it back", async () => {
    const { page, errors, foreignRequests } = await openChapter();
    assert.equal(await firstBefore(page), "2.500"); // b1 = 2·1 − 1·2 + 0.5·3 + 1
    const id = await cellWith(page, "const M = tensor");
    await editCode(page, id, M_CODE);
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.waitForFunction(
      () =>
        document.querySelector("table.numbers tr:nth-child(2) td:nth-child(2)")?.textContent ===
        "4.500",
    );
    const bar = page.locator(`[data-edit-for="${id}"]`);
    assert.equal(String(await bar.locator(".cell-edited-badge").textContent()), "edited");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "cells", "edited-cell.png") });

    await page.reload();
    await page.evaluate(() => window.__notebook?.settled);
    await page.waitForFunction(
      () =>
        document.querySelector("table.numbers tr:nth-child(2) td:nth-child(2)")?.textContent ===
        "4.500",
    );
    assert.match(
      String(await page.locator(`[data-edit-for="${id}"] .cm-content`).textContent()),
      /\[\[4, -1, 0\.5\]/,
    );
    assert.equal(await page.locator(`[data-edit-for="${id}"] .cell-edited-badge`).count(), 1);

    await page
      .locator(`[data-edit-for="${id}"]`)
      .getByRole("button", { name: "Reset", exact: true })
      .click();
    await page.waitForFunction(
      () =>
        document.querySelector("table.numbers tr:nth-child(2) td:nth-child(2)")?.textContent ===
        "2.500",
    );
    assert.equal(await page.locator(`[data-edit-for="${id}"] .cell-edited-badge`).count(), 0);
    await page.reload();
    await page.evaluate(() => window.__notebook?.settled);
    assert.equal(await firstBefore(page), "2.500");
    assert.equal(await page.locator(".cell-edited-badge").count(), 0);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreignRequests, []);
  });

  it("Shift+Enter runs; a new declaration becomes a variable a library name it had not used", async () => {
    const { page } = await openChapter();
    const id = await cellWith(page, "const M = tensor");
    await editCode(
      page,
      id,
      M_CODE.replace("[[4, -1, 0.5]", "[[zeros([1]).add(6).item(), -1, 0.5]"),
    );
    await page.keyboard.press("Shift+Enter");
    await page.waitForFunction(
      () =>
        document.querySelector("table.numbers tr:nth-child(2) td:nth-child(2)")?.textContent ===
        "6.500",
    );
    await page
      .locator(`[data-edit-for="${id}"]`)
      .getByRole("button", { name: "Reset", exact: true })
      .click();
    await page.waitForFunction(
      () =>
        document.querySelector("table.numbers tr:nth-child(2) td:nth-child(2)")?.textContent ===
        "2.500",
    );
  });

  it("a syntax error and a thrown error are placed at line:column of the edited code", async () => {
    const { page } = await openChapter();
    const id = await cellWith(page, "const M = tensor");
    const bar = page.locator(`[data-edit-for="${id}"]`);
    await editCode(page, id, "const M = tensor([[1, 2]]);\nconst c = (1 +;\n");
    await page.keyboard.press("Control+Enter");
    const syntax = bar.locator(".cell-editor-errors");
    await syntax.waitFor();
    assert.match(
      String(await syntax.textContent()),
      /^line 2:15: syntax error in cell: Unexpected token/,
    );

    await editCode(
      page,
      id,
      `const M = tensor([[1, 2]]);\n  const c = tensor([[1]]);\nconst a = [1, 2, 3];\n  M.matmul(tensor([[1], [2], [3]]));\nconst Mrows = 1, before = [], after = [];`,
    );
    await page.keyboard.press("Control+Enter");
    const cell = page.locator(`[data-cell="${id}"] .cell-error-message`);
    await cell.waitFor();
    assert.match(String(await cell.textContent()), /line 4:5 of the edited code — matmul/);
    assert.ok(await syntax.isHidden());
  });

  it("an endless loop is stopped after about 2 s while the page keeps answering", async () => {
    const { page } = await openChapter();
    const id = await cellWith(page, "const M = tensor");
    await editCode(page, id, "let n = 0;\nwhile (true) { n++; }\nconst M = 1;");
    const started = Date.now();
    await page.keyboard.press("Shift+Enter");
    const message = page.locator(`[data-cell="${id}"] .cell-error-message`);
    await message.waitFor({ timeout: 15_000 });
    const stopped = Date.now() - started;
    assert.match(
      String(await message.textContent()),
      /line 2:15 of the edited code — stopped after 2 s: is there a loop that never ends\?/,
    );
    assert.ok(stopped >= 1900, `stopped after ${stopped} ms`);
    // The page answers again: another cell's control still drives its output.
    assert.equal(await page.evaluate(() => 1 + 1), 2);
    await page.getByRole("button", { name: "Reset", exact: true }).first().click();
    await page.waitForFunction(
      () =>
        document.querySelector("table.numbers tr:nth-child(2) td:nth-child(2)")?.textContent ===
        "2.500",
    );
  });

  it("deep recursion ends with a message, not a frozen page", async () => {
    const { page } = await openChapter();
    const id = await cellWith(page, "const M = tensor");
    await editCode(page, id, "function f(n) { return f(n + 1) + 1; }\nconst M = f(0);");
    await page.keyboard.press("Shift+Enter");
    const message = page.locator(`[data-cell="${id}"] .cell-error-message`);
    await message.waitFor();
    assert.match(String(await message.textContent()), /stopped: the calls went too deep/);
  });

  it("works from the keyboard alone: Tab to Edit, Enter, type, Shift+Enter, Tab to Reset", async () => {
    const { page } = await openChapter();
    const id = await cellWith(page, "const M = tensor");
    const edit = page
      .locator(`[data-edit-for="${id}"]`)
      .getByRole("button", { name: "Edit", exact: true });
    await edit.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.classList.contains("cm-content"));
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.insertText("\nconst extra = 1;");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Run");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Reset");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => !document.querySelector(".cell-edited-badge"));
  });
  it("cells that show nothing get a quiet Edit, one for a run of them, opening all their editors", async () => {
    // The backprop-by-hand lab starts with three cells in a row that only define names.
    const { page } = await openChapter("/labs/backprop-by-hand/");
    const quiet = page.locator(".cell-edit-quiet");
    await quiet.first().waitFor();
    // No two Edit buttons of cells showing nothing stand on top of each other.
    const stacked = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>(".cell-edit-bar")]
        .filter((bar) => {
          if (!bar.matches(".cell-edit-quiet")) return false;
          const button = bar.querySelector<HTMLElement>(".cell-edit-button");
          const next = bar.nextElementSibling?.nextElementSibling;
          const nextButton = next?.matches(".cell-edit-quiet")
            ? next.querySelector<HTMLElement>(".cell-edit-button")
            : null;
          return button && !button.hidden && nextButton && !nextButton.hidden;
        })
        .map((bar) => bar.dataset.editFor),
    );
    assert.deepEqual(stacked, [], "Edit buttons stacked with nothing between them");
    const group = page.locator(".cell-edit-quiet:has(+ .cell + .cell-edit-grouped)").first();
    const ids = await page.evaluate(() => {
      const first = document.querySelector(".cell-edit-quiet:has(+ .cell + .cell-edit-grouped)");
      const out: string[] = [];
      for (let bar = first; bar?.matches(".cell-edit-bar"); ) {
        out.push((bar as HTMLElement).dataset.editFor ?? "");
        bar = bar.nextElementSibling?.nextElementSibling ?? null;
        if (!bar?.matches(".cell-edit-grouped")) break;
      }
      return out;
    });
    assert.ok(ids.length >= 2, `a group of ${ids.length}`);
    // Reached by Tab like any button, named Edit; Enter opens every editor of the group.
    const edit = group.getByRole("button", { name: "Edit", exact: true });
    await edit.focus();
    await page.keyboard.press("Enter");
    for (const id of ids) await page.locator(`[data-edit-for="${id}"] .cm-content`).waitFor();
    await page.waitForFunction(
      (first) =>
        document.activeElement?.closest("[data-edit-for]")?.getAttribute("data-edit-for") === first,
      ids[0],
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, "cells", "quiet-edit-group.png") });
  });
  it("a quiet Edit just above another cell's Edit says which code it opens, and opens only that", async () => {
    // Chapter 5: the cell computing the nudge table's numbers shows nothing; the table's own
    // cell, with its own Edit, follows it.
    const { page } = await openChapter();
    const silent = await cellWith(page, "const aNudged");
    const quiet = page.locator(`[data-edit-for="${silent}"]`);
    const next = await page.evaluate((id) => {
      const bar = document.querySelector(`[data-edit-for="${id}"]`);
      const after = bar?.nextElementSibling?.nextElementSibling as HTMLElement | null;
      return after?.matches(".cell-edit-bar:not(.cell-edit-quiet)") ? after.dataset.editFor : null;
    }, silent);
    assert.ok(next, "the cell after the silent one has an Edit of its own");
    const button = quiet.getByRole("button", { name: "Edit", exact: true });
    // The caption beside the button names what the hidden code defines, and describes it.
    const caption = quiet.locator(".cell-edit-names");
    assert.match((await caption.textContent()) ?? "", /^code that defines M, c, a\b/);
    assert.equal(await caption.isVisible(), true);
    const described = await button.evaluate(
      (b) => document.getElementById(b.getAttribute("aria-describedby") ?? "")?.textContent,
    );
    assert.equal(described, await caption.textContent());
    // The two buttons stand apart: the quiet one at the right, the next cell's at the left.
    const quietBox = await button.boundingBox();
    const nextBox = await page
      .locator(`[data-edit-for="${next}"]`)
      .getByRole("button", { name: "Edit", exact: true })
      .boundingBox();
    assert.ok(quietBox && nextBox && quietBox.x > nextBox.x + nextBox.width + 200);
    // It opens the silent cell's editor, not the next cell's.
    await button.click();
    await quiet.locator(".cm-content").waitFor();
    assert.match((await quiet.locator(".cm-content").textContent()) ?? "", /const aNudged/);
    assert.equal(await page.locator(`[data-edit-for="${next}"] .cm-content`).count(), 0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "cells", "quiet-edit-named.png") });
  });
});
