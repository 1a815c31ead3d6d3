// npm run bench:deck — not a test: prints what the decks look like from the back row and how they
// move, in headless Chromium at 1280×720 (issue 13's benchmark):
//   per deck (every chapter and lab as slides): the smallest text on any slide, the median prose
//   size, and how many slides fall under the projection type scale (prose under 24 px or any
//   other text under 14 px) and under its floor (prose under 20 px or anything under 12 px);
//   slide changes ("N Enter", key to the next frame drawn): p95, target < 50 ms;
//   chapter 3's Bishop slide training: frames per second at the default speed and at the
//   fastest (target ≥ 55 fps), and the time from "Start over" until all four fits reach MSE
//   1e-4 (x²), 1e-4 (sin), 1e-3 (|x|) and 5e-3 (step) at the fastest speed (target < 2 s).
// `npm run bench:deck -- --only=06-backprop` (repeatable) walks only the decks whose path holds
// one of the words, and times the Bishop slide only when chapter 3 is among them.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { buildSite } from "../../src/site/build-site.ts";
import { deckShown, launchBrowser, serveStatic } from "../browser/harness.ts";
import { MEASURE_SLIDE, SLIDE_SETTLED, TIMED_JUMP } from "./deck/measure-slide.ts";

interface SlideMeasure {
  smallest: number;
  proseMedian: number;
  proseSmallest: number;
  otherSmallest: number;
}

const work = mkdtempSync(join(tmpdir(), "deck-bench-"));
const outDir = join(work, "dist");
await buildSite({ outDir, cacheDir: join(work, "cache") });
const server = await serveStatic(outDir);
const browser = await launchBrowser();

const only = process.argv.filter((a) => a.startsWith("--only=")).map((a) => a.slice(7));
const decks = [
  ...readdirSync(join(outDir, "chapters")).map((d) => `/chapters/${d}/`),
  ...readdirSync(join(outDir, "labs")).map((d) => `/labs/${d}/`),
]
  .filter((deck) => only.length === 0 || only.some((word) => deck.includes(word)))
  .sort();
const BISHOP_DECK = "/chapters/03-one-hidden-layer/";
const timeBishop = decks.includes(BISHOP_DECK);

const percentile = (xs: number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
};
const median = (xs: number[]): number => percentile(xs, 0.5);
const px = (n: number): string => (Number.isFinite(n) && n > 0 ? n.toFixed(1) : "–");

async function openDeck(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${server.url}${path}?slides#slide-1`);
  await deckShown(page);
  return page;
}

