// Run as its own process by graph.bench.ts: lays out the 200-node bench graph with one engine,
// five times, and prints each call's wall and CPU time as JSON. The first call is cold (the
// code is still being compiled), as on a page that has just loaded.
import { readFileSync } from "node:fs";
import { layoutGraph } from "../../../src/graph/layout/layout-graph.ts";
import { traceComputation } from "../../../src/graph/model/trace.ts";
import { BENCH_GRAPHS, DRAW_TARGET_GRAPH } from "./bench-graphs.ts";

const engine = process.argv[2] === "layered" ? "layered" : "d3-dag";
const cpuMs = (): number => {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) * 10;
};
const make = BENCH_GRAPHS[DRAW_TARGET_GRAPH];
if (!make) throw new Error(`cold-layout: no bench graph "${DRAW_TARGET_GRAPH}"`);
const { trace } = traceComputation(make().result);
const calls: { wall: number; cpu: number }[] = [];
for (let k = 0; k < 5; k++) {
  const c0 = cpuMs();
  const t0 = performance.now();
  layoutGraph(trace, { engine });
  calls.push({ wall: performance.now() - t0, cpu: cpuMs() - c0 });
}
console.log(JSON.stringify(calls));
