// npm run bench:graph — the benchmark: trace + layout + render of graphs of 20, 200 and
// 1,000 nodes (plus chapter 6's 2-2-1 and an nn.MLP 2-4-4-1 with matrices), and the time of a
// step change. (1) In Node: trace, layout and the SVG string. (2) In Chromium: the whole view
// built (trace, layout, SVG, DOM, first layout), over several page loads; then every step of
// the timeline, forward and backward, pressed with → (sampled evenly on big graphs), each timed
// until its classes, equation and ledger are updated and style and layout are done. Neither
// includes the text alternative: out of sight, it is filled and kept up in idle time
// (view-painter.ts).
// Targets: a 200-node graph drawn in under 100 ms; a step change under 16 ms (one frame).

import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { LIBRARY_LIMIT, layoutGraph } from "../../src/graph/layout/layout-graph.ts";
import { indexSteps } from "../../src/graph/model/step-index.ts";
import { traceComputation } from "../../src/graph/model/trace.ts";
import { renderSvg } from "../../src/graph/render/render-svg.ts";
import { GRAPH_CSS } from "../browser/graph-styles.ts";
import { launchBrowser, serveStatic } from "../browser/harness.ts";
import { BENCH_GRAPHS, DRAW_TARGET_GRAPH } from "./graph/bench-graphs.ts";
import { timeSteps } from "./graph/time-steps.ts";

const DRAW_TARGET_MS = 100;
const STEP_TARGET_MS = 16;
/** Steps timed per graph at most; longer timelines are sampled evenly (all steps are pressed). */
const MAX_TIMED_STEPS = 150;

/** Nearest-rank quantile. */
function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN;
}
/** CPU time of this (the main) thread so far, ms; Linux only (NaN elsewhere), 10 ms ticks. */
function threadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime
  } catch {
    return Number.NaN;
  }
}
const ms = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : "–");
const mark = (ok: boolean): string => (ok ? "✓" : "✗");
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");
const row = (cells: (string | number)[], widths: number[]): string =>
  `  ${cells.map((c, k) => String(c).padEnd(widths[k] ?? 10)).join(" ")}`;

console.log("graph benchmark");
console.log(
  `load average ${load()} on ${availableParallelism()} cores (the machine may be shared: with load above the core count every time here is inflated)\n`,
);

// (1) Node: trace + layout + SVG string, fresh tensors each run.
const drawTimes = new Map<string, number>();
console.log(
  "Node: trace + layout + render (SVG string), p50 of several warm runs; cpu = this thread's CPU time per run (less sensitive to load)",
);
const nodeCols = [12, 6, 10, 9, 9, 9, 9, 9, 9];
const engineFor = (nodes: number): string => (nodes > LIBRARY_LIMIT ? "built-in" : "d3-dag");
console.log(
  row(
    ["graph", "nodes", "layout by", "trace", "layout", "render", "total", "p95", "cpu"],
    nodeCols,
  ),
);
for (const [name, make] of Object.entries(BENCH_GRAPHS)) {
  const runs = name.includes("1000") ? 5 : 15;
  const t = { trace: [] as number[], layout: [] as number[], render: [] as number[] };
  const totals: number[] = [];
  let nodes = 0;
  let cpu = 0;
  for (let r = 0; r < runs + 2; r++) {
    const c0 = threadCpuMs();
    const { result, names } = make();
    const t0 = performance.now();
    const { trace } = traceComputation(result, { names });
    const t1 = performance.now();
    const layout = layoutGraph(trace);
    const t2 = performance.now();
    renderSvg(layout, { index: indexSteps(trace), position: 0 });
    const t3 = performance.now();
    nodes = trace.nodes.length;
    if (r < 2) continue; // warm-up
    cpu += threadCpuMs() - c0; // includes building the tensors
    t.trace.push(t1 - t0);
    t.layout.push(t2 - t1);
    t.render.push(t3 - t2);
    totals.push(t3 - t0);
  }
  drawTimes.set(name, quantile(totals, 0.5));
  const p50 = (xs: number[]) => ms(quantile(xs, 0.5));
  console.log(
    row(
      [
        name,
        nodes,
        engineFor(nodes),
        p50(t.trace),
        p50(t.layout),
        p50(t.render),
        p50(totals),
        ms(quantile(totals, 0.95)),
        ms(cpu / runs),
      ],
      nodeCols,
    ),
  );
}

// Why "auto" hands graphs above LIBRARY_LIMIT nodes to the built-in layout: d3-dag's first
// layout in a fresh process (a page that has just loaded) against its later ones.
for (const engine of ["d3-dag", "layered"]) {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", "tests/bench/graph/cold-layout.ts", engine],
    { encoding: "utf8" },
  );
  const calls = JSON.parse(out) as { wall: number; cpu: number }[];
  const [first, ...rest] = calls;
  const warm = (k: "wall" | "cpu") =>
    ms(
      quantile(
        rest.map((c) => c[k]),
        0.5,
      ),
    );
  console.log(
    `  ${DRAW_TARGET_GRAPH} laid out by ${engine === "layered" ? "built-in" : engine}: first call ${ms(first?.wall ?? Number.NaN)} (cpu ${ms(first?.cpu ?? Number.NaN)}), later calls p50 ${warm("wall")} (cpu ${warm("cpu")})`,
  );
}

