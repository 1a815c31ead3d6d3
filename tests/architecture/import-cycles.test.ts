import assert from "node:assert/strict";
import { dirname, join, normalize } from "node:path";
import { describe, it } from "node:test";
import { importsOf, sourceFiles } from "./source-files.ts";

// Modules do not import each other in a circle: each folder of src/ stands above the folders it
// uses, so any one can be read, tested and changed knowing only what lies below it. A circle is
// broken by moving what both sides need into a lower module (notebook/work, notebook/handle,
// notebook/message), and between two files into a file of its own (compile/render-env.ts).
// As in the import rule, a sub-module using a file of its enclosing module (nn/functional →
// nn/pair.ts) is its context, not a loop.

/** Loops not broken yet, each as the sorted folders it runs through; the list only shrinks. */
const KNOWN: ReadonlySet<string> = new Set([
  // trace.ts writes each step's TeX (graph/tex), which reads the model's types; grad-check.ts
  // fills render's GradCheck type.
  "graph/layout graph/model graph/render graph/tex",
]);

/**
 * Files that import each other in a circle inside one module are allowed only here: in tensor/
 * a Tensor's methods call the ops and the ops make Tensors (by design, as torch's); graph/ is
 * the loop of KNOWN. A pair of files in a loop waits here for a lower file of what it shares.
 */
const FILE_LOOP_AREAS = ["tensor/", "graph/"];
const KNOWN_FILE_LOOPS: ReadonlySet<string> = new Set<string>([]);

/** File → the files it imports (relative imports, static or dynamic, types too). */
export function fileImports(): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const file of sourceFiles()) {
    const out = new Map<string, string>();
    for (const spec of importsOf(file)) {
      const target = normalize(join(dirname(file), spec))
        .split("\\")
        .join("/");
      out.set(target, `${file} -> ${target}`);
    }
    edges.set(file, out);
  }
  return edges;
}

/** A file loop not explained above. */
function unexplained(loop: readonly string[]): boolean {
  if (FILE_LOOP_AREAS.some((area) => loop.every((file) => file.startsWith(area)))) return false;
  return !KNOWN_FILE_LOOPS.has(loop.join(" "));
}

/** Folder → the folders its files import (relative imports, static or dynamic), with one example each. */
export function moduleImports(): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const file of sourceFiles()) {
    const from = dirname(file);
    for (const spec of importsOf(file)) {
      const target = normalize(join(dirname(file), spec))
        .split("\\")
        .join("/");
      const to = dirname(target);
      const enclosing = to === "." || from.startsWith(`${to}/`);
      if (to === from || enclosing) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      const out = edges.get(from) as Map<string, string>;
      if (!out.has(to)) out.set(to, `${file} -> ${target}`);
    }
  }
  return edges;
}

/** The loops of a graph: its strongly connected parts of more than one node (Tarjan). */
export function loopsOf(edges: ReadonlyMap<string, ReadonlyMap<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const part: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      part.push(w);
    } while (w !== v);
    if (part.length > 1) loops.push(part.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return loops;
}

/** A loop with the imports that close it, for the failure message. */
function describeLoop(loop: readonly string[], edges: Map<string, Map<string, string>>): string {
  const inside = new Set(loop);
  const lines = loop.flatMap((from) =>
    [...(edges.get(from) ?? [])].filter(([to]) => inside.has(to)).map(([, example]) => example),
  );
  return `${loop.join(" ")}\n  ${lines.join("\n  ")}`;
}

describe("imports between the modules of src/", () => {
  it("run in no circle", () => {
    const edges = moduleImports();
    const found = loopsOf(edges).filter((loop) => !KNOWN.has(loop.join(" ")));
    assert.deepEqual(
      found.map((loop) => describeLoop(loop, edges)),
      [],
      "modules importing each other in a circle: move what they share into a lower module",
    );
  });

  it("nor do the files inside a module (but where listed)", () => {
    const edges = fileImports();
    const found = loopsOf(edges).filter(unexplained);
    assert.deepEqual(
      found.map((loop) => describeLoop(loop, edges)),
      [],
      "files importing each other in a circle: move what they share into a file of its own",
    );
  });

  it("the known loops are still there (else remove them from KNOWN)", () => {
    const loops = new Set(loopsOf(moduleImports()).map((loop) => loop.join(" ")));
    assert.deepEqual(
      [...KNOWN].filter((loop) => !loops.has(loop)),
      [],
    );
    const fileLoops = new Set(loopsOf(fileImports()).map((loop) => loop.join(" ")));
    assert.deepEqual(
      [...KNOWN_FILE_LOOPS].filter((loop) => !fileLoops.has(loop)),
      [],
    );
  });

  it("loopsOf finds a circle of three and leaves a chain alone", () => {
    const graph = (pairs: [string, string][]) => {
      const g = new Map<string, Map<string, string>>();
      for (const [a, b] of pairs) g.set(a, (g.get(a) ?? new Map()).set(b, `${a}->${b}`));
      return g;
    };
    assert.deepEqual(
      loopsOf(
        graph([
          ["a", "b"],
          ["b", "c"],
          ["c", "a"],
          ["c", "d"],
        ]),
      ),
      [["a", "b", "c"]],
    );
    assert.deepEqual(
      loopsOf(
        graph([
          ["a", "b"],
          ["b", "c"],
        ]),
      ),
      [],
    );
  });
});
