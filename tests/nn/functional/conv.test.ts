import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { F, gradcheck, jvp, randn, rng, tensor } from "../../../src/index.ts";
import { gradOf } from "../helpers.ts";

describe("F.conv1d(x, weight)", () => {
  test("says what is wrong in one dimension's words, not the conv2d it runs on", () => {
    const x = tensor([[[1, 1]]]); // [1, 1, 2]
    assert.throws(
      () => F.conv1d(x, tensor([[[1, 0, 1]]])),
      /^Error: conv1d: a filter of length 3 does not fit a sequence of length 2 with padding 0$/,
    );
    assert.throws(
      () => F.conv1d(x, tensor([[[1], [1]]])),
      /^Error: conv1d: input \[1,1,2\] has 1 channels but weight \[1,2,1\] expects 2$/,
    );
    assert.throws(
      () => F.conv1d(x, tensor([[[1]]]), null, { stride: "2" as never }),
      /^Error: conv1d: stride must be an integer ≥ 1, found a string \("2"\)$/,
    );
    assert.throws(
      () => F.conv1d(x, tensor([[[1]]]), null, { padding: -1 }),
      /^Error: conv1d: padding must be an integer ≥ 0, found -1$/,
    );
  });

  test("[1,1,1,0,0] with filter [1,0,1] gives [2,1,1] (the seeds' 1-D example)", () => {
    const x = tensor([[[1, 1, 1, 0, 0]]]); // [N=1, C=1, L=5]
    const w = tensor([[[1, 0, 1]]]); // [O=1, C=1, k=3]
    const y = F.conv1d(x, w);
    assert.deepEqual(y.shape, [1, 1, 3]);
    assert.deepEqual(y.toArray(), [[[2, 1, 1]]]);
  });

  test("accepts an unbatched [C, L] input and returns [O, Lo]", () => {
    const y = F.conv1d(tensor([[1, 1, 1, 0, 0]]), tensor([[[1, 0, 1]]]));
    assert.deepEqual(y.toArray(), [[2, 1, 1]]);
  });

  test("stride and padding follow ⌊(L + 2p − k)/s⌋ + 1", () => {
    const x = tensor([[[1, 2, 3, 4, 5, 6]]]);
    const w = tensor([[[1, 1]]]);
    const y = F.conv1d(x, w, null, { stride: 2, padding: 1 });
    // padded: 0 1 2 3 4 5 6 0 → windows at 0, 2, 4, 6: 0+1, 2+3, 4+5, 6+0
    assert.deepEqual(y.toArray(), [[[1, 5, 9, 6]]]);
  });

  test("gradients of x, weight and bias match central differences", () => {
    const r = rng(1);
    const x = randn([2, 2, 7], r);
    const w = randn([3, 2, 3], r);
    const b = randn([3], r);
    const report = gradcheck((x, w, b) => F.conv1d(x, w, b, { stride: 2, padding: 1 }), [x, w, b]);
    assert.ok(report.ok, report.toString());
  });
});

