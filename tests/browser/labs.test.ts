// The five labs in notebooks/, in Chromium against the built site (dist/): each page runs
// without a console error or a failed cell, and its main controls do what the text promises.
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

let browser: Browser;
let server: StaticServer;
const opened: WatchedPage[] = [];

/** Opens a lab and waits until every cell has shown a first value or an error. */
async function openLab(slug: string): Promise<WatchedPage> {
  const watched = await openWatchedPage(browser, server.url);
  opened.push(watched);
  await watched.page.setViewportSize({ width: 1100, height: 900 });
  await watched.page.goto(`${server.url}/labs/${slug}/`);
  await watched.page.waitForFunction(() => document.readyState === "complete");
  await watched.page.evaluate(() => window.__notebook?.settled);
  return watched;
}

/** Asserts that the page has no failed cell and logged no console error. */
async function assertHealthy(watched: WatchedPage, slug: string): Promise<void> {
  const failed = await watched.page.$$eval(".cell-failed, .cell-waiting", (cells) =>
    cells.map((c) => c.textContent ?? ""),
  );
  assert.deepEqual(failed, [], `${slug}: cells failed`);
  assert.deepEqual(watched.errors, [], `${slug}: console errors`);
  assert.deepEqual(watched.foreignRequests, [], `${slug}: requests to other hosts`);
}

/**
 * A full-page screenshot, taken from the top (scrolled, the sticky header lands mid-page); the
 * page then goes back to where it was, so the test goes on as before.
 */
async function shot(page: Page, name: string): Promise<void> {
  const y = await page.evaluate(() => window.scrollY);
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
  await page.screenshot({ path: join(SCREENSHOT_DIR, "labs", `${name}.png`), fullPage: true });
  await page.evaluate((top) => window.scrollTo({ top, behavior: "instant" }), y);
}

/** The verdict next to the answer box named `name`. */
async function feedback(page: Page, name: string): Promise<string> {
  const row = page.locator(".answer-box", { has: page.getByLabel(name, { exact: true }) });
  return (await row.locator(".answer-result").textContent()) ?? "";
}

/** Types `value` into the answer box named `name` and presses Enter, as a student would. */
async function answer(page: Page, name: string, value: string): Promise<void> {
  const box = page.getByLabel(name, { exact: true });
  await box.fill(value);
  await box.press("Enter");
}

