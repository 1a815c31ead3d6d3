// graph/: trace a computation into plain data, lay it out, draw it, step through it.
// In notebook cells this module is the `graph` built-in: graph.view(loss), graph.trace(loss).
export { equationHtml } from "./equation-panel.ts";
export { type ExpandOptions, expandNeurons } from "./expand-neurons.ts";
export {
  type FiniteDifferenceOptions,
  finiteDifferences,
  type NudgeResult,
  nudge,
} from "./grad-check.ts";
export { labelFromName } from "./labels.ts";
export { type LayoutOptions, layoutGraph } from "./layout-graph.ts";
export { type GradCheck, type RenderState, renderSvg } from "./render-svg.ts";
export { indexSteps, type StepIndex } from "./step-index.ts";
export {
  initialStepper,
  type StepperAction,
  type StepperState,
  stepperReducer,
} from "./stepper.ts";
export { type TracedComputation, type TraceOptions, trace, traceComputation } from "./trace.ts";
export type * from "./types.ts";
export { type ViewOptions, view } from "./view.ts";
