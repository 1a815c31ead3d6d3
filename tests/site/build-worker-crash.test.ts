// A build process whose own code breaks still says where: file:line:col, not "exit code 1".
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { after, describe, it } from "node:test";
import { describeBuildFailure, describeCrashOutput } from "../../src/site/build-failure.ts";
import { forkBuildWorker } from "../../src/site/dev-server.ts";
import { PROJECT } from "../../src/site/project.ts";

// Inside the project (its ignored build cache), as the compiler's own files are.
mkdirSync(join(PROJECT, ".build-cache"), { recursive: true });
const dir = mkdtempSync(join(PROJECT, ".build-cache/crash-"));
const at = (name: string): string => relative(PROJECT, join(dir, name));
after(() => rmSync(dir, { recursive: true, force: true }));

const SYNTAX_ERROR = "export const a = 1;\nexport const b = (a + ;\n";
const TYPE_ERROR =
  "const page = undefined as unknown as { title: string };\nexport const t = page.title;\n";

describe("describeBuildFailure(error) for the build's own code", () => {
  it("names the line a compiler file tsx cannot compile breaks on", async () => {
    writeFileSync(join(dir, "syntax.ts"), SYNTAX_ERROR);
    const error = await import(join(dir, "syntax.ts")).then(
      () => assert.fail("a syntax error loaded"),
      (e: unknown) => e,
    );
    assert.deepEqual(describeBuildFailure(error), [`${at("syntax.ts")}:2:23: Unexpected ";"`]);
  });

  it("names the line a TypeError in the compiler was thrown from", async () => {
    writeFileSync(join(dir, "type.ts"), TYPE_ERROR);
    const error = await import(join(dir, "type.ts")).then(
      () => assert.fail("no TypeError"),
      (e: unknown) => e,
    );
    const [problem] = describeBuildFailure(error);
    assert.match(
      problem,
      new RegExp(`^${at("type.ts").replace(/\./g, "\\.")}:2:\\d+: TypeError: Cannot read`),
    );
  });
});

describe("forkBuildWorker(outDir, workerFile) when the worker dies", () => {
  for (const [name, source, expected] of [
    ["dies-syntax.ts", SYNTAX_ERROR, /dies-syntax\.ts:2:23: Unexpected ";"$/],
    ["dies-type.ts", TYPE_ERROR, /dies-type\.ts:2:\d+: TypeError: Cannot read properties/],
  ] as const) {
    it(`reports ${name.slice(5, -3)} errors with file:line:col from what it printed`, async () => {
      writeFileSync(join(dir, name), source);
      const builder = forkBuildWorker(dir, join(dir, name));
      try {
        const report = await builder.build();
        assert.equal(report.ok, false);
        assert.match(report.problems[0], expected);
        assert.ok(report.problems[0].startsWith(".build-cache/"));
      } finally {
        builder.stop();
      }
    });
  }

  it("falls back on the exit code when nothing says where", () => {
    assert.equal(describeCrashOutput("Killed\n"), undefined);
  });
});
