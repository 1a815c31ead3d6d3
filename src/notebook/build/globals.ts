// Names a cell may use without declaring them: the language's globals and the browser's.
// Node's own global object gives the language part; the browser part is listed by hand.

const BROWSER = [
  "window",
  "document",
  "navigator",
  "location",
  "history",
  "localStorage",
  "sessionStorage",
  "requestAnimationFrame",
  "cancelAnimationFrame",
  "getComputedStyle",
  "matchMedia",
  "alert",
  "HTMLElement",
  "Element",
  "Node",
  "Text",
  "SVGElement",
  "DocumentFragment",
  "Event",
  "CustomEvent",
  "KeyboardEvent",
  "MouseEvent",
  "PointerEvent",
  "ResizeObserver",
  "IntersectionObserver",
  "MutationObserver",
  "Image",
  "ImageData",
  "OffscreenCanvas",
  "HTMLCanvasElement",
  "CanvasRenderingContext2D",
  "Path2D",
  "DOMParser",
  "XMLSerializer",
  "innerWidth",
  "innerHeight",
  "devicePixelRatio",
  "self",
  "screen",
];

/** Every global name a cell may reference. */
export const JAVASCRIPT_GLOBALS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(globalThis).filter((name) => !name.startsWith("_")),
  "undefined",
  "NaN",
  "Infinity",
  "globalThis",
  "arguments",
  ...BROWSER,
]);

/** Built-ins every cell gets besides the library (see the client's library module). */
export const STANDARD_BUILTINS = [
  "Inputs",
  "html",
  "svg",
  "tex",
  "width",
  "now",
  "invalidation",
  "visibility",
  "Generators",
  "Mutable",
  "display",
  "view",
] as const;

/** The library's named exports promised by the shared contract (more are read from src/index.ts). */
export const LIBRARY_BUILTINS = [
  "tensor",
  "Tensor",
  "noGrad",
  "zeros",
  "ones",
  "full",
  "linspace",
  "arange",
  "randn",
  "rand",
  "rng",
  "gradcheck",
  "jvp",
  "nn",
  "F",
  "optim",
  "data",
] as const;

/** Built-ins with a module of their own, loaded only on pages whose cells use them. */
export const MODULE_BUILTINS = ["graph", "plots"] as const;
