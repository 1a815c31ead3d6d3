// Bench page: a graph.view of one benchmark graph, chosen by the URL (?graph=scalar%20200).
// It builds the view twice and records both times (trace, layout, SVG, DOM, first style and
// layout): the first on a cold page, as a reader meets it; the second with the code already
// compiled, as a later graph on the same page. The second one stays for the Node side, which
// presses keys and times each step.
import { traceComputation } from "../../../src/graph/model/trace.ts";
import { view } from "../../../src/graph/view/view.ts";
import { BENCH_GRAPHS } from "./bench-graphs.ts";

const name = new URLSearchParams(location.search).get("graph") ?? "scalar 200";
const make = BENCH_GRAPHS[name];
if (!make)
  throw new Error(`bench page: no graph "${name}"; known: ${Object.keys(BENCH_GRAPHS).join(", ")}`);
const times: number[] = [];
let root: HTMLElement | undefined;
for (let k = 0; k < 2; k++) {
  root?.remove();
  const { result, names } = make();
  const t0 = performance.now();
  root = view(result, { title: name, names });
  document.body.append(root);
  root.getBoundingClientRect(); // force style and layout, so the figure includes them
  times.push(performance.now() - t0);
}
const { result, names } = make();
if (root) {
  root.id = "bench";
  document.body.dataset.nodes = String(root.querySelectorAll(".graph-svg [data-node]").length);
}
document.body.dataset.buildMs = String(times[0]);
document.body.dataset.warmBuildMs = String(times[1]);
// How many of the timeline's steps are forward ones (the rest are backward).
document.body.dataset.forwardSteps = String(
  traceComputation(result, { names }).trace.forward.length,
);
document.body.dataset.ready = "true";
