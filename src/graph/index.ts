// graph/: trace a computation into plain data, lay it out, draw it, step through it.
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
