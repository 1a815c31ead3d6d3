import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, it } from "node:test";
import { importsOf, SRC, sourceFiles } from "./source-files.ts";

// Modules meet through their index.ts: an import that enters a folder from outside it names
// that folder's index.ts (a folder without one, like notebook/, is entered through the
// sub-folder's). Inside a module, sub-modules are entered the same way (graph/render reads
// graph/model through model/index.ts). Leaving a folder for a file of an enclosing one is free.

/** The index.ts an import from `file` to `target` (both relative to src/) must name, or null. */
export function requiredEntry(file: string, target: string): string | null {
  const from = file.split("/");
  const to = target.split("/");
  let common = 0;
  while (common < from.length - 1 && common < to.length - 1 && from[common] === to[common]) {
    common++;
  }
  // Enter folders one by one from the common one; the first with an index.ts is the door.
  for (let depth = common + 1; depth < to.length; depth++) {
    const folder = to.slice(0, depth).join("/");
    if (existsSync(join(SRC, folder, "index.ts"))) return `${folder}/index.ts`;
  }
  return null;
}

function violations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles()) {
    for (const spec of importsOf(file)) {
      const target = normalize(join(dirname(file), spec))
        .split("\\")
        .join("/");
      const entry = requiredEntry(file, target);
      if (entry !== null && entry !== target) found.push(`${file} -> ${target}`);
    }
  }
  return found;
}

describe("imports in src/", () => {
  it("enter a module or sub-module only through its index.ts", () => {
    const found = violations();
    assert.deepEqual(found, [], `imports past an index.ts:\n${found.join("\n")}`);
  });

  it("requiredEntry names the index.ts of the first folder entered that has one", () => {
    assert.equal(requiredEntry("nn/linear.ts", "tensor/op.ts"), "tensor/index.ts");
    assert.equal(requiredEntry("nn/linear.ts", "tensor/index.ts"), "tensor/index.ts");
    assert.equal(
      requiredEntry("graph/render/ledger.ts", "graph/model/format.ts"),
      "graph/model/index.ts",
    );
    assert.equal(requiredEntry("tensor/ops/binary.ts", "tensor/tensor.ts"), null);
    assert.equal(
      requiredEntry("site/build-site.ts", "notebook/compile/index.ts"),
      "notebook/compile/index.ts",
    );
  });
});
