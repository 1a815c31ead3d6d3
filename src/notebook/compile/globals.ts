// Names a cell may use without declaring them: the language's globals and the browser's, from
// the `globals` package (the lists ESLint uses), so a name that exists only in Node (`process`,
// `Buffer`) is caught at build time and every DOM class (`HTMLInputElement`, `Worker`) is known.
import globals from "globals";

/**
 * Window properties with names a cell would rather declare itself: a forgotten `const name = …`
 * would silently read `window.name`. Cells that mean the window's own write `window.name`.
 */
export const CONFUSING_GLOBALS: ReadonlySet<string> = new Set([
  "name",
  "length",
  "status",
  "event",
  "top",
  "parent",
  "origin",
  "external",
  "closed",
  "opener",
  "frames",
  "find",
  "stop",
  "close",
  "open",
  "print",
  "blur",
  "focus",
  "scroll",
]);

/** Every global name a cell may reference in the browser. */
export const JAVASCRIPT_GLOBALS: ReadonlySet<string> = new Set(
  [...Object.keys(globals.builtin), ...Object.keys(globals.browser)].filter(
    (name) => !CONFUSING_GLOBALS.has(name),
  ),
);

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
  "Sandbox",
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
export const MODULE_BUILTINS = [
  "graph",
  "plots",
  "demo",
  "exercise",
  "predict",
  "answerBox",
  "checkGradient",
] as const;

/** Every built-in the client defines itself; any other name a cell uses is a library export. */
export const CLIENT_BUILTINS: ReadonlySet<string> = new Set<string>([
  ...STANDARD_BUILTINS,
  ...MODULE_BUILTINS,
]);
