// Browser tests drive Debian's Chromium (Playwright's own browser download cannot work offline).
// If it is missing, install it with apt-get when we are root; otherwise say exactly what to run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    console.log(`Chromium is missing at ${CHROMIUM}; installing Debian's chromium package…`);
    for (const args of [
      ["update", "-qq"],
      ["install", "-y", "-qq", "chromium"],
    ]) {
      const result = spawnSync("apt-get", args, { stdio: "inherit" });
      if (result.status !== 0) {
        console.error(`apt-get ${args.join(" ")} failed (exit ${result.status}).`);
        process.exit(1);
      }
    }
  } else {
    console.error(
      `The browser tests need Chromium at ${CHROMIUM}.\n` +
        "Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\n" +
        "or point CHROMIUM_PATH at another Chromium binary.",
    );
    process.exit(1);
  }
}