describe("F.conv2d(x, weight, bias, options)", () => {
  test("the 6×6 edge image with a vertical-edge filter gives rows [0, 30, 30, 0]", () => {
    const row = [10, 10, 10, 0, 0, 0];
    const image = tensor([[Array.from({ length: 6 }, () => row)]]); // [1, 1, 6, 6]
    const filter = tensor([
      [
        [
          [1, 0, -1],
          [1, 0, -1],
          [1, 0, -1],
        ],
      ],
    ]); // [1, 1, 3, 3]
    const y = F.conv2d(image, filter);
    assert.deepEqual(y.shape, [1, 1, 4, 4]);
    assert.deepEqual(y.toArray(), [[Array.from({ length: 4 }, () => [0, 30, 30, 0])]]);
  });

  test("the 5×5 binary image with the 3×3 'X' filter starts with 4 (cross-correlation)", () => {
    const image = tensor([
      [
        [1, 1, 1, 0, 0],
        [0, 1, 1, 1, 0],
        [0, 0, 1, 1, 1],
        [0, 0, 1, 1, 0],
        [0, 1, 1, 0, 0],
      ],
    ]); // [C=1, 5, 5], unbatched
    const filter = tensor([
      [
        [
          [1, 0, 1],
          [0, 1, 0],
          [1, 0, 1],
        ],
      ],
    ]);
    const y = F.conv2d(image, filter);
    assert.deepEqual(y.shape, [1, 3, 3]);
    assert.equal((y.toArray() as number[][][])[0][0][0], 4);
    // The full feature map, worked by hand from (I ∗ K)(i, j) = Σₘ Σₙ I(i+m, j+n) K(m, n).
    assert.deepEqual(y.toArray(), [
      [
        [4, 3, 4],
        [2, 4, 3],
        [2, 3, 4],
      ],
    ]);
  });

  test("28×28 input with three 5×5 filters gives 3×24×24 outputs", () => {
    const r = rng(0);
    const y = F.conv2d(randn([1, 1, 28, 28], r), randn([3, 1, 5, 5], r));
    assert.deepEqual(y.shape, [1, 3, 24, 24]);
  });

  test("14×14 input, 4×4 patches: stride 2 gives 6×6 = 36 patches, stride 1 gives 11×11", () => {
    assert.equal(F.convOutputSize(14, 4, 2, 0), 6);
    assert.equal(F.convOutputSize(14, 4, 1, 0), 11);
  });

  test("adds the bias of each filter to its whole map", () => {
    const x = tensor([
      [
        [
          [1, 2],
          [3, 4],
        ],
      ],
    ]);
    const w = tensor([[[[1]]], [[[2]]]]); // two 1×1 filters
    const y = F.conv2d(x, w, tensor([10, -1]));
    assert.deepEqual(y.toArray(), [
      [
        [
          [11, 12],
          [13, 14],
        ],
        [
          [1, 3],
          [5, 7],
        ],
      ],
    ]);
  });

  test("gradients of x, weight and bias match central differences, with stride and padding", () => {
    const r = rng(2);
    const x = randn([2, 2, 5, 6], r);
    const w = randn([3, 2, 3, 2], r);
    const b = randn([3], r);
    for (const options of [
      {},
      { stride: 2 },
      { padding: 1 },
      { stride: [2, 1] as const, padding: [1, 0] as const },
    ]) {
      const report = gradcheck((x, w, b) => F.conv2d(x, w, b, options), [x, w, b]);
      assert.ok(report.ok, `${JSON.stringify(options)}: ${report.toString()}`);
    }
  });

  test("forward mode agrees with reverse mode", () => {
    const r = rng(3);
    const x = randn([1, 2, 4, 4], r);
    const w = randn([2, 2, 3, 3], r);
    const b = randn([2], r);
    const [tx, tw, tb] = [randn([1, 2, 4, 4], r), randn([2, 2, 3, 3], r), randn([2], r)];
    const f = (x: typeof w, w2: typeof w, b2: typeof w) =>
      F.conv2d(x, w2, b2, { padding: 1 }).sum();
    const { tangent } = jvp(f, [x, w, b], [tx, tw, tb]);
    const xs = [x, w, b].map((t) => tensor(t, { requiresGrad: true }));
    f(xs[0], xs[1], xs[2]).backward();
    let expected = 0;
    [tx, tw, tb].forEach((t, i) => {
      const g = gradOf(xs[i]).data;
      for (let k = 0; k < g.length; k++) expected += g[k] * t.data[k];
    });
    assert.ok(Math.abs(tangent.item() - expected) < 1e-9, `${tangent.item()} vs ${expected}`);
  });

  test("explains a channel mismatch, naming both shapes", () => {
    const r = rng(0);
    assert.throws(
      () => F.conv2d(randn([1, 3, 8, 8], r), randn([4, 1, 3, 3], r)),
      /conv2d: input \[1,3,8,8\] has 3 channels but weight \[4,1,3,3\] expects 1/,
    );
  });

  test("explains a filter larger than the image", () => {
    const r = rng(0);
    assert.throws(
      () => F.conv2d(randn([1, 1, 2, 2], r), randn([1, 1, 3, 3], r)),
      /3×3 filter does not fit a 2×2 image/,
    );
  });
});
