import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { watchFolders } from "../../src/site/watch-folders.ts";

/** A watch on a fresh folder, with a way to wait for the next burst naming a file. */
async function watched(delay = 60) {
  const dir = mkdtempSync(join(tmpdir(), "watch-"));
  mkdirSync(join(dir, "content/part"), { recursive: true });
  writeFileSync(join(dir, "content/01-a.md"), "# a\n");
  writeFileSync(join(dir, "content/part/02-b.md"), "# b\n");
  const bursts: string[][] = [];
  let waiting: { match: RegExp; done: () => void } | undefined;
  const watch = watchFolders(
    [join(dir, "content"), join(dir, "later")],
    (_file, files) => {
      bursts.push(files);
      if (waiting && files.some((f) => waiting?.match.test(f))) waiting.done();
    },
    delay,
  );
  await watch.ready;
  /** Runs `change`, then waits (up to 5 s) for a burst naming a file that matches `match`. */
  const sees = async (match: RegExp, change: () => void): Promise<boolean> => {
    const seen = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 5000);
      waiting = {
        match,
        done: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
    });
    change();
    const result = await seen;
    waiting = undefined;
    return result;
  };
  /** Waits until no burst has come for `quiet` ms (the tail of a big change has arrived). */
  const settle = async (quiet = 300): Promise<void> => {
    for (let count = -1; count !== bursts.length; ) {
      count = bursts.length;
      await new Promise((r) => setTimeout(r, quiet));
    }
  };
  return { dir, bursts, sees, settle, close: () => watch.close() };
}

describe("watchFolders(dirs, onChange, delay)", () => {
  it("reports a burst of changes once, after it settles, naming every file", async () => {
    const w = await watched(100);
    try {
      const seen = await w.sees(/f4\.md$/, () => {
        for (let i = 0; i < 5; i++) writeFileSync(join(w.dir, `content/f${i}.md`), String(i));
      });
      assert.ok(seen);
      assert.equal(w.bursts.length, 1);
      assert.deepEqual(w.bursts[0].map((f) => f.slice(-5)).sort(), [
        "f0.md",
        "f1.md",
        "f2.md",
        "f3.md",
        "f4.md",
      ]);
    } finally {
      await w.close();
    }
  });

  it("keeps seeing a file an editor saves by renaming a temp file over it", async () => {
    const w = await watched();
    const file = join(w.dir, "content/01-a.md");
    try {
      for (let save = 0; save < 3; save++) {
        // vim / JetBrains: write beside it, rename over it.
        assert.ok(
          await w.sees(/01-a\.md$/, () => {
            writeFileSync(`${file}.tmp${save}`, `# a ${save}\n`);
            renameSync(`${file}.tmp${save}`, file);
          }),
          `rename-save ${save}`,
        );
      }
      // sed -i does the same; and a plain write after all that is still seen.
      assert.ok(await w.sees(/01-a\.md$/, () => execFileSync("sed", ["-i", "s/a/z/", file])));
      assert.ok(await w.sees(/01-a\.md$/, () => writeFileSync(file, "# plain\n")));
    } finally {
      await w.close();
    }
  });

  it("watches a folder again after it is moved away and back, or replaced", async () => {
    const w = await watched();
    const part = join(w.dir, "content/part");
    try {
      assert.ok(await w.sees(/part$/, () => renameSync(part, join(w.dir, "away"))));
      await w.settle();
      assert.ok(await w.sees(/02-b\.md$/, () => renameSync(join(w.dir, "away"), part)));
      await w.settle();
      assert.ok(await w.sees(/02-b\.md$/, () => writeFileSync(join(part, "02-b.md"), "# b2\n")));
      // Replaced by a new folder of the same name.
      assert.ok(
        await w.sees(/part/, () => {
          rmSync(part, { recursive: true });
          mkdirSync(part);
          writeFileSync(join(part, "03-c.md"), "# c\n");
        }),
      );
      await w.settle();
      assert.ok(await w.sees(/03-c\.md$/, () => writeFileSync(join(part, "03-c.md"), "# c2\n")));
    } finally {
      await w.close();
    }
  });

  it("sees a watched root folder moved away and back", async () => {
    const w = await watched();
    const content = join(w.dir, "content");
    try {
      assert.ok(await w.sees(/content$/, () => renameSync(content, join(w.dir, "content-away"))));
      await w.settle();
      assert.ok(await w.sees(/01-a\.md$/, () => renameSync(join(w.dir, "content-away"), content)));
      await w.settle();
      assert.ok(
        await w.sees(/01-a\.md$/, () => writeFileSync(join(content, "01-a.md"), "# back\n")),
      );
    } finally {
      await w.close();
    }
  });

  it("sees a file deleted, restored, then edited; and a folder that did not exist at first", async () => {
    const w = await watched();
    const file = join(w.dir, "content/01-a.md");
    try {
      assert.ok(await w.sees(/01-a\.md$/, () => unlinkSync(file)));
      await w.settle();
      assert.ok(await w.sees(/01-a\.md$/, () => writeFileSync(file, "# again\n")));
      assert.ok(await w.sees(/01-a\.md$/, () => writeFileSync(file, "# edited\n")));
      assert.ok(
        await w.sees(/later/, () => {
          mkdirSync(join(w.dir, "later"));
          writeFileSync(join(w.dir, "later/x.md"), "x");
        }),
      );
    } finally {
      await w.close();
    }
  });

  it("ignores editors' scratch files", async () => {
    const w = await watched();
    try {
      const seenScratch = await w.sees(/\.swp$|~$|4913$/, () => {
        writeFileSync(join(w.dir, "content/.01-a.md.swp"), "x");
        writeFileSync(join(w.dir, "content/01-a.md~"), "x");
        writeFileSync(join(w.dir, "content/4913"), "x");
        writeFileSync(join(w.dir, "content/01-a.md"), "# real\n");
      });
      assert.equal(seenScratch, false);
      assert.ok(w.bursts.at(-1)?.some((f) => f.endsWith("01-a.md")));
    } finally {
      await w.close();
    }
  });
});
