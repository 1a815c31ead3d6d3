// graph/: trace a computation into plain data, lay it out, draw it, step through it.
// In notebook cells this module is the `graph` built-in: graph.view(loss), graph.trace(loss).

export { type LayoutOptions, layoutGraph } from "./layout/index.ts";
export {
  type ExpandOptions,
  expandNeurons,
  type FiniteDifferenceOptions,
  finiteDifferences,
  indexSteps,
  labelFromName,
  type NudgeResult,
  nudge,
  type StepIndex,
  type TracedComputation,
  type TraceOptions,
  trace,
  traceComputation,
} from "./model/index.ts";
export type * from "./model/types.ts";
export { equationHtml, type GradCheck, type RenderState, renderSvg } from "./render/index.ts";
export {
  initialStepper,
  type StepperAction,
  type StepperState,
  stepperReducer,
  type ViewOptions,
  view,
} from "./view/index.ts";
