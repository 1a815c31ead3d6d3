import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { nn, randn, rng } from "../../src/index.ts";

// A size given as a string must read as a string in the message ("3", not 3), and a list with
// its contents, so the student sees what they passed.
describe("nn's messages show what was passed", () => {
  test("a string size is quoted", () => {
    assert.throws(
      () => new nn.Linear("3" as never, 3),
      /^Error: nn\.Linear: inFeatures must be a positive integer, found a string \("3"\)$/,
    );
    assert.throws(
      () => new nn.Conv2d("1" as never, 2, 3),
      /^Error: nn\.Conv2d: inChannels must be a positive integer, found a string \("1"\)$/,
    );
    assert.throws(
      () => new nn.Dropout("0.5" as never),
      /^Error: nn\.Dropout: p must be a probability in \[0, 1\], found a string \("0\.5"\)$/,
    );
    assert.throws(
      () => new nn.MaxPool2d("2" as never).call(randn([1, 1, 4, 4], rng(0))),
      /^Error: maxPool2d: kernelSize must be an integer ≥ 1 \(or a pair of them\), found a string \("2"\)$/,
    );
  });

  test("a list shows its contents; a number stays a number", () => {
    assert.throws(
      () => new nn.MLP(["1", 2] as never),
      /^Error: nn\.MLP: sizes must list at least two positive integers, e\.g\. \[1, 3, 1\]; found \["1", 2\]$/,
    );
    assert.throws(
      () => new nn.Linear(0, 3),
      /^Error: nn\.Linear: inFeatures must be a positive integer, found 0$/,
    );
  });

  test("nn.Sequential refuses what is not a module", () => {
    assert.throws(
      () => new nn.Sequential(new nn.ReLU(), 5 as never),
      /^Error: nn\.Sequential: layer #1 is the number 5, expected a module such as new nn\.Linear\(2, 3\)$/,
    );
  });
});
