// The figures of editable cells for `npm run bench:site`: the JavaScript a page pays before any
// Edit click, the time from Edit to an editor taking keys, from Run to updated output for a
// light cell, and how long a stopped runaway loop holds the page.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { transform } from "esbuild";
import type { Browser } from "playwright-core";

const CHAPTER = "chapters/05-chain-rule/";
const RUNS = 5;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The modules editing adds to every page's up-front bundle (the editor itself is a lazy chunk).
const UPFRONT = [
  "src/notebook/client/edit-buttons.ts",
  "src/notebook/work/saved-work.ts",
  "src/notebook/client/progress.ts",
  "src/notebook/client/search-box.ts",
  "src/notebook/guard/stop-message.ts",
  "src/notebook/guard/map-column.ts",
];

/** Bytes (minified, gzip) of the modules editing puts in front of every page. */
async function upfrontCost(): Promise<{ bytes: number; gzip: number }> {
  let all = "";
  for (const file of UPFRONT) {
    const { code } = await transform(readFileSync(file, "utf8"), {
      loader: "ts",
      minify: true,
      format: "esm",
    });
    all += code;
  }
  return { bytes: all.length, gzip: gzipSync(all).length };
}

/** Runs `code` in the page (a string: tsx would wrap a function in a helper the page lacks). */
async function run<T>(browser: Browser, url: string, steps: string[]): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate("window.__notebook && window.__notebook.settled");
    let value: unknown;
    for (const step of steps) {
      if (step.startsWith("type:")) {
        await page.locator(".cm-content").first().focus();
        await page.keyboard.press("ControlOrMeta+a");
        await page.keyboard.insertText(step.slice(5));
      } else value = await page.evaluate(step);
    }
    results.push(value as T);
    await context.close();
  }
  return results;
}

const FIND_BAR = `[...document.querySelectorAll("[data-edit-for]")].find((b) => window.__notebook.cells().find((c) => c.id === b.dataset.editFor).body.includes("const M = tensor"))`;

const CLICK_EDIT = `(async () => {
  const bar = ${FIND_BAR};
  const t0 = performance.now();
  bar.querySelector(".cell-edit-button").click();
  while (!document.activeElement?.classList.contains("cm-content")) await new Promise((r) => setTimeout(r, 1));
  return performance.now() - t0;
})()`;

const OPEN_EDITOR = `(async () => {
  const bar = ${FIND_BAR};
  bar.querySelector(".cell-edit-button").click();
  while (!bar.querySelector(".cm-content")) await new Promise((r) => setTimeout(r, 5));
})()`;

const M_CODE = `const M = tensor([[4, -1, 0.5], [0, 3, -2]]);
const c = tensor([[1], [-1]]);
const a = [1, 2, 3];
const aNudged = a.map((v, k) => (k === j ? v + delta : v));
const before = M.matmul(tensor(a.map((v) => [v]))).add(c).toArray().flat();
const after = M.matmul(tensor(aNudged.map((v) => [v]))).add(c).toArray().flat();
const Mrows = M.toArray();`;

const TIME_RUN = `(async () => {
  const bar = ${FIND_BAR};
  const cell = () => document.querySelector("table.numbers tr:nth-child(2) td:nth-child(2)");
  const done = new Promise((resolve) => {
    new MutationObserver((_, observer) => {
      if (cell()?.textContent === "4.500") { observer.disconnect(); resolve(performance.now()); }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const t0 = performance.now();
  bar.querySelector(".cell-editor-run").click();
  return (await done) - t0;
})()`;

const TIME_RUNAWAY = `(async () => {
  const bar = ${FIND_BAR};
  const root = document.querySelector('[data-cell="' + bar.dataset.editFor + '"]');
  let last = performance.now();
  let longest = 0;
  let stopped = false;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (!stopped) setTimeout(tick, 5);
  };
  setTimeout(tick, 5);
  bar.querySelector(".cell-editor-run").click();
  while (!root.querySelector(".cell-error-message")) await new Promise((r) => setTimeout(r, 10));
  stopped = true;
  return longest;
})()`;

/** Measures and prints the figures of editable cells against their targets. */
export async function benchEditCells(
  browser: Browser,
  origin: string,
  dist: string,
): Promise<void> {
  const url = `${origin}/${CHAPTER}`;
  const cost = await upfrontCost();
  const editChunk = readFileSync(join(dist, "assets/chunks", editorChunk(dist)));
  const edit = await run<number>(browser, url, [CLICK_EDIT]);
  const runs = await run<number>(browser, url, [OPEN_EDITOR, `type:${M_CODE}`, TIME_RUN]);
  const loop = await run<number>(browser, url, [
    OPEN_EDITOR,
    "type:while (true) {}\nconst M = 1;",
    TIME_RUNAWAY,
  ]);
  console.log("\nEditable cells (chapter 5, median of 5)");
  console.log(
    `  JS before any Edit click:   ${(cost.bytes / 1024).toFixed(1)} KB, ${(cost.gzip / 1024).toFixed(1)} KB gzip over the page without editing   (target ≤ 10 KB gzip)`,
  );
  console.log(
    `  editor chunk (on first Edit): ${(editChunk.length / 1024).toFixed(0)} KB, ${(gzipSync(editChunk).length / 1024).toFixed(0)} KB gzip`,
  );
  console.log(`  Edit → editable:            ${Math.round(median(edit))} ms   (target < 300 ms)`);
  console.log(`  Run → updated output:       ${median(runs).toFixed(1)} ms   (target < 50 ms)`);
  console.log(
    `  runaway loop holds the page: ${(median(loop) / 1000).toFixed(2)} s   (target ≤ 2.5 s)`,
  );
}

/** The chunk holding the editor (the one that draws the Run button's hint). */
function editorChunk(dist: string): string {
  const dir = join(dist, "assets/chunks");
  const found = readdirSync(dir).find(
    (f) => f.endsWith(".js") && readFileSync(join(dir, f), "utf8").includes("cell-editor-keys"),
  );
  if (!found) throw new Error("no editor chunk in the build");
  return found;
}
