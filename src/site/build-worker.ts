// Runs the dev server's builds in a process of its own (started by dev-server.ts with `fork`),
// so a change to the compiler or the site build takes effect: the dev server starts a new
// worker when build-side code changes, and keeps this one warm for content edits.

import { describeBuildFailure } from "./build-failure.ts";
import type { BuildReport } from "./dev-server.ts";

process.on("message", async (message: { outDir?: string }) => {
  let report: BuildReport;
  try {
    // Loaded here, not imported above: a compiler that does not load (a syntax error, a throw
    // at its top level) is then a failed build with file:line:col, not a dead worker.
    const { buildSite } = await import("./build-site.ts");
    const result = await buildSite({ dev: true, outDir: message.outDir });
    report = {
      ok: true,
      pages: result.pages.length,
      milliseconds: result.milliseconds,
      problems: result.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`),
    };
  } catch (error) {
    report = { ok: false, problems: describeBuildFailure(error) };
  }
  process.send?.(report);
});

// Anything thrown outside the build's promise chain still ends as a report, then the worker
// leaves (the dev server starts a fresh one for the next build).
const crash = (error: unknown): void => {
  const report: BuildReport = { ok: false, problems: describeBuildFailure(error) };
  process.send?.(report, () => process.exit(1));
};
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);

// The dev server went away (Ctrl-C, a crash): so does its worker, even mid-build.
process.on("disconnect", () => process.exit(0));
