// `npm start` end to end: the real dev server (build worker, watcher, live reload) running on a
// copy of the project in a temporary folder, with a page open in Chromium while its files are
// broken, fixed, deleted and restored — as an author editing a chapter would.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
} from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, SCREENSHOT_DIR } from "./harness.ts";

const REPO = resolve(import.meta.dirname, "../..");
// Builds, worker restarts and page loads on a shared machine: generous, and never a fixed wait.
const SLOW = 90_000;

/** A copy of what `npm start` reads (node_modules linked, not copied) in a folder of its own. */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "dev-server-e2e-"));
  for (const entry of [
    "src",
    "styles",
    "content",
    "notebooks",
    "build.mjs",
    "package.json",
    "tsconfig.json",
  ]) {
    cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

interface Running {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** `npm start` in `dir` on a free port; resolves once it says where it serves. */
function npmStart(dir: string): Promise<Running> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0" };
  delete env.DIST;
  // A process group of its own, so stopping it ends npm, node and the build worker together.
  const child: ChildProcess = spawn("npm", ["start"], {
    cwd: dir,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await exited;
    }
  };
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      void stop();
      fail(new Error(`npm start did not serve within ${SLOW / 1000} s:\n${output}`));
    }, SLOW);
    const read = (chunk: Buffer): void => {
      output += chunk;
      const url = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        done({ url, output: () => output, stop });
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`npm start exited (${code}) before serving:\n${output}`));
    });
  });
}

/** Marks the open document, so a reload (a fresh document) can be told from the old one. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __before?: boolean }).__before = true;
  });
}

/** Waits until the page is a document loaded after markDocument. */
async function reloaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.readyState === "complete" &&
      (window as unknown as { __before?: boolean }).__before === undefined,
    undefined,
    { timeout: SLOW, polling: 100 },
  );
}

