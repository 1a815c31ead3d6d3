import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { now, observe, queue } from "../../../src/notebook/client/generators.ts";
import { describe as describeValue } from "../../../src/notebook/client/inspect.ts";
import { Mutable } from "../../../src/notebook/client/mutable.ts";

describe("Generators.observe(initialize)", () => {
  it("yields the latest value after each change", async () => {
    let change!: (x: number) => number;
    const gen = observe<number>((c) => {
      change = c;
    });
    change(1);
    change(2); // replaces 1 before anyone asked
    assert.equal(await gen.next().value, 2);
    const next = gen.next().value;
    change(3);
    assert.equal(await next, 3);
  });

  it("calls the dispose function on return()", () => {
    let disposed = false;
    const gen = observe(() => () => {
      disposed = true;
    });
    assert.deepEqual(gen.return(), { done: true, value: undefined });
    assert.equal(disposed, true);
  });
});

describe("Generators.queue(initialize)", () => {
  it("keeps every value in order", async () => {
    let change!: (x: string) => string;
    const gen = queue<string>((c) => {
      change = c;
    });
    change("a");
    change("b");
    assert.equal(await gen.next().value, "a");
    assert.equal(await gen.next().value, "b");
  });
});

describe("now()", () => {
  it("yields increasing times", () => {
    const gen = now();
    const a = gen.next().value;
    const b = gen.next().value;
    assert.ok(b >= a);
  });
});

describe("Mutable(initial)", () => {
  it("yields the initial value, then each assigned one", async () => {
    const m = Mutable(5);
    assert.equal(m.value, 5);
    assert.equal(await m.next().value, 5);
    const next = m.next().value;
    m.value = 6;
    assert.equal(await next, 6);
    assert.equal(m.value, 6);
  });
});

describe("inspect's describe(value, depth)", () => {
  it("writes numbers to 6 significant digits and nested values readably", () => {
    assert.equal(describeValue(0.1 + 0.2, 0), "0.3");
    assert.equal(describeValue({ a: [1, "x"], b: null }, 0), '{a: [1, "x"], b: null}');
    assert.equal(describeValue(new Float64Array([1.5, 2]), 0), "[1.5, 2]");
  });

  it("shows a tensor with its shape and name", () => {
    const t = { shape: [2], name: "w", toArray: () => [1, 2] };
    assert.equal(describeValue(t, 0), 'tensor([1, 2], shape [2], name "w")');
  });

  it("shortens long arrays", () => {
    assert.match(
      describeValue(
        Array.from({ length: 30 }, (_, i) => i),
        0,
      ),
      /… 10 more\]$/,
    );
  });
});