// (2) Chromium: the view on a page of its own.
const dir = mkdtempSync(join(tmpdir(), "graph-bench-"));
await build({
  entryPoints: ["tests/bench/graph/step-page.ts"],
  bundle: true,
  format: "esm",
  outfile: join(dir, "page.js"),
  logLevel: "error",
});
writeFileSync(
  join(dir, "index.html"),
  '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="katex.min.css"><link rel="stylesheet" href="graph.css">' +
    '<body><script type="module" src="page.js"></script></body>',
);
cpSync("styles", join(dir, "styles"), { recursive: true });
writeFileSync(join(dir, "graph.css"), GRAPH_CSS);
copyFileSync("node_modules/katex/dist/katex.min.css", join(dir, "katex.min.css"));
cpSync("node_modules/katex/dist/fonts", join(dir, "fonts"), { recursive: true });
const server = await serveStatic(dir);
const browser = await launchBrowser();
const built = new Map<string, number>();
const builtWarm = new Map<string, number>();
const stepOk = new Map<string, boolean>();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const open = async (
    name: string,
  ): Promise<{ buildMs: number; warmMs: number; nodes: number }> => {
    await page.goto(`${server.url}/?graph=${encodeURIComponent(name)}`);
    await page.waitForSelector("body[data-ready=true]");
    return {
      buildMs: Number(await page.getAttribute("body", "data-build-ms")),
      warmMs: Number(await page.getAttribute("body", "data-warm-build-ms")),
      nodes: Number(await page.getAttribute("body", "data-nodes")),
    };
  };
  console.log(
    `\nChromium: view built (p50 / p95 over page loads, each starting cold as a reader's does; "again": p50 of a second build on the same page, code compiled),` +
      " then every step of the timeline pressed with →," +
      ` idle time between presses as a person leaves it (at most ${MAX_TIMED_STEPS} timed, evenly spread)`,
  );
  const cols = [12, 6, 25, 11, 8, 8, 8, 13, 12];
  console.log(
    row(
      [
        "graph",
        "nodes",
        "built p50 / p95",
        "timed/steps",
        "p50",
        "p95",
        "max",
        "backward p95",
        "p95 < 16 ms",
      ],
      cols,
    ),
  );
  const backToBack: string[] = [];
  for (const name of Object.keys(BENCH_GRAPHS)) {
    const loads = name.includes("1000") ? 3 : 6;
    const times: number[] = [];
    const warm: number[] = [];
    let nodes = 0;
    await open(name); // warm-up: the first load also compiles the bundle
    for (let k = 0; k < loads; k++) {
      const r = await open(name);
      times.push(r.buildMs);
      warm.push(r.warmMs);
      nodes = r.nodes;
    }
    built.set(name, quantile(times, 0.5));
    builtWarm.set(name, quantile(warm, 0.5));
    const paced = await timeSteps(page, MAX_TIMED_STEPS, true);
    const all = paced.map((s) => s.ms);
    const backward = paced.filter((s) => s.kind === "backward").map((s) => s.ms);
    const p95 = quantile(all, 0.95);
    stepOk.set(name, p95 < STEP_TARGET_MS);
    console.log(
      row(
        [
          name,
          nodes,
          `${ms(quantile(times, 0.5))} / ${ms(quantile(times, 0.95))} / ${ms(quantile(warm, 0.5))}`,
          `${paced.length}/${paced.total}`,
          ms(quantile(all, 0.5)),
          ms(p95),
          ms(Math.max(...all)),
          ms(quantile(backward, 0.95)),
          mark(p95 < STEP_TARGET_MS),
        ],
        cols,
      ),
    );
    await open(name);
    const rushed = (await timeSteps(page, MAX_TIMED_STEPS, false)).map((s) => s.ms);
    backToBack.push(
      `  ${name.padEnd(12)} p50 ${ms(quantile(rushed, 0.5))}, p95 ${ms(quantile(rushed, 0.95))}, max ${ms(Math.max(...rushed))}`,
    );
  }
  console.log("\nStep change when presses come back to back (no idle time between them):");
  for (const line of backToBack) console.log(line);
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

const node200 = drawTimes.get(DRAW_TARGET_GRAPH) ?? Number.NaN;
const view200 = built.get(DRAW_TARGET_GRAPH) ?? Number.NaN;
const again200 = builtWarm.get(DRAW_TARGET_GRAPH) ?? Number.NaN;
console.log("\nTargets");
console.log(
  `  ${DRAW_TARGET_GRAPH} drawn in under ${DRAW_TARGET_MS} ms: Node (trace + layout + SVG) p50 ${ms(node200)} ${mark(node200 < DRAW_TARGET_MS)}; ` +
    `Chromium view built p50 ${ms(view200)} ${mark(view200 < DRAW_TARGET_MS)} (again on the same page ${ms(again200)} ${mark(again200 < DRAW_TARGET_MS)})`,
);
const steps = [...stepOk].map(([name, ok]) => `${name} ${mark(ok)}`).join(", ");
console.log(`  a step change under ${STEP_TARGET_MS} ms (p95 over the timeline): ${steps}`);
console.log(`load average now ${load()}`);
