import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { watchTypes } from "../../src/site/watch-types.ts";

/** A project of one file, checked strictly. */
function project(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), "watch-types-"));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, types: [] },
      include: ["*.ts"],
    }),
  );
  writeFileSync(join(dir, "a.ts"), source);
  return dir;
}

describe("watchTypes(root, report)", () => {
  it("reports a type error at file:line:col, then an empty list once it is fixed", async () => {
    const dir = project('export const x: number = 1;\nexport const y: number = "a";\n');
    const reports: string[][] = [];
    let next: () => void = () => undefined;
    const stop = watchTypes(dir, (problems) => {
      reports.push(problems);
      next();
    });
    try {
      // The first check runs while the watch starts.
      assert.deepEqual(reports, [
        ["a.ts:2:14: Type 'string' is not assignable to type 'number'. (TS2322)"],
      ]);
      const fixed = new Promise<void>((resolve) => {
        next = resolve;
      });
      writeFileSync(
        join(dir, "a.ts"),
        "export const x: number = 1;\nexport const y: number = 2;\n",
      );
      await fixed;
      assert.deepEqual(reports.at(-1), []);
    } finally {
      stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says so when there is no tsconfig.json to check with", () => {
    const dir = mkdtempSync(join(tmpdir(), "watch-types-none-"));
    const reports: string[][] = [];
    watchTypes(dir, (problems) => reports.push(problems));
    assert.equal(reports.length, 1);
    assert.match(reports[0]?.[0] ?? "", /no tsconfig\.json/);
    rmSync(dir, { recursive: true, force: true });
  });
});
