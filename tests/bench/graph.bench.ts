// npm run bench:graph — (1) in Node: trace + layout + SVG string for scalar graphs of about
// 20, 200 and 1,000 nodes; (2) in Chromium: building the whole view, and the time of one step
// change (key press → classes, table rows, equation and ledger updated, style and layout done).
// Targets from the issue: a 200-node graph drawn in under 100 ms; a step change under 16 ms.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { layoutGraph } from "../../src/graph/layout-graph.ts";
import { renderSvg } from "../../src/graph/render-svg.ts";
import { indexSteps } from "../../src/graph/step-index.ts";
import { trace } from "../../src/graph/trace.ts";
import { launchBrowser, serveStatic } from "../browser/harness.ts";
import { randomGraph } from "./graph/random-graph.ts";

const SIZES = [20, 200, 1000];
const DRAW_TARGET_MS = 100; // for the 200-node graph
const STEP_TARGET_MS = 16;
const STEPS = 60;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
}
const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

function timeNode(nodes: number): { nodes: number; trace: number; layout: number; render: number } {
  const runs = nodes >= 1000 ? 5 : 15;
  const times = { trace: [] as number[], layout: [] as number[], render: [] as number[] };
  let count = 0;
  for (let r = 0; r < runs + 2; r++) {
    const result = randomGraph(nodes);
    const t0 = performance.now();
    const t = trace(result);
    const t1 = performance.now();
    const layout = layoutGraph(t);
    const t2 = performance.now();
    renderSvg(layout, { index: indexSteps(t), position: 0 });
    const t3 = performance.now();
    count = t.nodes.length;
    if (r < 2) continue; // warm-up
    times.trace.push(t1 - t0);
    times.layout.push(t2 - t1);
    times.render.push(t3 - t2);
  }
  return {
    nodes: count,
    trace: median(times.trace),
    layout: median(times.layout),
    render: median(times.render),
  };
}

console.log("graph benchmark (medians)\n");
console.log("Node: trace + layout + render (SVG string)");
console.log("  nodes   trace       layout      render      total       target");
for (const n of SIZES) {
  const r = timeNode(n);
  const total = r.trace + r.layout + r.render;
  const target = n === 200 ? `< ${DRAW_TARGET_MS} ms ${total < DRAW_TARGET_MS ? "✓" : "✗"}` : "";
  console.log(
    `  ${String(r.nodes).padStart(5)}   ${ms(r.trace).padEnd(10)}  ${ms(r.layout).padEnd(10)}  ${ms(r.render).padEnd(10)}  ${ms(total).padEnd(10)}  ${target}`,
  );
}


const dir = mkdtempSync(join(tmpdir(), "graph-bench-"));
await build({
  entryPoints: ["tests/bench/graph/step-page.ts"],
  bundle: true,
  format: "esm",
  outfile: join(dir, "page.js"),
  logLevel: "error",
});
const { writeFileSync, copyFileSync } = await import("node:fs");
writeFileSync(
  join(dir, "index.html"),
  '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="katex.min.css"><link rel="stylesheet" href="graph.css">' +
    '<body><script type="module" src="page.js"></script></body>',
);
copyFileSync("styles/graph.css", join(dir, "graph.css"));
copyFileSync("node_modules/katex/dist/katex.min.css", join(dir, "katex.min.css"));
const { cpSync } = await import("node:fs");
cpSync("node_modules/katex/dist/fonts", join(dir, "fonts"), { recursive: true });
const server = await serveStatic(dir);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  console.log(
    "\nChromium: whole view built (trace, layout, SVG, DOM, first layout), and one step change",
  );
  console.log("  nodes   view built   step median   step p95    step max    target");
  const coldRows: string[] = [];
  for (const n of SIZES) {
    await page.goto(`${server.url}/?nodes=${n}`);
    await page.waitForSelector("body[data-ready=true]");
    const built = Number(await page.getAttribute("body", "data-build-ms"));
    const count = await page.$$eval("#bench .graph-svg [data-node]", (els) => els.length);
    // Key presses come from a person, with idle time between them (which the view uses to
    // typeset the next equations); "back to back" presses give it none.
    const timeSteps = (pause: boolean): Promise<number[]> =>
      page.evaluate(
        async ([steps, withPause]) => {
          const root = document.querySelector<HTMLElement>("#bench")!;
          root.focus();
          root.dispatchEvent(new KeyboardEvent("keydown", { key: "Home", bubbles: true }));
          const out: number[] = [];
          for (let k = 0; k < steps; k++) {
            if (withPause) await new Promise((done) => requestIdleCallback(done, { timeout: 300 }));
            const t0 = performance.now();
            root.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
            root.getBoundingClientRect(); // style and layout of what changed
            out.push(performance.now() - t0);
          }
          return out;
        },
        [STEPS, pause] as const,
      );
    const cold = await timeSteps(false);
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    const times = await timeSteps(true);
    coldRows.push(
      `  ${String(count).padStart(5)}   back to back: median ${ms(median(cold))}, p95 ${ms(quantile(cold, 0.95))}, max ${ms(Math.max(...cold))}`,
    );
    const p50 = median(times);
    const p95 = quantile(times, 0.95);
    const max = Math.max(...times);
    console.log(
      `  ${String(count).padStart(5)}   ${ms(built).padEnd(11)}  ${ms(p50).padEnd(12)}  ${ms(p95).padEnd(10)}  ${ms(max).padEnd(10)}  < ${STEP_TARGET_MS} ms ${p95 < STEP_TARGET_MS ? "✓" : "✗"} (p95)`,
    );
  }
  console.log("\nStep change when presses come back to back (idle time after loading, none between presses):");
  for (const row of coldRows) console.log(row);
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
