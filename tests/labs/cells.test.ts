// The labs' own logic, run in Node straight from their Markdown: the reference answers of
// "Backprop by hand" (its answer boxes' hints are checked with every page's, in
// tests/content/predictions.test.ts), the safe expression parser of the fit playground, and
// the plain-loop convolution helpers the convolution lab checks the library with.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { F, tensor } from "../../src/index.ts";

/** The source of the first ```js cell in `notebooks/<slug>.md` that contains `marker`. */
function cellSource(slug: string, marker: string): string {
  const markdown = readFileSync(`notebooks/${slug}.md`, "utf8");
  const cells = [...markdown.matchAll(/^```js[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
  const found = cells.find((c) => c.includes(marker));
  if (found === undefined) throw new Error(`notebooks/${slug}.md: no js cell contains "${marker}"`);
  return found;
}

/** Asserts two lists of numbers have the same length and agree entry by entry within `tol`. */
function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number): void {
  assert.equal(actual.length, expected.length, "lengths differ");
  for (let k = 0; k < actual.length; k++) {
    assert.ok(
      Math.abs(actual[k] - expected[k]) <= tol,
      `entry ${k}: ${actual[k]} vs ${expected[k]}`,
    );
  }
}

/** Runs a cell's source with the given built-ins and returns the named declaration. */
function cellValue<T>(source: string, name: string, builtins: Record<string, unknown> = {}): T {
  // The cell is project-owned source text; running it as a function body is how the page runs it.
  return new Function(...Object.keys(builtins), `${source}\nreturn ${name};`)(
    ...Object.values(builtins),
  ) as T;
}

describe("backprop by hand: reference answers", () => {
  type Ref = Record<string, number | number[]>;
  const ref = cellValue<Ref>(cellSource("backprop-by-hand", "const ref ="), "ref", { tensor });

  // The same iteration written out with plain numbers, as a student would on paper.
  const x = [1.0, 0.1];
  const W1 = [
    [0.5, -0.3],
    [0.2, 0.8],
  ];
  const W2 = [0.7, -0.4];
  const z1 = W1.map((row) => row[0] * x[0] + row[1] * x[1]);
  const a1 = z1.map(Math.tanh);
  const z2 = W2[0] * a1[0] + W2[1] * a1[1];
  const yhat = Math.tanh(z2);
  const d2 = (yhat - 0.5) * (1 - yhat ** 2);
  const d1 = a1.map((a, i) => (1 - a ** 2) * W2[i] * d2);

  it("forward values match the hand computation (z(1) = 0.47, 0.28)", () => {
    assert.deepEqual(ref.z1, z1);
    assert.ok(Math.abs((ref.z1 as number[])[0] - 0.47) < 1e-12);
    assert.deepEqual(ref.a1, a1);
    assert.ok(Math.abs((ref.yhat as number) - yhat) < 1e-15);
    assert.ok(Math.abs((ref.loss as number) - 0.5 * (yhat - 0.5) ** 2) < 1e-15);
  });

  it("deltas from autograd equal the layered formulas", () => {
    assert.ok(Math.abs((ref.d2 as number) - d2) < 1e-15);
    assertClose(ref.d1 as number[], d1, 1e-15);
    const gW1 = d1.flatMap((d) => x.map((xj) => d * xj));
    assertClose(ref.gW1 as number[], gW1, 1e-15);
  });

  it("the update lowers the loss", () => {
    assert.ok((ref.lossAfter as number) < (ref.loss as number));
    assert.ok(Math.abs((ref.W2new as number[])[0] - (0.7 - 0.2 * d2 * a1[0])) < 1e-15);
  });
});

describe("fit playground: parseExpression", () => {
  const parseExpression = cellValue<(s: string) => (x: number) => number>(
    cellSource("fit-playground", "function parseExpression"),
    "parseExpression",
  );

  it("evaluates arithmetic, powers, implicit products and whitelisted functions", () => {
    assert.equal(parseExpression("x^2")(3), 9);
    assert.equal(parseExpression("2^3^2")(0), 512); // right-associative
    assert.equal(parseExpression("-x^2")(3), -9); // minus binds looser than ^
    assert.equal(parseExpression("3x + 2(x + 1)")(1), 7);
    assert.equal(parseExpression("abs(sin(pi*x))")(0.5), 1);
    assert.equal(parseExpression("max(x, 0.5) + step(x)")(-1), 0.5);
    assert.equal(parseExpression("1e-3 * x ** 2")(10), 0.1);
  });

  it("refuses unknown names and broken syntax with a message that says where", () => {
    assert.throws(() => parseExpression("alert(1)"), /Unknown name “alert” at character 1/);
    assert.throws(() => parseExpression("constructor"), /Unknown name/);
    assert.throws(() => parseExpression("sin(x"), /Expected “\)” at the end/);
    assert.throws(() => parseExpression("x + ;"), /I don't understand “;” at character 5/);
    assert.throws(() => parseExpression("  "), /empty/);
  });

  it("never runs JavaScript: any text either parses to a function or throws an Error", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        try {
          const f = parseExpression(text);
          const y = f(0.3);
          return typeof y === "number";
        } catch (error) {
          return error instanceof Error && error.message.length > 0;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("convolution lab: plain-loop helpers agree with the lecture and with F.conv2d", () => {
  const helpers = cellValue<{
    pad: (M: number[][], p: number) => number[][];
    flip: (K: number[][]) => number[][];
    correlate: (I: number[][], K: number[][]) => number[][];
  }>(cellSource("convolution-lab", "const correlate ="), "{ pad, flip, correlate }", {
    html: () => null,
    svg: () => null,
    tensor,
  });
  const { pad, flip, correlate } = helpers;

  it("the 6×6 edge image with the vertical-edge filter gives columns 0, 30, 30, 0", () => {
    const edge = Array.from({ length: 6 }, () => [10, 10, 10, 0, 0, 0]);
    const out = correlate(edge, [
      [1, 0, -1],
      [1, 0, -1],
      [1, 0, -1],
    ]);
    assert.deepEqual(
      out,
      Array.from({ length: 4 }, () => [0, 30, 30, 0]),
    );
  });

  it("the 5×5 binary image with the X filter starts with 4", () => {
    const I = [
      [1, 1, 1, 0, 0],
      [0, 1, 1, 1, 0],
      [0, 0, 1, 1, 1],
      [0, 0, 1, 1, 0],
      [0, 1, 1, 0, 0],
    ];
    assert.equal(
      correlate(I, [
        [1, 0, 1],
        [0, 1, 0],
        [1, 0, 1],
      ])[0]?.[0],
      4,
    );
  });

  it("conv2d's input gradient is the padded upstream gradient correlated with the flipped filter", () => {
    const I = [
      [0.2, 0.5, 0.1, 0.9],
      [0.3, 0.8, 0.4, 0.6],
      [0.7, 0.1, 0.5, 0.2],
      [0.9, 0.3, 0.6, 0.4],
    ];
    const K = [
      [1, 2, 0],
      [-1, 0.5, 3],
      [0, -2, 1],
    ];
    const G = [
      [1, -0.5],
      [2, 0.25],
    ];
    const input = tensor([[I]], { requiresGrad: true });
    F.conv2d(input, tensor([[K]]), null)
      .mul(tensor([[G]]))
      .sum()
      .backward();
    const viaFlip = correlate(pad(G, 2), flip(K)).flat();
    assertClose(input.grad?.data ?? [], viaFlip, 1e-14);
  });
});
