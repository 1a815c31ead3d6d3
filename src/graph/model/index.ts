// graph/model: a computation traced into plain data — nodes, edges, forward and backward steps
// — and what is computed from that data alone: names and layers, the stepper's timeline,
// replaying the computation for the finite-difference and nudge checks, the neuron-level
// expansion. No DOM, no drawing.
export * from "./backward-sweep.ts";
export * from "./expand-neurons.ts";
export * from "./find-layers.ts";
export * from "./format.ts";
export * from "./grad-check.ts";
export * from "./labels.ts";
export * from "./name-nodes.ts";
export * from "./op-definitions.ts";
export * from "./replay.ts";
export * from "./step-index.ts";
export * from "./trace.ts";
export * from "./types.ts";
