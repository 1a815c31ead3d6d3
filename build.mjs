// The build: Markdown in content/ and notebooks/ → static site in dist/.
//   node --import tsx build.mjs                    build once; compile errors fail with file:line:col
//   node --import tsx build.mjs --serve --watch    dev: serve on 127.0.0.1:8080 (PORT), rebuild and
//                                                  reload on changes, errors shown on the page
//   DIST=/tmp/site node --import tsx build.mjs     build into another folder (tests read DIST too)
import { describeBuildFailure } from "./src/site/build-failure.ts";
import { buildSite } from "./src/site/build-site.ts";
import { startDevServer } from "./src/site/dev-server.ts";
import { describeListenError, parsePort } from "./src/site/parse-port.ts";
import { forkTypeCheck } from "./src/site/type-check.ts";

const dev = process.argv.includes("--serve") || process.argv.includes("--watch");

if (!dev) {
  try {
    const result = await buildSite({ outDir: process.env.DIST });
    console.log(`built ${result.pages.length} pages in ${Math.round(result.milliseconds)} ms`);
  } catch (error) {
    for (const problem of describeBuildFailure(error)) console.error(problem);
    process.exit(1);
  }
} else {
  // Builds run in a worker process, restarted when the compiler changes (src/site/dev-server.ts).
  let port;
  try {
    port = parsePort(process.env.PORT);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  await startDevServer({
    port,
    outDir: process.env.DIST,
    watch: process.argv.includes("--watch") ? ["content", "notebooks", "src", "styles"] : undefined,
    // The build strips types unchecked: while watching, TypeScript checks them alongside.
    startTypeCheck: process.argv.includes("--watch") ? forkTypeCheck : undefined,
  }).catch((error) => {
    const message = describeListenError(error, port);
    if (message === undefined) throw error;
    console.error(message);
    process.exit(1);
  });
}
