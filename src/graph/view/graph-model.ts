// What a graph view shows, as plain data: the traced computation, its layout and its timeline,
// for the layer graph or for the same computation expanded into neurons. The view builds one
// model per granularity and switches between them ("Neurons" toggle).
import type { Tensor } from "../../tensor/tensor.ts";
import { type LayoutOptions, layoutGraph } from "../layout/layout-graph.ts";
import { expandNeurons } from "../model/expand-neurons.ts";
import { indexSteps, type StepIndex } from "../model/step-index.ts";
import { type TracedComputation, type TraceOptions, traceComputation } from "../model/trace.ts";
import type { Layout, Trace, TraceNode } from "../model/types.ts";

/** One granularity of the view: everything the drawing, panels and checks read. */
export interface GraphModel {
  readonly neurons: boolean;
  readonly computation: TracedComputation;
  readonly trace: Trace;
  readonly layout: Layout;
  readonly index: StepIndex;
  readonly lookup: (id: string) => TraceNode;
  /** The node the gradient is taken of. */
  readonly output: TraceNode;
}

/** Largest size of a dimension that the neuron view draws (as `expandNeurons` allows). */
export const NEURON_LIMIT = 8;

/** Traces, lays out and indexes `result`, expanded into neurons when `neurons` is true. */
export function buildModel(
  result: Tensor,
  options: TraceOptions & LayoutOptions,
  neurons: boolean,
): GraphModel {
  const computation = neurons
    ? traceComputation(expandNeurons(result, { names: options.names, maxUnits: NEURON_LIMIT }), {
        ...options,
        names: undefined,
      })
    : traceComputation(result, options);
  const { trace } = computation;
  const byId = new Map(trace.nodes.map((n) => [n.id, n]));
  const lookup = (id: string): TraceNode => {
    const node = byId.get(id);
    if (!node) throw new Error(`graph view: no node "${id}" in this trace`);
    return node;
  };
  return {
    neurons,
    computation,
    trace,
    layout: layoutGraph(trace, options),
    index: indexSteps(trace),
    lookup,
    output: lookup(trace.output),
  };
}

/**
 * Whether the neuron view adds something to a layer graph: some tensor has several entries,
 * none has a dimension above NEURON_LIMIT, and the result is one number.
 */
export function neuronsApply(trace: Trace): boolean {
  const output = trace.nodes.find((n) => n.id === trace.output);
  if (output?.value.data.length !== 1) return false;
  const fits = trace.nodes.every((n) => n.shape.every((d) => d <= NEURON_LIMIT));
  return fits && trace.nodes.some((n) => n.value.data.length > 1);
}

/**
 * The position in a timeline of `to` that corresponds to `position` in `from`: the start, the
 * end of the forward pass and the end stay where they are; in between, the same fraction of
 * the same pass.
 */
export function mapPosition(from: StepIndex, to: StepIndex, position: number): number {
  const f1 = from.trace.forward.length;
  const f2 = to.trace.forward.length;
  const b1 = from.trace.backward.length;
  const b2 = to.trace.backward.length;
  if (position <= 0) return 0;
  if (position >= from.count - 1) return to.count - 1;
  if (position <= f1) return Math.max(1, Math.min(f2, Math.round((position / f1) * f2)));
  const k = position - f1; // 1 … b1 − 1
  return f2 + Math.max(1, Math.min(b2, Math.round((k / b1) * b2)));
}

/** Where a stepper over `model` starts: "start", "forward" (pass done), "end" or a position. */
export function startPosition(
  model: GraphModel,
  start: "start" | "forward" | "end" | number,
): number {
  if (start === "start") return 0;
  if (start === "forward") return model.trace.forward.length;
  if (start === "end") return model.index.count - 1;
  return start;
}
