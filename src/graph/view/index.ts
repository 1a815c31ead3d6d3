// graph/view: everything that touches the DOM — the view a cell shows, its painter and
// skeleton, the stepper and its keys, the panels, focus and scrolling — and the model it keeps
// per granularity.
export * from "./controls.ts";
export * from "./equation-cache.ts";
export * from "./fit-panel.ts";
export * from "./graph-model.ts";
export * from "./idle.ts";
export * from "./node-focus.ts";
export * from "./nudge-panel.ts";
export * from "./panel-window.ts";
export * from "./scroll-follow.ts";
export * from "./stepper.ts";
export * from "./stepper-keys.ts";
export * from "./unique-id.ts";
export * from "./view.ts";
export * from "./view-checks.ts";
export * from "./view-memory.ts";
export * from "./view-options.ts";
export * from "./view-painter.ts";
export * from "./view-skeleton.ts";
export * from "./warm-typesetter.ts";
export * from "./wide-figure.ts";
