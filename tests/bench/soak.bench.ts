// npm run bench:soak — not a test: pages left open as in a lecture, in headless Chromium.
//   1. The fit playground training for SOAK_TRAIN_MINUTES (default 5): JS heap after a forced
//      GC at each minute, main-thread busy share and training steps per second in each minute.
//   2. Every page of the site as a deck (?slides), idle, for SOAK_IDLE_MINUTES (default 3), all
//      open at once: main-thread CPU seconds per minute and heap growth per minute.
// Targets: heap growth ≤ 0.2 MB/min after the first minute; busy share while training flat
// within 10% (last minute against the first); idle CPU < 0.1 s per minute on every page.
//   SOAK_TRAIN_MINUTES=1 SOAK_IDLE_MINUTES=0.5 npm run bench:soak    a short run
// Builds the site into a temporary folder first (DIST=... to use a built one).
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { buildSite } from "../../src/site/build-site.ts";
import { launchBrowser, serveStatic } from "../browser/harness.ts";

const TRAIN_MINUTES = Number(process.env.SOAK_TRAIN_MINUTES ?? 5);
const IDLE_MINUTES = Number(process.env.SOAK_IDLE_MINUTES ?? 3);
const MINUTE = 60_000;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(2)} MB`;

let dist = process.env.DIST;
if (!dist) {
  const work = mkdtempSync(join(tmpdir(), "soak-bench-"));
  dist = join(work, "dist");
  await buildSite({ outDir: dist, cacheDir: join(work, "cache") });
}

/** Every page of the built site, as paths ("", "chapters/01-x/", …). */
function pagesOf(dir: string, prefix = ""): string[] {
  const found: string[] = [];
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const path = join(prefix, name);
    if (name === "assets" || !statSync(join(dir, path)).isDirectory()) continue;
    if (readdirSync(join(dir, path)).includes("index.html")) found.push(`${path}/`);
    found.push(...pagesOf(dir, path));
  }
  return found;
}

interface Sample {
  at: number;
  heap: number;
  busy: number;
}

/** Heap after a forced GC, and cumulative main-thread task seconds. */
async function sample(cdp: CDPSession): Promise<Sample> {
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const value = (name: string): number => metrics.find((m) => m.name === name)?.value ?? 0;
  return { at: performance.now(), heap: value("JSHeapUsedSize"), busy: value("TaskDuration") };
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__notebook !== undefined, undefined, { timeout: 60_000 });
  await page.evaluate(() => window.__notebook?.settled);
}

async function watch(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  return cdp;
}

const browser = await launchBrowser();
const server = await serveStatic(dist);
const verdicts: string[] = [];
try {
  // 1. Training.
  if (TRAIN_MINUTES > 0) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/labs/fit-playground/`);
    await settle(page);
    const cdp = await watch(page);
    const stepOf = async (): Promise<number> =>
      Number(
        /Step (\d+)/.exec(
          (await page.locator(".lab-controls .demo-status").textContent()) ?? "",
        )?.[1] ?? 0,
      );
    // The playground trains through demo.train, from when its plots come into view.
    await page.locator(".lab-two-plots").scrollIntoViewIfNeeded();
    const samples = [await sample(cdp)];
    const steps = [await stepOf()];
    console.log(`fit playground, training for ${TRAIN_MINUTES} min (${dist}):`);
    console.log("  minute   heap (after GC)   growth/min   busy share   steps/s");
    // Samples each minute; a short run (under 3 min) samples each quarter of it.
    const interval = TRAIN_MINUTES >= 3 ? MINUTE : (TRAIN_MINUTES * MINUTE) / 4;
    const count = Math.round((TRAIN_MINUTES * MINUTE) / interval);
    for (let k = 1; k <= count; k++) {
      await page.waitForTimeout(interval);
      const now = await sample(cdp);
      const step = await stepOf();
      const last = samples.at(-1) as Sample;
      const wall = (now.at - last.at) / 1000;
      const growth = (now.heap - last.heap) / (wall / 60);
      console.log(
        `  ${((k * interval) / MINUTE).toFixed(2).padStart(6)}   ${mb(now.heap).padStart(15)}   ${mb(growth).padStart(10)}   ${`${((100 * (now.busy - last.busy)) / wall).toFixed(1)}%`.padStart(10)}   ${((step - (steps.at(-1) as number)) / wall).toFixed(0).padStart(7)}`,
      );
      samples.push(now);
      steps.push(step);
    }
    // After the first minute (warm-up: JIT, first layouts), as the target is stated; a short
    // run leaves out its first quarter.
    const from = 1;
    const first = samples[from];
    const last = samples.at(-1) as Sample;
    const growth = (last.heap - first.heap) / ((last.at - first.at) / MINUTE);
    const share = (a: Sample, b: Sample): number => (b.busy - a.busy) / ((b.at - a.at) / 1000);
    const firstShare = share(samples[from - 1], samples[from]);
    const lastShare = share(samples.at(-2) as Sample, last);
    verdicts.push(
      `training heap growth after the first minute: ${mb(growth)}/min (target ≤ 0.20 MB/min) ${growth <= 0.2 * 2 ** 20 ? "ok" : "OVER"}`,
      `training busy share: ${(100 * firstShare).toFixed(1)}% → ${(100 * lastShare).toFixed(1)}% (target flat within 10%) ${Math.abs(lastShare - firstShare) <= 0.1 * firstShare ? "ok" : "OVER"}`,
    );
    await context.close();
  }

  // 2. Idle decks, all at once.
  if (IDLE_MINUTES > 0) {
    const pages = pagesOf(dist);
    console.log(`\nidle decks (?slides), ${pages.length} pages for ${IDLE_MINUTES} min at once:`);
    // Opened one after another (loading sixteen at once on a busy machine times out), then
    // left idle together.
    const open: { path: string; context: BrowserContext; cdp: CDPSession; start: Sample }[] = [];
    for (const path of pages) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      page.setDefaultTimeout(120_000);
      await page.goto(`${server.url}/${path}?slides`);
      await settle(page).catch(() => undefined); // the index has no cells
      await page.waitForTimeout(2000); // first layouts and fonts done
      const cdp = await watch(page);
      open.push({ path, context, cdp, start: await sample(cdp) });
    }
    await new Promise((r) => setTimeout(r, IDLE_MINUTES * MINUTE));
    console.log("  page                                   CPU s/min   heap growth/min");
    let worst = 0;
    for (const { path, context, cdp, start } of open) {
      const end = await sample(cdp);
      const minutes = (end.at - start.at) / MINUTE;
      const cpu = (end.busy - start.busy) / minutes;
      worst = Math.max(worst, cpu);
      console.log(
        `  ${(`/${path}` || "/").padEnd(38)} ${cpu.toFixed(3).padStart(9)}   ${mb((end.heap - start.heap) / minutes).padStart(15)}`,
      );
      await context.close();
    }
    verdicts.push(
      `idle CPU, worst page: ${worst.toFixed(3)} s/min (target < 0.1 s/min on every page) ${worst < 0.1 ? "ok" : "OVER"}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`\n${verdicts.join("\n")}`);
