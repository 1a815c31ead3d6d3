// graph/layout: where each node and edge goes — node sizes from their text, the layered layout,
// edge routes ending on the node's outline, the places of the finite-difference labels. Pure
// arithmetic on the trace.
export * from "./check-labels.ts";
export * from "./edge-routes.ts";
export * from "./layered-layout.ts";
export * from "./layout-graph.ts";
export * from "./node-shapes.ts";
export * from "./node-text.ts";
