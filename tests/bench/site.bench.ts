// npm run bench:site — not a test: prints how long the site takes to build and to load.
//   full build time (the real content, and 20 pages: the content topped up with copies),
//   each page's JavaScript (loaded up front, and everything it fetched once settled; bytes and gzip),
//   and in headless Chromium the median of 5 loads of first paint and of "every cell settled".
// Targets: build < 3 s for 20 pages; ≤ 150 KB gzip JS for a page without plots; settled < 1.5 s.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildSite } from "../../src/site/build-site.ts";
import { launchBrowser, serveStatic } from "../browser/harness.ts";
import { benchEditCells } from "./edit-cells.ts";

const LOADS = 5;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

const work = mkdtempSync(join(tmpdir(), "site-bench-"));

// 1. The real content.
const real = await buildSite({ outDir: join(work, "dist"), cacheDir: join(work, "cache") });
const again = await buildSite({ outDir: join(work, "dist"), cacheDir: join(work, "cache") });

// 2. Twenty pages: the content plus copies of its chapters under new names.
const synthetic = join(work, "twenty");
mkdirSync(join(synthetic, "content"), { recursive: true });
mkdirSync(join(synthetic, "notebooks"), { recursive: true });
const chapters = readdirSync("content").filter((n) => n.endsWith(".md"));
const labs = readdirSync("notebooks").filter((n) => n.endsWith(".md"));
for (const n of chapters) copyFileSync(join("content", n), join(synthetic, "content", n));
for (const n of labs) copyFileSync(join("notebooks", n), join(synthetic, "notebooks", n));
for (let i = chapters.length + labs.length, k = 0; i < 20; i++, k++) {
  const source = readFileSync(join("content", chapters[k % chapters.length]), "utf8");
  writeFileSync(
    join(synthetic, "content", `${50 + k}-copy.md`),
    source.replace(/^order: *\d+/m, `order: ${50 + k}`),
  );
}
const twenty = await buildSite({
  contentDir: join(synthetic, "content"),
  labsDir: join(synthetic, "notebooks"),
  outDir: join(work, "dist20"),
  cacheDir: join(work, "cache20"),
});

console.log("\nBuild");
console.log(
  `  content (${real.pages.length} pages): first ${Math.round(real.milliseconds)} ms, again ${Math.round(again.milliseconds)} ms`,
);
console.log(
  `  ${twenty.pages.length} pages: ${Math.round(twenty.milliseconds)} ms   (target < 3000 ms)`,
);

// 3. Each page in Chromium.
const dist = join(work, "dist");
const server = await serveStatic(dist);
const browser = await launchBrowser();
const rows: string[][] = [
  ["page", "JS up front", "gzip", "JS loaded", "gzip", "first paint", "settled"],
];
for (const [dir, files] of again.scripts) {
  const upfront = files.map((f) => readFileSync(join(dist, f)));
  const paints: number[] = [];
  const settles: number[] = [];
  let loaded = 0;
  let loadedGzip = 0;
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bodies: Promise<Buffer>[] = [];
    if (i === 0) {
      page.on("response", (r) => {
        if (r.request().resourceType() === "script")
          bodies.push(r.body().catch(() => Buffer.alloc(0)));
      });
    }
    await page.goto(`${server.url}/${dir}`);
    // A string, not a function: tsx would wrap named arrow functions in a helper the page lacks.
    const timing = (await page.evaluate(`(async () => {
      await window.__notebook?.settled;
      const paint = await new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName("first-contentful-paint")[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: "paint", buffered: true });
        setTimeout(() => resolve(NaN), 3000);
      });
      return { paint, settled: window.__notebook?.settledAt ?? paint };
    })()`)) as { paint: number; settled: number };
    if (i === 0) await page.waitForLoadState("networkidle");
    paints.push(timing.paint);
    settles.push(timing.settled);
    if (i === 0) {
      const all = await Promise.all(bodies);
      loaded = all.reduce((n, b) => n + b.length, 0);
      loadedGzip = all.reduce((n, b) => n + gzipSync(b).length, 0);
    }
    await context.close();
  }
  rows.push([
    dir || "(index)",
    kb(upfront.reduce((n, b) => n + b.length, 0)),
    kb(upfront.reduce((n, b) => n + gzipSync(b).length, 0)),
    kb(loaded),
    kb(loadedGzip),
    `${Math.round(median(paints))} ms`,
    `${Math.round(median(settles))} ms`,
  ]);
}
await benchEditCells(browser, server.url, dist);
await browser.close();
await server.close();

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
console.log(`\nPages (median of ${LOADS} loads, times from navigation start)`);
for (const row of rows)
  console.log(
    `  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ")}`,
  );
console.log("\nTargets: ≤ 150 KB gzip for a page without plots; every chapter settled < 1500 ms.");
