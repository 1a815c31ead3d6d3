import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { instrumentLoops } from "../../../src/notebook/cell/index.ts";
import { mapColumn, removeInsertions, stopMessage } from "../../../src/notebook/guard/index.ts";
import { createLoopGuard, LoopStopped } from "../../../src/notebook/loop-guard/index.ts";

describe("instrumentLoops(code, expression, id)", () => {
  it("puts a guard call at the top of every kind of loop body, on the same lines", () => {
    const code =
      "let n = 0;\nwhile (n < 3) { n++; }\nfor (const x of [1]) n += x;\ndo n--; while (n > 0);\nfor (;;) { break; }";
    const { code: out, insertions } = instrumentLoops(code, false, "c1");
    assert.equal(out.split("\n").length, code.split("\n").length);
    assert.equal(out.match(/__cellGuard\("c1"\);/g)?.length, 4);
    assert.match(out, /while \(n < 3\) \{__cellGuard\("c1"\); n\+\+; \}/);
    assert.match(out, /for \(const x of \[1\]\) \{__cellGuard\("c1"\);n \+= x;\}/);
    assert.equal(insertions.length, 6);
  });

  it("guards loops inside functions of an expression cell", () => {
    const { code } = instrumentLoops(
      "(() => { let s = 0; for (let i = 0; i < 3; i++) s += i; return s; })()",
      true,
    );
    // biome-ignore lint/security/noGlobalEval: running the instrumented code is the test
    const evaluate: (source: string) => unknown = eval;
    const value = evaluate(
      `(() => { let calls = 0; const __cellGuard = () => calls++; return [${code}, calls]; })()`,
    );
    assert.deepEqual(value, [3, 3]);
  });

  it("leaves code without loops, and code that does not parse, as it is", () => {
    assert.deepEqual(instrumentLoops("const a = 1;", false), {
      code: "const a = 1;",
      insertions: [],
    });
    assert.deepEqual(instrumentLoops("while (", false), { code: "while (", insertions: [] });
  });
});

describe("mapColumn(line, column, insertions)", () => {
  it("maps a column after inserted text back to the column written", () => {
    const code = "while (a) { f(); } g();";
    const { code: out, insertions } = instrumentLoops(code, false, "c1");
    const at = out.indexOf("g()");
    assert.equal(mapColumn(1, at, insertions), code.indexOf("g("));
    assert.equal(mapColumn(1, 3, insertions), 3);
    assert.equal(mapColumn(2, at, insertions), at); // other lines are untouched
  });
});

describe("createLoopGuard(options)", () => {
  it("lets a cell's loops run for the budget within one task, then stops every one of them", () => {
    let t = 0;
    let restart: (() => void) | undefined;
    const guard = createLoopGuard({ budget: 2000, now: () => t, afterTask: (r) => (restart = r) });
    guard("c1");
    t = 1999;
    guard("c1");
    guard("c2"); // another cell has a clock of its own
    t = 2001;
    assert.throws(() => guard("c1"), LoopStopped);
    assert.throws(() => guard("c1"), /stopped after 2 s: is there a loop that never ends\?/);
    t = 4000;
    assert.throws(() => guard("c2"), LoopStopped);
    restart?.(); // the next task: clocks start again
    guard("c1");
    t = 5000;
    guard("c1");
  });
});

describe("stopMessage(error)", () => {
  it("words the engine's errors for runaway recursion and allocation", () => {
    assert.match(
      stopMessage(new RangeError("Maximum call stack size exceeded")) ?? "",
      /calls went too deep/,
    );
    assert.match(
      stopMessage(new RangeError("Invalid array length")) ?? "",
      /more memory than the page can have/,
    );
    assert.equal(stopMessage(new Error("Maximum call stack size exceeded")), null);
    assert.equal(
      stopMessage(new RangeError("toFixed() digits argument must be between 0 and 100")),
      null,
    );
  });
});

describe("removeInsertions(code, insertions)", () => {
  it("gives back the code as written from guarded code", () => {
    const code =
      "let n = 0;\nwhile (n < 3) { n++; }\nfor (const x of [1]) for (const y of [2]) n += x * y;\ndo n--; while (n > 0);";
    const guarded = instrumentLoops(code, false, "c1", 5000);
    assert.notEqual(guarded.code, code);
    assert.equal(removeInsertions(guarded.code, guarded.insertions), code);
  });

  it("round-trips any nesting of loops on one line or many", () => {
    const loop = fc.letrec((tie) => ({
      body: fc.oneof(
        { depthSize: "small" },
        fc.constant("n++;"),
        fc
          .tuple(fc.constantFrom("while (n < 9) ", "for (;;) ", "for (const k of a) "), tie("body"))
          .map(([head, body]) => `${head}${body}`),
        fc
          .tuple(tie("body"), tie("body"), fc.constantFrom(" ", "\n"))
          .map(([a, b, gap]) => `{ ${a}${gap}${b} }`),
      ),
    }));
    fc.assert(
      fc.property(loop.body, (code) => {
        const guarded = instrumentLoops(code, false, "c1");
        assert.equal(removeInsertions(guarded.code, guarded.insertions), code);
      }),
    );
  });
});

describe("createLoopGuard(options) with a budget in the call", () => {
  it("gives code guarded with a budget of its own that budget, and says so", () => {
    let t = 0;
    const guard = createLoopGuard({ budget: 2000, now: () => t, afterTask: () => undefined });
    guard("c1", 5000);
    t = 4000;
    guard("c1", 5000);
    t = 5001;
    assert.throws(() => guard("c1", 5000), /stopped after 5 s: is there a loop that never ends\?/);
  });

  it("puts the budget into the guard call", () => {
    assert.match(
      instrumentLoops("for (;;) {}", false, "c4", 5000).code,
      /__cellGuard\("c4",5000\);/,
    );
  });
});