describe("npm start, end to end", { timeout: 10 * SLOW }, () => {
  let dir: string;
  let server: Running;
  let browser: Browser;
  const chapter = () => join(dir, "content/01-feature-learning.md");
  const title = "From feature engineering to feature learning";

  before(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    dir = copyProject();
    server = await npmStart(dir);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("shows a compile error in a chapter's cell at its file:line:col, and the cell back once fixed", async () => {
    const page = await browser.newPage();
    const url = `${server.url}chapters/01-feature-learning/`;
    await page.goto(url);
    await page.locator("h1", { hasText: title }).waitFor({ timeout: SLOW });
    const original = readFileSync(chapter(), "utf8");
    const lines = original.split("\n");
    // A line the author breaks inside the chapter's second cell.
    const at = lines.findIndex((l) => l.startsWith("// Twelve points near")) + 1;
    assert.ok(at > 0, "the chapter's second cell is where the test expects it");
    lines.splice(at, 0, "const oops = ;");
    await markDocument(page);
    await writeFile(chapter(), lines.join("\n"));
    await reloaded(page);
    const error = page.locator(".cell-error .error-message").first();
    await error.waitFor({ timeout: SLOW });
    const text = (await error.textContent()) ?? "";
    assert.match(text, new RegExp(`content/01-feature-learning\\.md:${at + 1}:14:`), text);
    await error.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, "dev-server-cell-error.png") });
    // The rest of the page still runs: the first cell's sliders are there.
    assert.ok((await page.locator("input[type=range]").count()) >= 3);

    await markDocument(page);
    await writeFile(chapter(), original);
    await reloaded(page);
    await page.locator("h1", { hasText: title }).waitFor({ timeout: SLOW });
    await page.waitForFunction(() => document.querySelector(".cell-error") === null, undefined, {
      timeout: SLOW,
    });
    await page.close();
  });

  it("shows a syntax error in src/ over the open page at its file:line:col, and reloads once fixed", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}chapters/01-feature-learning/`);
    await page.locator("h1", { hasText: title }).waitFor({ timeout: SLOW });
    const file = join(dir, "src/tensor/format.ts");
    const original = readFileSync(file, "utf8");
    const line = original.endsWith("\n") ? original.split("\n").length : 0;
    assert.ok(line > 0);
    await markDocument(page);
    await writeFile(file, `${original}export const broken = (;\n`);
    const overlay = page.locator("#build-error-overlay");
    await overlay.waitFor({ timeout: SLOW });
    const text = (await overlay.textContent()) ?? "";
    assert.match(text, new RegExp(`src/tensor/format\\.ts:${line}:24`), text);
    assert.doesNotMatch(text, /the build process stopped/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "dev-server-build-error.png") });
    // The page under it is still the last site that built (not reloaded, not blank).
    assert.equal(await page.evaluate(() => "__before" in window), true);
    assert.ok(await page.locator("h1", { hasText: title }).isVisible());
    // Pages opened while the build is broken are told too.
    const late = await browser.newPage();
    await late.goto(`${server.url}chapters/02-neurons-activations/`);
    await late.locator("#build-error-overlay", { hasText: "src/tensor/format.ts" }).waitFor({
      timeout: SLOW,
    });
    await late.close();

    await writeFile(file, original);
    await reloaded(page);
    await page.locator("h1", { hasText: title }).waitFor({ timeout: SLOW });
    assert.equal(await overlay.count(), 0);
    await page.close();
  });

  it("shows a type error in src/ over the open page at its file:line:col while the page runs on", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}chapters/01-feature-learning/`);
    await page.locator("h1", { hasText: title }).waitFor({ timeout: SLOW });
    const file = join(dir, "src/tensor/format.ts");
    const original = readFileSync(file, "utf8");
    const line = original.split("\n").length;
    // Valid JavaScript once its types are stripped: the build passes it, TypeScript does not.
    await writeFile(file, `${original}export const wrongType: number = "a";\n`);
    // (A panel from an earlier check may still show until this one ends.)
    const overlay = page.locator("#type-error-overlay", { hasText: "not assignable" });
    await overlay.waitFor({ timeout: SLOW });
    const text = (await overlay.textContent()) ?? "";
    assert.match(text, new RegExp(`src/tensor/format\\.ts:${line}:14`), text);
    assert.match(text, /not assignable to type 'number'/);
    assert.equal(await page.locator("#build-error-overlay").count(), 0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "dev-server-type-error.png") });
    // The rebuilt page (reloaded by the build) still runs its cells under the panel.
    await page.locator("h1", { hasText: title }).waitFor({ timeout: SLOW });
    await page.waitForFunction(
      () => document.querySelector(".cell svg, .cell figure") !== null,
      undefined,
      {
        timeout: SLOW,
      },
    );

    await writeFile(file, original);
    await page.waitForFunction(() => !document.getElementById("type-error-overlay"), undefined, {
      timeout: SLOW,
      polling: 100,
    });
    await page.close();
  });

  it("shows a TypeError thrown in the compiler at its file:line:col, not an exit code", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}chapters/01-feature-learning/`);
    await page.locator("h1", { hasText: title }).waitFor({ timeout: SLOW });
    const file = join(dir, "src/notebook/compile/render-cell.ts");
    const original = readFileSync(file, "utf8");
    await markDocument(page);
    // A compiler module that throws as it loads: the build worker is restarted on it.
    await writeFile(
      file,
      `const settings: { depth: number } | undefined = undefined;\nexport const depth = (settings as unknown as { depth: number }).depth;\n${original}`,
    );
    const overlay = page.locator("#build-error-overlay");
    await overlay.waitFor({ timeout: SLOW });
    const text = (await overlay.textContent()) ?? "";
    assert.match(text, /src\/notebook\/compile\/render-cell\.ts:2:\d+:? TypeError/, text);
    assert.doesNotMatch(text, /exit code/);

    await writeFile(file, original);
    await reloaded(page);
    await page.locator("h1", { hasText: title }).waitFor({ timeout: SLOW });
    assert.equal(await overlay.count(), 0);
    await page.close();
  });

  it("turns a deleted chapter's open page into a 404 that comes back by itself when the file does", async () => {
    const page = await browser.newPage();
    const url = `${server.url}chapters/01-feature-learning/`;
    await page.goto(url);
    await page.locator("h1", { hasText: title }).waitFor({ timeout: SLOW });
    const original = readFileSync(chapter(), "utf8");

    await markDocument(page);
    unlinkSync(chapter());
    await reloaded(page);
    await page.locator("h1", { hasText: "Not found" }).waitFor({ timeout: SLOW });
    assert.equal(page.url(), url, "the 404 is the chapter's own address, not a redirect");
    const status = await page.evaluate(
      async (href) => (await fetch(href, { method: "HEAD" })).status,
      url,
    );
    assert.equal(status, 404);
    assert.equal(await page.locator("a[href='/']", { hasText: "Contents" }).count(), 1);
    await page.screenshot({ path: join(SCREENSHOT_DIR, "dev-server-404.png") });

    // Nobody touches the page: restoring the file brings the chapter back.
    await markDocument(page);
    await writeFile(chapter(), original);
    await reloaded(page);
    await page.locator("h1", { hasText: title }).waitFor({ timeout: SLOW });
    assert.equal(page.url(), url);
    await page.close();
  });
});
