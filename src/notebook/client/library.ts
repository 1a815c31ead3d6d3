// Every built-in a cell can name, each loaded on first use: the runtime computes a built-in
// only when a cell on the page refers to it, and each heavy one sits behind a dynamic import,
// so esbuild puts it in a chunk of its own that other pages never fetch.
import { Generators, width } from "./generators.ts";
import { Mutable } from "./mutable.ts";

/** Options for the built-ins of one page. */
export interface LibraryOptions {
  /** Names of the library's exports (src/index.ts, loaded from src/core.ts) the page's cells use. */
  library: readonly string[];
  /** Shared KaTeX macros, for `tex`. */
  macros?: Record<string, string>;
}

/** Definitions for `new Runtime(builtins)`: each is a function the runtime calls when needed. */
export function createBuiltins(options: LibraryOptions): Record<string, () => unknown> {
  const builtins: Record<string, () => unknown> = {
    Inputs: () => import("./inputs.ts").then((m) => m.default),
    html: () => import("htl").then((m) => m.html),
    svg: () => import("htl").then((m) => m.svg),
    tex: () => import("./tex.ts").then((m) => m.createTex({ macros: options.macros })),
    width: () => width(),
    now: () => Generators.now(),
    Generators: () => Generators,
    Mutable: () => Mutable,
    Sandbox: () => import("./sandbox.ts"),
    graph: () => import("../../graph/index.ts"),
    plots: () => import("../../plots/index.ts"),
    demo: () => import("../../demo/index.ts"),
    exercise: () => import("../exercise/index.ts").then((m) => m.exercise),
    predict: () => import("../exercise/index.ts").then((m) => m.predict),
    answerBox: () => import("../exercise/index.ts").then((m) => m.answerBox),
    checkGradient: () => import("../exercise/index.ts").then((m) => m.checkGradient),
  };
  for (const name of options.library) {
    builtins[name] = () =>
      import("../../core.ts").then((m) => (m as Record<string, unknown>)[name]);
  }
  return builtins;
}
