import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Plugin } from "esbuild";
import { PROJECT } from "./project.ts";

/**
 * One copy of htl: @observablehq/inputs pins its own older copy, which would ship a second
 * time next to the `html`/`svg` built-ins. Inputs only uses `html`, the same in both versions.
 */
export function singleHtl(): Plugin {
  return {
    name: "single-htl",
    setup(build) {
      build.onResolve({ filter: /^htl$/ }, () => ({
        path: join(PROJECT, "node_modules/htl/dist/index.js"),
      }));
    },
  };
}

/**
 * Vega without the transforms no plot here uses (geo, force, hierarchy, label, voronoi,
 * word cloud, crossfilter): `import "vega"` in the browser bundle resolves to
 * src/plots/vega-slim.js, 42 KB less gzipped JavaScript on every page with a plot. A spec that
 * asks for a missing transform fails in its own cell with Vega's "Unrecognized transform type".
 */
export function slimVega(): Plugin {
  return {
    name: "slim-vega",
    setup(build) {
      build.onResolve({ filter: /^vega$/ }, () => ({
        path: join(PROJECT, "src/plots/vega-slim.js"),
      }));
    },
  };
}

/** Library folders still being written resolve to an empty module instead of failing the build. */
export function optionalModules(): Plugin {
  const optional = ["src/index.ts", "src/graph/index.ts", "src/plots/index.ts"].map((p) =>
    join(PROJECT, p),
  );
  return {
    name: "optional-modules",
    setup(build) {
      build.onResolve({ filter: /index\.ts$/ }, (args) => {
        const path = resolve(args.resolveDir, args.path);
        if (optional.includes(path) && !existsSync(path)) return { path, namespace: "missing" };
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: "missing" }, () => ({
        contents: "export {};",
        loader: "js",
      }));
    },
  };
}
