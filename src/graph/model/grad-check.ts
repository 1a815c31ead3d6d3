// Two checks a reader can switch on, both independent of autograd: a central-difference
// estimate of every gradient, and "nudge" — move one input by δ, compare the change the
// gradient predicts with the change that happens.
import type { GradCheck } from "../render/render-svg.ts";
import { outputScalar, replayWith } from "./replay.ts";
import type { TracedComputation } from "./trace.ts";

/** Options for `finiteDifferences`. */
export interface FiniteDifferenceOptions {
  /** Relative step: h = step · max(1, |v|) (default 1e-6). */
  step?: number;
  /** Agreement needed: |estimate − grad| ≤ tol · max(1, |grad|) (default 1e-5). */
  tolerance?: number;
  /** Give up beyond this many re-runs of the graph, to keep the page responsive (default 20000). */
  maxEvaluations?: number;
}

/**
 * Central-difference estimates ∂out/∂v ≈ (out(v + h) − out(v − h)) / 2h for every element of
 * every node that has a gradient. Throws with a message when the graph is too large.
 */
export function finiteDifferences(
  computation: TracedComputation,
  options: FiniteDifferenceOptions = {},
): Map<string, GradCheck> {
  const step = options.step ?? 1e-6;
  const tol = options.tolerance ?? 1e-5;
  const { trace } = computation;
  const withGrad = trace.nodes.filter((n) => n.grad);
  const evaluations = 2 * withGrad.reduce((s, n) => s + n.value.data.length, 0);
  const limit = options.maxEvaluations ?? 20000;
  if (evaluations > limit) {
    throw new Error(
      `finite differences: this graph needs ${evaluations} re-runs (2 per gradient entry), more than ` +
        `the ${limit} allowed; check a smaller computation or raise maxEvaluations`,
    );
  }
  const checks = new Map<string, GradCheck>();
  for (const node of withGrad) {
    const base = Float64Array.from(node.value.data);
    const estimate: number[] = [];
    let ok = true;
    const grad = node.grad?.data ?? [];
    for (const [j, v] of base.entries()) {
      const h = step * Math.max(1, Math.abs(v));
      const data = base.slice();
      data[j] = v + h;
      const up = outputScalar(replayWith(computation, node.id, data));
      data[j] = v - h;
      const down = outputScalar(replayWith(computation, node.id, data));
      const est = (up - down) / (2 * h);
      estimate.push(est);
      const g = grad[j] ?? Number.NaN;
      if (!(Math.abs(est - g) <= tol * Math.max(1, Math.abs(g)))) ok = false;
    }
    checks.set(node.id, { estimate, ok });
  }
  return checks;
}

/** What a nudge found. */
export interface NudgeResult {
  /** The output before the nudge (summed if not a scalar). */
  readonly before: number;
  readonly after: number;
  /** after − before. */
  readonly actual: number;
  /** gradient · δ, the first-order prediction. */
  readonly predicted: number;
}

/** Moves element `element` of node `id` by `delta` and compares prediction with reality. */
export function nudge(
  computation: TracedComputation,
  id: string,
  element: number,
  delta: number,
): NudgeResult {
  const node = computation.trace.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`nudge: no node "${id}" in this graph`);
  if (!node.grad)
    throw new Error(`nudge: ${node.label} has no gradient, so there is nothing to predict with`);
  if (element < 0 || element >= node.value.data.length) {
    throw new Error(
      `nudge: ${node.label} has ${node.value.data.length} entries, there is no entry ${element}`,
    );
  }
  const output = computation.trace.nodes.find((n) => n.id === computation.trace.output);
  const before = outputScalar(Float64Array.from(output?.value.data ?? []));
  const data = Float64Array.from(node.value.data);
  const at = data[element] ?? 0; // in range: checked above
  data[element] = at + delta;
  const after = outputScalar(replayWith(computation, id, data));
  const predicted = (node.grad.data[element] ?? Number.NaN) * delta;
  return { before, after, actual: after - before, predicted };
}
