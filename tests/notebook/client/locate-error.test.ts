import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  codeExcerpt,
  locateRuntimeError,
  locateSyntaxError,
} from "../../../src/notebook/client/locate-error.ts";
import { compile, describeError } from "../../../src/notebook/client/sandbox.ts";

describe("locateSyntaxError(code, mode)", () => {
  it("names an unfinished call and places it at its (", () => {
    const e = locateSyntaxError("x.mul(", "expression");
    assert.equal(e.line, 1);
    assert.equal(e.column, 6);
    assert.match(e.message, /the call `x\.mul\(` is unfinished/);
    assert.doesNotMatch(e.message, /;/);
  });

  it("gives the whole chain of an unfinished call on a later line", () => {
    const e = locateSyntaxError("const a = 1;\nreturn W2.matmul(a1).add(b2;", "body");
    assert.deepEqual([e.line, e.column], [2, 25]);
    assert.match(e.message, /`W2\.matmul\(a1\)\.add\(`/);
  });

  it("says which bracket a wrong closer fails to match", () => {
    const e = locateSyntaxError("const a = [1, 2);", "body");
    assert.deepEqual([e.line, e.column], [1, 16]);
    assert.match(e.message, /this \) does not match the \[ on line 1, column 11/);
  });

  it("points at a closer with nothing to close", () => {
    const e = locateSyntaxError("return x);", "body");
    assert.deepEqual([e.line, e.column], [1, 9]);
    assert.match(e.message, /nothing to close/);
  });

  it("places other syntax errors at the text the reader typed", () => {
    const e = locateSyntaxError("const a = 1;\nconst b = a +* 2;", "body");
    assert.deepEqual([e.line, e.column], [2, 14]);
    assert.equal(e.message, "`*` is not expected here");
  });

  it("finds an unclosed string", () => {
    const e = locateSyntaxError('const s = "abc;\nreturn s;', "body");
    assert.deepEqual([e.line, e.column], [1, 11]);
    assert.match(e.message, /string that is never closed/);
  });

  it("finds text after a finished expression", () => {
    const e = locateSyntaxError("x.mul(x) x", "expression");
    assert.deepEqual([e.line, e.column], [1, 10]);
    assert.match(e.message, /`x` is not expected here: the expression ends before it/);
  });

  it("strict mode applies, as when the code runs", () => {
    const e = locateSyntaxError("with (Math) { return 1; }", "body");
    assert.equal(e.line, 1);
  });
});

describe("codeExcerpt(code, error)", () => {
  it("shows the line with a caret under the column", () => {
    const code = "const w = tensor(1);\nreturn w.foo();";
    assert.equal(
      codeExcerpt(code, { message: "m", line: 2, column: 10 }),
      "2 | return w.foo();\n  |          ^",
    );
    assert.equal(codeExcerpt(code, { message: "m" }), "");
  });
});

describe("compile(code, options)", () => {
  it("places a runtime error at the reader's line and column", () => {
    const c = compile("const w = { };\n\n  return w.foo();", { params: ["t"] });
    assert.equal(c.error, null);
    if (c.error) return;
    assert.throws(
      () => c.fn(1),
      (error: unknown) => {
        const e = c.locate(error);
        assert.deepEqual([e.line, e.column, e.message], [3, 12, "w.foo is not a function"]);
        return true;
      },
    );
  });

  it("places an error thrown inside a called function at the reader's call", () => {
    const boom = (): never => {
      throw new Error("matmul: [3,2] @ [3,1] — inner sizes 2 and 3 differ");
    };
    const c = compile("const a = 1;\nreturn boom(a);", { params: ["boom"] });
    if (c.error) assert.fail(c.error.message);
    try {
      c.fn(boom);
      assert.fail("no error");
    } catch (error) {
      const e = c.locate(error);
      assert.deepEqual([e.line, e.column], [2, 8]);
      assert.match(
        describeError(e, "Your code stopped"),
        /^Your code stopped on line 2, column 8: matmul/,
      );
    }
  });

  it("maps expression-mode errors too", () => {
    const c = compile("x.foo()", { params: ["x"], mode: "expression" });
    if (c.error) assert.fail(c.error.message);
    try {
      c.fn({});
      assert.fail("no error");
    } catch (error) {
      assert.deepEqual([c.locate(error).line, c.locate(error).column], [1, 3]);
    }
  });

  it("reports a syntax error in the reader's coordinates, not the wrapper's", () => {
    const c = compile("x.mul(", { params: ["x"], mode: "expression" });
    assert.ok(c.error);
    assert.equal(
      describeError(c.error),
      "Line 1, column 6: the call `x.mul(` is unfinished: its ( is never closed (add the arguments and a ))",
    );
  });

  it("leaves an error from outside the reader's code without a place", () => {
    assert.deepEqual(locateRuntimeError(new Error("x"), "your-code-999.js", 3), { message: "x" });
  });
});
