// The stepper's timeline over a trace and what the drawing shows at each point of it.
// Position 0 is the start (only the leaves are known), then one position per forward step,
// then one per backward step. Everything here is a pure function of (trace, position), which
// is why stepping back restores exactly the earlier picture.
import type { Step, Trace } from "./types.ts";

/** Precomputed lookups for a trace's timeline. */
export interface StepIndex {
  readonly trace: Trace;
  /** All steps: forward then backward; position p ≥ 1 shows steps[p - 1]. */
  readonly steps: readonly Step[];
  /** Number of positions (start + every step). */
  readonly count: number;
  /** Per node id: the first position at which its value is shown (0 for leaves). */
  readonly valueAt: ReadonlyMap<string, number>;
  /** Per node id: the first position at which its gradient is shown (Infinity: never). */
  readonly gradAt: ReadonlyMap<string, number>;
  readonly kindOf: ReadonlyMap<string, string>;
}

/** Builds the timeline of a trace. */
export function indexSteps(trace: Trace): StepIndex {
  const steps: Step[] = [...trace.forward, ...trace.backward];
  const valueAt = new Map<string, number>();
  const gradAt = new Map<string, number>();
  const kindOf = new Map<string, string>();
  for (const node of trace.nodes) {
    valueAt.set(node.id, 0);
    gradAt.set(node.id, Number.POSITIVE_INFINITY);
    kindOf.set(node.id, node.kind);
  }
  steps.forEach((step, k) => {
    if (step.kind === "forward") valueAt.set(step.node, k + 1);
    else gradAt.set(step.node, k + 1);
  });
  return { trace, steps, count: steps.length + 1, valueAt, gradAt, kindOf };
}

/** The step shown at a position, or null at the start. */
export function stepAt(index: StepIndex, position: number): Step | null {
  return position >= 1 ? (index.steps[position - 1] ?? null) : null;
}

/** The nodes a step reads from: a forward step's inputs, a backward step's children. */
export function stepSources(step: Step): readonly string[] {
  return step.kind === "forward" ? step.inputs : step.terms.map((t) => t.child);
}

/** The edges a step lights up. */
export function stepEdges(step: Step): readonly string[] {
  return step.kind === "forward" ? step.edges : step.terms.map((t) => t.edge);
}

/** The `class` attribute of a node's group at a position (a fixed order, so DOMs compare). */
export function nodeClass(index: StepIndex, id: string, position: number): string {
  const step = stepAt(index, position);
  let cls = `node kind-${index.kindOf.get(id) ?? "intermediate"}`;
  if ((index.valueAt.get(id) ?? 0) <= position) cls += " has-value";
  else cls += " pending";
  if ((index.gradAt.get(id) ?? Number.POSITIVE_INFINITY) <= position) cls += " has-grad";
  if (step) {
    if (step.node === id) cls += ` current current-${step.kind}`;
    else if (stepSources(step).includes(id)) cls += ` source source-${step.kind}`;
  }
  return cls;
}

/** The `class` attribute of an edge's path at a position. */
export function edgeClass(index: StepIndex, id: string, position: number): string {
  const step = stepAt(index, position);
  return step && stepEdges(step).includes(id) ? `edge active active-${step.kind}` : "edge";
}

/** Node and edge ids whose classes may differ between two positions (what a redraw touches). */
export function touchedBetween(
  index: StepIndex,
  from: number,
  to: number,
): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const p of [from, to]) {
    const step = stepAt(index, p);
    if (!step) continue;
    nodes.add(step.node);
    for (const id of stepSources(step)) nodes.add(id);
    for (const id of stepEdges(step)) edges.add(id);
  }
  // Every step between the two positions changed its node's value or gradient flag.
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  for (let p = lo + 1; p <= hi; p++) {
    const step = stepAt(index, p);
    if (step) nodes.add(step.node);
  }
  return { nodes, edges };
}