describe("labs (notebooks/)", () => {
  before(async () => {
    browser = await launchBrowser();
    server = await serveStatic(DIST);
    mkdirSync(join(SCREENSHOT_DIR, "labs"), { recursive: true });
  });
  after(async () => {
    for (const w of opened) await w.page.close();
    await browser?.close();
    await server?.close();
  });

  it("backprop by hand: checks each answer, names the usual mistake, keeps score, keeps the answers", async () => {
    const { page, ...rest } = await openLab("backprop-by-hand");
    await answer(page, "z(1)₁", "0.47"); // 0.5·1.0 − 0.3·0.1
    await answer(page, "a(1)₁", "0.47"); // forgot the tanh
    await answer(page, "δ(2)", "-0.305"); // ŷ − y without 1 − ŷ²
    await answer(page, "δ(1)₁", "-0.166"); // correct, to the three decimals it asks for
    await answer(page, "new W(2)₁", "0.674"); // added the step
    assert.match(await feedback(page, "z(1)₁"), /right/);
    assert.match(await feedback(page, "a(1)₁"), /not a yet: take tanh/);
    assert.match(await feedback(page, "δ(2)"), /1 − ŷ²/);
    assert.match(await feedback(page, "δ(1)₁"), /right/);
    assert.match(await feedback(page, "new W(2)₁"), /subtract/);
    // A wrong answer never gives the right one away.
    assert.doesNotMatch(await feedback(page, "a(1)₁"), /0\.44/);
    await page.waitForFunction(() =>
      /2 \/ 28/.test(document.querySelector(".lab-score")?.textContent ?? ""),
    );
    // The page's exercise list counts them with every other page's exercises.
    assert.equal(await page.locator(".work-bar .progress-count").textContent(), "2");
    await page.getByLabel("Show all answers").check();
    assert.match((await page.locator(".lab-answers").textContent()) ?? "", /-0\.2934/); // δ(2)
    await shot(page, "backprop-by-hand");
    await assertHealthy({ page, ...rest }, "backprop-by-hand");
    // Printed, it is a worksheet: each typed answer on its line, the others blank to fill in.
    await page.emulateMedia({ media: "print" });
    const typed = page.getByLabel("z(1)₁", { exact: true });
    assert.equal(await typed.isVisible(), true);
    assert.equal(await typed.inputValue(), "0.47");
    assert.equal(await page.getByLabel("z(2)", { exact: true }).isVisible(), true);
    await page.emulateMedia({ media: "screen" });

    // A reload brings every answer back, with its verdict, its score and its progress.
    await page.reload();
    await page.evaluate(() => window.__notebook?.settled);
    assert.equal(await page.getByLabel("a(1)₁", { exact: true }).inputValue(), "0.47");
    assert.match(await feedback(page, "z(1)₁"), /right/);
    assert.match(await feedback(page, "a(1)₁"), /not a yet: take tanh/);
    assert.match(await feedback(page, "new W(2)₁"), /subtract/);
    await page.waitForFunction(() =>
      /2 \/ 28/.test(document.querySelector(".lab-score")?.textContent ?? ""),
    );
    assert.equal(await page.locator(".work-bar .progress-count").textContent(), "2");
    assert.equal(await page.locator("#exercise-z1-1.exercise-done").count(), 1);

    // Put right, it counts; Export my work carries the answers; Reset all forgets them.
    await answer(page, "a(1)₁", "0.4382");
    assert.match(await feedback(page, "a(1)₁"), /right/);
    await page.waitForFunction(() =>
      /3 \/ 28/.test(document.querySelector(".lab-score")?.textContent ?? ""),
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export my work" }).click(),
    ]);
    const file = JSON.parse(readFileSync((await download.path()) ?? "", "utf8"));
    const work = file.pages["labs/backprop-by-hand/"];
    assert.equal(work.fields["answer:a1-1"], "0.4382");
    assert.equal(work.done["a1-1"], true);
    assert.equal(work.done.delta2, undefined);
    page.once("dialog", (dialog) => void dialog.accept());
    await Promise.all([
      page.waitForEvent("load"),
      page.getByRole("button", { name: "Reset all" }).click(),
    ]);
    await page.evaluate(() => window.__notebook?.settled);
    assert.equal(await page.getByLabel("z(1)₁", { exact: true }).inputValue(), "");
    assert.equal(await feedback(page, "z(1)₁"), "");
    await page.waitForFunction(() =>
      /0 \/ 28/.test(document.querySelector(".lab-score")?.textContent ?? ""),
    );
  });

  it("fit playground: trains once its plots are in view, Pause and Step, a huge learning rate pauses with a reason, bad expressions say why", async () => {
    const watched = await openLab("fit-playground");
    const { page } = watched;
    const status = page.locator(".lab-controls .demo-status");
    // Training runs through demo.train: it starts when the plots come into view.
    await page.locator(".lab-two-plots").scrollIntoViewIfNeeded();
    await page.waitForFunction(() =>
      /Step [1-9]\d*, loss/.test(
        document.querySelector(".lab-controls .demo-status")?.textContent ?? "",
      ),
    );
    await page.locator(".lab-controls").getByRole("button", { name: "Pause" }).click();
    const paused = (await status.textContent()) ?? "";
    await page.getByRole("button", { name: "Step", exact: true }).click();
    await page.waitForFunction(
      (before) => document.querySelector(".lab-controls .demo-status")?.textContent !== before,
      paused,
    );
    assert.match((await status.textContent()) ?? "", /^Step \d+, loss/);
    await shot(page, "fit-playground");
    // SGD at learning rate 10 overshoots on the first steps.
    await page.getByLabel("SGD", { exact: true }).check();
    const rate = page.getByRole("spinbutton").nth(3);
    await rate.fill("10");
    await rate.dispatchEvent("input");
    // A new setting starts a new run, which trains at once (its plots are in view).
    await page.waitForFunction(() =>
      /blew up/.test(document.querySelector(".lab-controls .demo-status")?.textContent ?? ""),
    );
    // A name outside the whitelist is refused in place.
    await page.locator("select").first().selectOption({ label: "my own f(x) …" });
    const expression = page.getByRole("textbox").first();
    await expression.fill("sin(3x) + alert(1)");
    await expression.dispatchEvent("input");
    await page.waitForFunction(() =>
      /Unknown name “alert”/.test(document.querySelector(".lab-error")?.textContent ?? ""),
    );
    await assertHealthy(watched, "fit-playground");
  });

  it("gradient check: central differences reach about 1e-10, forward ones about 1e-8", async () => {
    const watched = await openLab("gradient-check");
    const cells = await watched.page.$$eval(".lab-table tbody tr", (rows) =>
      rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent ?? "")),
    );
    const [forward, central] = cells;
    assert.equal(forward?.[0], "forward");
    assert.ok(Number(forward?.[2]) < 1e-6, `forward best error ${forward?.[2]}`);
    assert.ok(Number(central?.[2]) < 1e-8, `central best error ${central?.[2]}`);
    assert.ok(Number(central?.[2]) < Number(forward?.[2]), "central beats forward");
    await watched.page.waitForSelector(".plot svg .mark-line");
    // A function of the reader's own; a broken one is reported in place.
    const { page } = watched;
    await page.locator("select").first().selectOption({ label: "my own, typed below" });
    const own = page.getByRole("textbox").first();
    await own.fill("x.tanh().mul(x.exp())");
    await page.getByRole("button", { name: "Use it" }).click();
    await page.waitForFunction(() =>
      /tanh\(\)\.mul/.test(document.querySelector(".plot")?.textContent ?? ""),
    );
    assert.equal(await page.locator(".lab-error").count(), 0);
    // Errors are placed in what the reader typed: an unfinished call says so (not "Unexpected
    // token ';'", a character of the code it is wrapped in), a runtime error names its column.
    const errorAfter = async (typed: string): Promise<string> => {
      await own.fill(typed);
      await page.getByRole("button", { name: "Use it" }).click();
      const handle = await page.waitForFunction(
        (t) => {
          const box = document.querySelector(".code-error");
          const text = box?.textContent ?? "";
          return text.includes(t) ? text : false;
        },
        typed.slice(0, 5),
      );
      return (await handle.jsonValue()) as string;
    };
    const unfinished = await errorAfter("x.mul(");
    assert.match(unfinished, /does not run.*line 1, column 6: the call x\.mul\( is unfinished/);
    assert.doesNotMatch(unfinished, /Unexpected token/);
    const missing = await errorAfter("x.tanh().nope()");
    assert.match(missing, /line 1, column 10: x\.tanh\(\.\.\.\)\.nope is not a function/);
    await shot(watched.page, "gradient-check");
    await assertHealthy(watched, "gradient-check");
  });

  it("convolution lab: the 6×6 edge image gives columns 0, 30, 30, 0 and backward matches the flipped filter", async () => {
    const watched = await openLab("convolution-lab");
    const { page } = watched;
    await page.locator("select").first().selectOption({ index: 2 }); // edge, 6×6
    await page.getByRole("button", { name: "vertical edge" }).click();
    await page.waitForFunction(() =>
      document.querySelectorAll(".lab-heatmap figcaption")[2]?.textContent?.includes("4×4"),
    );
    const firstRow = await page.$$eval(".lab-heatmap", (figs) =>
      [...(figs[2]?.querySelectorAll("text") ?? [])].slice(0, 4).map((t) => t.textContent),
    );
    assert.deepEqual(firstRow, ["0", "30", "30", "0"]);
    const diffs = await page.$$eval(".lab-table td:nth-child(2)", (tds) =>
      tds.map((td) => Number(td.textContent)),
    );
    assert.equal(diffs.length, 3);
    for (const d of diffs) assert.ok(d < 1e-9, `difference ${d}`);
    await shot(page, "convolution-lab");
    await assertHealthy(watched, "convolution-lab");
  });

  it("graph sandbox: draws the graph of typed code and explains a syntax error in place", async () => {
    const watched = await openLab("graph-sandbox");
    const { page } = watched;
    await page.waitForSelector(".lab-graph svg", { timeout: 10000 });
    // The chapter-6 network: every gradient agrees with central differences.
    await page.locator("select").first().selectOption({ index: 5 });
    await page.waitForSelector(".lab-graph svg", { timeout: 10000 });
    await page.getByLabel("Finite-difference check").check();
    await page.waitForFunction(() =>
      /agree with every gradient/.test(document.querySelector(".lab-graph")?.textContent ?? ""),
    );
    await shot(page, "graph-sandbox");
    await assertHealthy(watched, "graph-sandbox");
    const code = page.getByRole("textbox").first();
    // The code box takes the column beside its label: a line of the examples does not wrap.
    const widths = await page.$eval(".lab-code", (form) => ({
      box: form.querySelector("textarea")?.getBoundingClientRect().width ?? 0,
      column: form.closest(".cell")?.getBoundingClientRect().width ?? 0,
    }));
    assert.ok(widths.box >= 0.7 * widths.column, `code box ${widths.box} of ${widths.column} px`);
    // Each error names its line and column in the code box, and shows that line with a caret.
    const errorFor = async (typed: string, expect: RegExp): Promise<string> => {
      await code.fill(typed);
      await page.getByRole("button", { name: "Run", exact: true }).click();
      const handle = await page.waitForFunction((source) => {
        const text = document.querySelector(".code-error")?.textContent ?? "";
        return new RegExp(source).test(text) ? text : false;
      }, expect.source);
      return (await handle.jsonValue()) as string;
    };
    const w = "const w = tensor(2, { requiresGrad: true });\n";
    await errorFor(
      `${w}return w.mul(w;`,
      /does not parse on line 2, column 13: the call w\.mul\( is unfinished/,
    );
    assert.match(
      (await page.locator(".code-error-excerpt").textContent()) ?? "",
      /^2 \| return w\.mul\(w;\n {2}\| {13}\^$/,
    );
    await errorFor(`${w}return w.mul(w));`, /line 2, column 16: this \) has nothing to close/);
    await errorFor(
      `${w}\nreturn w.foo();`,
      /stopped with an error on line 3, column 10: w\.foo is not a function/,
    );
    // An error inside a library call is placed at the reader's call.
    await errorFor(
      "const a = tensor([[1, 2]]);\nconst b = tensor([[1, 2]]);\nreturn a.matmul(b);",
      /on line 3, column 10: matmul/,
    );
    await page.locator(".code-error").scrollIntoViewIfNeeded();
    await page.locator(".code-error").screenshot({
      path: join(SCREENSHOT_DIR, "labs", "graph-sandbox-error.png"),
    });
    assert.deepEqual(watched.errors, [], "a reader's error is shown in place, not thrown");
    // On paper the reader's code is kept, whole, while the other inputs are left out.
    await page.emulateMedia({ media: "print" });
    const printed = await page.$eval(".lab-code textarea", (t) => ({
      shown: t.getClientRects().length > 0,
      whole: t.scrollHeight <= t.clientHeight + 1,
    }));
    assert.deepEqual(printed, { shown: true, whole: true });
    assert.equal(await page.isVisible("select"), false, "the example picker is not printed");
  });
  it("graph sandbox: a loop that never ends is stopped; typed code is kept across a reload until Reset all", async () => {
    const watched = await openLab("graph-sandbox");
    const { page } = watched;
    await page.waitForSelector(".lab-graph svg", { timeout: 10000 });
    const code = page.getByRole("textbox").first();
    await code.fill("let n = 0;\nwhile (true) { n++; }\nreturn tensor(n);");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    const stopped = await page.waitForFunction(
      () => {
        const text = document.querySelector(".code-error")?.textContent ?? "";
        return /stopped after 2 s/.test(text) ? text : false;
      },
      undefined,
      { timeout: 15000 },
    );
    assert.match(
      String(await stopped.jsonValue()),
      /stopped with an error on line 2, column 15: stopped after 2 s: is there a loop that never ends\?/,
    );
    assert.equal(await page.evaluate(() => 1 + 1), 2, "the page answers");
    // What was typed comes back after a reload, marked as edited, in the export, and goes on Reset all.
    const typed = 'const w = tensor(3, { requiresGrad: true, name: "w" });\nreturn w.mul(w);';
    await code.fill(typed);
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.waitForSelector(".lab-graph svg");
    await page.reload();
    await page.evaluate(() => window.__notebook?.settled);
    assert.equal(await page.getByRole("textbox").first().inputValue(), typed);
    await page.waitForSelector(".lab-graph svg");
    assert.equal(await page.locator(".lab-code .cell-edited-badge").textContent(), "edited");
    const exported = await page.evaluate(() =>
      localStorage.getItem("backprop-notebook:work:labs/graph-sandbox/"),
    );
    assert.match(String(exported), /w\.mul\(w\)/);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Reset all", exact: true }).click();
    await page.waitForEvent("load");
    await page.evaluate(() => window.__notebook?.settled);
    assert.notEqual(await page.getByRole("textbox").first().inputValue(), typed);
    assert.equal(await page.locator(".lab-code .cell-edited-badge").count(), 0);
    await assertHealthy(watched, "graph-sandbox");
  });
});
