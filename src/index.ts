// The library's public face: the tensor library (src/core.ts) and the graph view. Every named
// export here (plus plots) is a built-in in notebook cells; pages load `graph` on its own, only
// when a cell uses it.

export * from "./core.ts";
export * as graph from "./graph/index.ts";