// 1. Every deck, slide by slide.
const rows: string[][] = [];
const changes: number[] = [];
for (const path of decks) {
  const page = await openDeck(path);
  const count = await page.$$eval("article.chapter > section.slide", (s) => s.length);
  const slides: SlideMeasure[] = [];
  for (let slide = 1; slide <= count; slide++) {
    if (slide > 1) changes.push(await page.evaluate<number>(TIMED_JUMP(slide)));
    await page
      .waitForFunction(SLIDE_SETTLED, undefined, { polling: 50, timeout: 10_000 })
      .catch(() => {});
    const measured = await page.evaluate<SlideMeasure | null>(MEASURE_SLIDE);
    if (measured) slides.push(measured);
  }
  const under = slides.filter(
    (s) => (s.proseMedian > 0 && s.proseMedian < 24) || s.otherSmallest < 14,
  ).length;
  const floor = slides.filter(
    (s) => (s.proseSmallest > 0 && s.proseSmallest < 20) || s.smallest < 12,
  ).length;
  const prose = slides.map((s) => s.proseMedian).filter((n) => n > 0);
  rows.push([
    path.replace(/^\/(chapters|labs)\//, "").replace(/\/$/, ""),
    String(slides.length),
    px(Math.min(...slides.map((s) => s.smallest).filter((n) => n > 0))),
    px(median(prose)),
    String(under),
    String(floor),
  ]);
  await page.close();
}

// 2. Chapter 3's Bishop slide: frames per second while it trains, and time to the targets.
async function measureBishop() {
  const TARGETS = [1e-4, 1e-4, 1e-3, 5e-3];
  const bishop = await browser.newPage();
  await bishop.setViewportSize({ width: 1280, height: 720 });
  await bishop.goto(`${server.url}/chapters/03-one-hidden-layer/?slides#slide-1`);
  await deckShown(bishop);
  const bishopSlide = await bishop.$$eval(
    "article.chapter > section.slide",
    (ss) => ss.findIndex((s) => s.querySelector("[data-demo]")) + 1,
  );
  await bishop.evaluate(TIMED_JUMP(bishopSlide));
  await bishop.waitForSelector("section.is-current [data-demo] .demo-status");
  /** Frames per second over `ms`, or until the demo finishes (a string: no compiler helpers). */
  const fps = (ms: number) =>
    bishop.evaluate<number>(`new Promise((resolve) => {
      const start = performance.now(); let frames = 0;
      requestAnimationFrame(function count(now) {
        frames++;
        const done = document.querySelector("section.is-current .demo-play")?.disabled;
        if (now - start < ${ms} && !done) requestAnimationFrame(count);
        else resolve(frames / ((now - start) / 1000));
      });
    })`);
  const restart = async (speed: string) => {
    await bishop.selectOption("section.is-current .demo-speed select", speed);
    await bishop.click("section.is-current .demo-restart");
    const play = await bishop.textContent("section.is-current .demo-play");
    if (play === "Play") await bishop.click("section.is-current .demo-play");
  };
  // The machine's own pace first: the same slide, paused (nothing but the page's frames).
  await restart("2");
  await bishop.click("section.is-current .demo-play"); // pause
  const fpsIdle = await fps(2000);
  await bishop.click("section.is-current .demo-play"); // play
  const fpsDefault = await fps(3000);
  await restart("max");
  const fpsMax = await fps(1000);
  // Time to target, in the page: pause, start over, then play at the fastest speed and time the
  // first report with all four fits under their targets (and the steps that report counts).
  const { timeToTarget, stepsToTarget } = await bishop.evaluate<{
    timeToTarget: number;
    stepsToTarget: number;
  }>(`new Promise((resolve) => {
    const targets = ${JSON.stringify(TARGETS)};
    const demo = document.querySelector("section.is-current [data-demo]");
    const play = demo.querySelector(".demo-play");
    if (play.textContent === "Pause") play.click();
    const missed = { timeToTarget: Infinity, stepsToTarget: NaN };
    const onState = (e) => {
      const fits = e.detail.state;
      if (e.detail.steps > 0 && fits && fits.every((f, i) => f.loss < targets[i])) {
        document.removeEventListener("demo-state", onState);
        resolve({ timeToTarget: performance.now() - start, stepsToTarget: e.detail.steps });
      } else if (e.detail.finished) resolve(missed);
    };
    const start = performance.now();
    demo.querySelector(".demo-restart").click(); // step 0, paused (or playing, if it had finished)
    document.addEventListener("demo-state", onState);
    if (play.textContent === "Play") play.click();
    setTimeout(() => resolve(missed), 20000);
  })`);
  await bishop.close();
  return { fpsIdle, fpsDefault, fpsMax, timeToTarget, stepsToTarget };
}
const bishopFigures = timeBishop ? await measureBishop() : null;
await browser.close();
await server.close();

const table = (head: string[], body: string[][]): void => {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of body) console.log(line(r));
};

console.log(
  "\nDecks at 1280×720 (text sizes in screen px; type scale: prose ≥ 24, other ≥ 14; floor: prose ≥ 20, all ≥ 12)",
);
table(["deck", "slides", "smallest", "prose median", "under scale", "under floor"], rows);
const p95 = percentile(changes, 0.95);
console.log("\nMotion");
table(
  ["measure", "value", "target"],
  [
    [
      `slide change p95 (${changes.length} changes, key to next frame)`,
      `${p95.toFixed(1)} ms`,
      "< 50 ms",
    ],
    ["slide change median", `${median(changes).toFixed(1)} ms`, ""],
    ...(bishopFigures ? bishopRows(bishopFigures) : []),
  ],
);

/** The Bishop slide's lines of the motion table. */
function bishopRows(f: NonNullable<typeof bishopFigures>): string[][] {
  const { fpsIdle, fpsDefault, fpsMax, timeToTarget, stepsToTarget } = f;
  return [
    ["ch. 3 Bishop slide paused: fps (this machine's baseline)", fpsIdle.toFixed(1), ""],
    ["ch. 3 Bishop training, fps at default speed (2 steps/frame)", fpsDefault.toFixed(1), "≥ 55"],
    ["ch. 3 Bishop training, fps at fastest", fpsMax.toFixed(1), "≥ 55"],
    [
      "ch. 3 Bishop: time to MSE targets at fastest",
      Number.isFinite(timeToTarget)
        ? `${(timeToTarget / 1000).toFixed(2)} s (${stepsToTarget} steps)`
        : "not reached",
      "< 2 s",
    ],
  ];
}
