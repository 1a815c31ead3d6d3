// Runs one group of tests with node's own test runner (TypeScript through tsx).
//   node tests/run.mjs unit      every tests/**/*.test.ts outside tests/browser and tests/bench
//   node tests/run.mjs browser   builds the site, makes sure Chromium is there, runs tests/browser
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const group = process.argv[2];
if (group !== "unit" && group !== "browser") {
  console.error("usage: node tests/run.mjs unit|browser");
  process.exit(2);
}

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (group === "unit" && (name === "browser" || name === "bench" || name === "fixtures"))
        continue;
      found.push(...findTests(path));
    } else if (name.endsWith(".test.ts")) {
      found.push(path);
    }
  }
  return found;
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (group === "browser") {
  run(process.execPath, ["tests/browser/ensure-chromium.mjs"]);
  run(process.execPath, ["--import", "tsx", "build.mjs"]);
}
const files = findTests(group === "unit" ? "tests" : "tests/browser");
if (files.length === 0) {
  console.error(`no ${group} tests found`);
  process.exit(1);
}
run(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files]);
