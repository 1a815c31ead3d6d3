// Bench page: a graph.view of a random scalar computation; the size comes from the URL
// (?nodes=200). It records how long building and first layout took; the Node side then
// presses keys and times each step change.
import { view } from "../../../src/graph/view.ts";
import { randomGraph } from "./random-graph.ts";

const nodes = Number(new URLSearchParams(location.search).get("nodes") ?? "200");
const result = randomGraph(nodes);
const t0 = performance.now();
const root = view(result, { title: `${nodes}-node graph` });
root.id = "bench";
document.body.append(root);
root.getBoundingClientRect(); // force style and layout, so the figure includes them
document.body.dataset.buildMs = String(performance.now() - t0);
document.body.dataset.ready = "true";
