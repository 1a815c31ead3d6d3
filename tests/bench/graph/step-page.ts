// Bench page: a graph.view of one benchmark graph, chosen by the URL (?graph=scalar%20200).
// It records how long building the view took (trace, layout, SVG, DOM, first style and layout)
// and the number of steps in its timeline; the Node side then presses keys and times each step.
import { traceComputation } from "../../../src/graph/trace.ts";
import { view } from "../../../src/graph/view.ts";
import { BENCH_GRAPHS } from "./bench-graphs.ts";

const name = new URLSearchParams(location.search).get("graph") ?? "scalar 200";
const make = BENCH_GRAPHS[name];
if (!make)
  throw new Error(`bench page: no graph "${name}"; known: ${Object.keys(BENCH_GRAPHS).join(", ")}`);
const { result, names } = make();
const t0 = performance.now();
const root = view(result, { title: name, names });
root.id = "bench";
document.body.append(root);
root.getBoundingClientRect(); // force style and layout, so the figure includes them
document.body.dataset.buildMs = String(performance.now() - t0);
document.body.dataset.nodes = String(root.querySelectorAll(".graph-svg [data-node]").length);
// How many of the timeline's steps are forward ones (the rest are backward).
document.body.dataset.forwardSteps = String(
  traceComputation(result, { names }).trace.forward.length,
);
document.body.dataset.ready = "true";
