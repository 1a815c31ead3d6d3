// The build: Markdown in content/ and notebooks/ → static site in dist/.
//   node --import tsx build.mjs                    build once; compile errors fail with file:line:col
//   node --import tsx build.mjs --serve --watch    dev: serve on 127.0.0.1:8080 (PORT), rebuild and
//                                                  reload on changes, errors shown on the page
//   DIST=/tmp/site node --import tsx build.mjs     build into another folder (tests read DIST too)
import { buildSite } from "./src/site/buildSite.ts";
import { serveSite, watchFolders } from "./src/site/serveSite.ts";

const serve = process.argv.includes("--serve");
const watching = process.argv.includes("--watch");
const dev = serve || watching;

async function buildOnce() {
  try {
    const result = await buildSite({ dev, outDir: process.env.DIST });
    const problems = result.errors.length
      ? `, ${result.errors.length} error(s) shown on the pages`
      : "";
    console.log(
      `built ${result.pages.length} pages in ${Math.round(result.milliseconds)} ms${problems}`,
    );
    for (const e of result.errors) console.error(`${e.file}:${e.line}:${e.column}: ${e.message}`);
    return true;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return false;
  }
}

const ok = await buildOnce();
if (!dev) process.exit(ok ? 0 : 1);

if (serve) {
  const port = Number(process.env.PORT ?? 8080);
  const server = await serveSite(process.env.DIST ?? "dist", port).catch((error) => {
    if (error.code !== "EADDRINUSE") throw error;
    console.error(
      `port ${port} is already in use; start with another one, e.g. PORT=${port + 1} npm start`,
    );
    process.exit(1);
  });
  console.log(`serving ${server.url}`);
  if (watching) {
    let building = Promise.resolve();
    watchFolders(["content", "notebooks", "src", "styles"], (file) => {
      building = building.then(async () => {
        console.log(`changed: ${file}`);
        if (await buildOnce()) server.reload();
      });
    });
  }
}
