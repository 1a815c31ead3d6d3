import type { Metafile } from "esbuild";

// Which modules each lazily loaded built-in pulls in (matched against esbuild's entry paths).
// Plots need Vega and Vega-Lite right after the plots module itself, so they come along.
const BUILTIN_SOURCES: Record<string, RegExp[]> = {
  library: [/(^|\/)src\/(index|core)\.ts$/], // cells load the library from src/core.ts
  graph: [/src\/graph\/index\.ts$/],
  plots: [/src\/plots\/index\.ts$/, /node_modules\/vega\//, /node_modules\/vega-lite\//],
  tex: [/src\/notebook\/client\/tex\.ts$/],
  exercise: [/src\/notebook\/exercise\/index\.ts$/],
  predict: [/src\/notebook\/exercise\/index\.ts$/],
  checkGradient: [/src\/notebook\/exercise\/index\.ts$/],
  Inputs: [/src\/notebook\/client\/inputs\.ts$/, /node_modules\/@observablehq\/inputs\//],
  html: [/node_modules\/htl\//],
  svg: [/node_modules\/htl\//],
};

/**
 * The output files a page will import once its cells run, given the built-ins they use
 * (`library` standing for any export of src/index.ts), with every chunk those import
 * statically. Listing them as modulepreload links fetches them in parallel at first paint
 * instead of one after another as each import is discovered.
 */
export function preloadChunks(metafile: Metafile, builtins: readonly string[]): string[] {
  const patterns = builtins.flatMap((name) => BUILTIN_SOURCES[name] ?? []);
  const roots = Object.entries(metafile.outputs)
    .filter(
      ([path, output]) =>
        path.endsWith(".js") &&
        output.entryPoint &&
        patterns.some((p) => p.test(output.entryPoint ?? "")),
    )
    .map(([path]) => path);
  return staticClosure(metafile, roots);
}

/** `roots` and every output they import statically, each once, roots first. */
export function staticClosure(metafile: Metafile, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const i of metafile.outputs[path]?.imports ?? [])
      if (i.kind === "import-statement" && !i.external) visit(i.path);
  };
  roots.forEach(visit);
  return [...seen];
}
