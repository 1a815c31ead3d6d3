// graph/: trace a computation into plain data, lay it out, draw it, step through it.
export { finiteDifferences, type FiniteDifferenceOptions, nudge, type NudgeResult } from "./grad-check.ts";
export { labelFromName } from "./labels.ts";
export { layoutGraph, type LayoutOptions } from "./layout-graph.ts";
export { type GradCheck, type RenderState, renderSvg } from "./render-svg.ts";
export { indexSteps, type StepIndex } from "./step-index.ts";
export { initialStepper, type StepperAction, type StepperState, stepperReducer } from "./stepper.ts";
export { trace, traceComputation, type TracedComputation, type TraceOptions } from "./trace.ts";
export type * from "./types.ts";
