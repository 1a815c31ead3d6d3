// KaTeX for the equation panel, loaded on first need. It is the largest script a graph page
// would otherwise fetch (about 77 KB gzipped), and a reader who never steps never needs it:
// the view asks for it as soon as a pointer or the focus comes near, so by the first key press
// it is usually there. A page whose cells use `tex` has it already, and then it costs nothing.
import type KatexModule from "katex";

/** The KaTeX API the panel uses. */
export type Katex = typeof KatexModule;

let ready: Katex | null = null;
let loading: Promise<Katex> | null = null;
let failure: Error | null = null;

/** KaTeX if it has loaded, else null. */
export function katexNow(): Katex | null {
  return ready;
}

/** Why KaTeX could not be loaded, or null (not tried, loading, or loaded). */
export function katexFailure(): Error | null {
  return failure;
}

/** Loads KaTeX once; every later call gets the same promise. */
export function loadKatex(): Promise<Katex> {
  loading ??= import("katex").then(
    (module) => {
      ready = module.default;
      return ready;
    },
    (error: unknown) => {
      failure = error instanceof Error ? error : new Error(String(error));
      throw failure;
    },
  );
  return loading;
}
