// Sandbox.compile guards a lab's code box like an edited cell: a loop that never ends is
// stopped with the guard's message at the loop's line, and errors keep their columns in what
// the reader typed although the guard's calls were put onto those lines.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compile } from "../../../src/notebook/client/sandbox.ts";

describe("Sandbox.compile(code, options)", () => {
  it("stops a loop that never ends, at the loop's line", () => {
    const compiled = compile("let n = 0;\nwhile (true) { n++; }\nreturn n;");
    assert.equal(compiled.error, null);
    if (compiled.error) return;
    const started = performance.now();
    let thrown: unknown;
    try {
      compiled.fn();
    } catch (error) {
      thrown = error;
    }
    const took = performance.now() - started;
    assert.ok(thrown instanceof Error, "the loop was not stopped");
    assert.ok(took < 4000, `stopped after ${Math.round(took)} ms`);
    const where = compiled.locate(thrown);
    assert.match(where.message, /stopped after 2 s: is there a loop that never ends\?/);
    assert.equal(where.line, 2);
  });

  it("places a thrown error at its column in the typed code, past a guarded loop", () => {
    const code = "for (let i = 0; i < 2; i++) { } const t = null; return t.shape;";
    const compiled = compile(code);
    if (compiled.error) assert.fail(compiled.error.message);
    let where = { message: "", line: 0, column: 0 } as ReturnType<typeof compiled.locate>;
    try {
      compiled.fn();
    } catch (error) {
      where = compiled.locate(error);
    }
    assert.equal(where.line, 1);
    assert.equal(where.column, code.indexOf("t.shape") + 3);
  });

  it("runs an expression with a loop inside a function, and guards that loop too", () => {
    const compiled = compile(
      "[1, 2, 3].map((v) => { let s = 0; for (const k of [v, v]) s += k; return s; })",
      {
        mode: "expression",
      },
    );
    if (compiled.error) assert.fail(compiled.error.message);
    assert.deepEqual(compiled.fn(), [2, 4, 6]);
  });

  it("still reports a syntax error at its place", () => {
    const compiled = compile("return x.mul(;");
    assert.ok(compiled.error);
    assert.equal(compiled.error?.line, 1);
  });
});
