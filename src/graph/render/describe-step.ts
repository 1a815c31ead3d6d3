// Plain-language sentences for the current step: the caption above the equation and the
// announcement a screen reader hears through the aria-live region.
import { formatValues } from "../model/format.ts";
import type { StepIndex } from "../model/step-index.ts";
import { stepAt } from "../model/step-index.ts";
import type { TraceNode } from "../model/types.ts";
import { opName } from "./op-caption.ts";

/** "Forward 3 of 8" / "Backward 2 of 9" / "Start". */
export function stepCaption(index: StepIndex, position: number): string {
  const step = stepAt(index, position);
  if (!step) return "Start";
  const forwardCount = index.trace.forward.length;
  return step.kind === "forward"
    ? `Forward ${position} of ${forwardCount}`
    : `Backward ${position - forwardCount} of ${index.trace.backward.length}`;
}

/** The sentence announced when the stepper arrives at `position`. */
export function describeStep(
  index: StepIndex,
  position: number,
  lookup: (id: string) => TraceNode,
): string {
  const step = stepAt(index, position);
  const caption = stepCaption(index, position);
  if (!step) return "Start: inputs and parameters are set; nothing is computed yet.";
  const node = lookup(step.node);
  const root = lookup(index.trace.output);
  if (step.kind === "forward") {
    const inputs = step.inputs.map((id) => lookup(id).label).join(", ");
    return `${caption}: ${node.label} = ${opName(node)} of ${inputs}, value ${formatValues(step.value, 16)}.`;
  }
  if (step.terms.length === 0)
    return `${caption}: seed, the gradient of ${root.label} with respect to itself is 1.`;
  const from = step.terms.map((t) => lookup(t.child).label).join(" and ");
  const sum = step.terms.length > 1 ? `, the sum of ${step.terms.length} terms` : "";
  return `${caption}: gradient of ${root.label} with respect to ${node.label} from ${from}${sum}, value ${formatValues(step.grad, 16)}.`;
}
