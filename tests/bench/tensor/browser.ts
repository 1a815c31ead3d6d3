// The Node bench's two cases again, in headless Chromium, where notebook cells train: the
// library against the hand-fused loop, stepping in frames of about 8 ms as a cell does. Each
// window is timed by the renderer main thread's CPU time (the DevTools protocol's TaskDuration
// in thread ticks: every task, the GC's and the registry's included), which other processes
// on a busy machine do not inflate, and by wall clock.
import { existsSync } from "node:fs";
import { build } from "esbuild";
import type { CDPSession, Page } from "playwright-core";
import { CHROMIUM, launchBrowser } from "../../browser/harness.ts";
import type { BrowserBench, BrowserCase } from "./browserSteps.ts";
import type { CnnReport } from "./digits-cnn.ts";

/** Steps per second of one trainer in Chromium. */
export interface BrowserRate {
  cpu: number;
  wall: number;
}

const WARMUP_MS = 500;
const WINDOW_MS = 500;
const WINDOWS = 5;

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return metrics.find((m) => m.name === "TaskDuration")?.value ?? Number.NaN;
}

async function timedWindow(
  page: Page,
  cdp: CDPSession,
  c: number,
  which: "library" | "fused",
  ms: number,
): Promise<BrowserRate> {
  const before = await taskSeconds(cdp);
  const r = await page.evaluate(
    ([c, which, ms]) =>
      (globalThis as unknown as { tensorBench: BrowserBench }).tensorBench.window(c, which, ms),
    [c, which, ms] as const,
  );
  const cpu = (await taskSeconds(cdp)) - before;
  return { cpu: r.steps / cpu, wall: (r.steps * 1000) / r.ms };
}

const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The bench page: Chromium with the bundled steps loaded, and a CDP session to time it. */
async function withBenchPage<T>(
  use: (page: Page, cdp: CDPSession, version: string) => Promise<T>,
): Promise<T | null> {
  if (!existsSync(CHROMIUM)) return null;
  const bundle = await build({
    entryPoints: [new URL("./browserSteps.ts", import.meta.url).pathname],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    minify: true, // as the site ships it
    logLevel: "error",
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    await page.setContent("<!doctype html><title>tensor bench</title>");
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    return await use(page, cdp, browser.version());
  } finally {
    await browser.close();
  }
}

/** Library and hand-fused rates per case, with the browser's version; null without Chromium. */
export async function browserRates(
  cases: BrowserCase[],
): Promise<{ library: BrowserRate; fused: BrowserRate; version: string }[] | null> {
  return withBenchPage(async (page, cdp, version) => {
    await page.evaluate(
      (cs) => (globalThis as unknown as { tensorBench: BrowserBench }).tensorBench.setUp(cs),
      cases,
    );
    const out = [];
    for (let c = 0; c < cases.length; c++) {
      const windows = { library: [] as BrowserRate[], fused: [] as BrowserRate[] };
      for (const which of ["library", "fused"] as const)
        await timedWindow(page, cdp, c, which, WARMUP_MS);
      for (let round = 0; round < WINDOWS; round++) {
        for (const which of ["library", "fused"] as const)
          windows[which].push(await timedWindow(page, cdp, c, which, WINDOW_MS));
      }
      const summary = (w: BrowserRate[]): BrowserRate => ({
        cpu: median(w.map((r) => r.cpu)),
        wall: median(w.map((r) => r.wall)),
      });
      out.push({ library: summary(windows.library), fused: summary(windows.fused), version });
    }
    return out;
  });
}

/**
 * The digits CNN in Chromium, an epoch per call, each timed by the main thread's CPU time and by
 * wall clock, with the test accuracy after it (not timed); stops after `epochs` or once the CPU
 * time passes `budgetMs`.
 */
export async function browserCnn(epochs: number, budgetMs: number): Promise<CnnReport | null> {
  return withBenchPage(async (page, cdp) => {
    const sizes = await page.evaluate(() =>
      (globalThis as unknown as { tensorBench: BrowserBench }).tensorBench.cnnSetUp(),
    );
    const report: CnnReport = { cpuMs: [], wallMs: [], accuracies: [], ...sizes };
    let total = 0;
    while (report.cpuMs.length < epochs && total <= budgetMs) {
      const before = await taskSeconds(cdp);
      const wall = await page.evaluate(
        (frame) =>
          (globalThis as unknown as { tensorBench: BrowserBench }).tensorBench.cnnEpoch(frame),
        FRAME_MS,
      );
      const cpu = ((await taskSeconds(cdp)) - before) * 1000;
      total += cpu;
      report.cpuMs.push(cpu);
      report.wallMs.push(wall);
      report.accuracies.push(
        await page.evaluate(() =>
          (globalThis as unknown as { tensorBench: BrowserBench }).tensorBench.cnnAccuracy(),
        ),
      );
    }
    return report;
  });
}

/** Work per turn of the event loop, as a cell's animation frame (and browserSteps' windows). */
const FRAME_MS = 8;
