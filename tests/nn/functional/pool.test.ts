import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { F, gradcheck, jvp, rng, tensor } from "../../../src/index.ts";
import { gradOf } from "../helpers.ts";

const grid = tensor([
  [
    [
      [1, 3, 2, 0],
      [4, 2, 1, 5],
      [0, 1, 7, 2],
      [3, 2, 1, 1],
    ],
  ],
]); // [1, 1, 4, 4]

/** Distinct random values, so a window's maximum is never tied (max is not differentiable at a tie). */
function distinct(shape: number[], seed: number) {
  const r = rng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: n }, (_, k) => k * 0.37 + r.next() * 0.1);
  for (let k = n - 1; k > 0; k--) {
    const j = r.int(k + 1);
    [values[k], values[j]] = [values[j], values[k]];
  }
  return tensor(Float64Array.from(values), { shape });
}

describe("F.maxPool2d(x, kernelSize, options)", () => {
  test("keeps the largest value of each 2×2 window", () => {
    assert.deepEqual(F.maxPool2d(grid, 2).toArray(), [
      [
        [
          [4, 5],
          [3, 7],
        ],
      ],
    ]);
  });

  test("sends each window's gradient to its maximum alone", () => {
    const x = tensor(grid, { requiresGrad: true });
    F.maxPool2d(x, 2).sum().backward();
    assert.deepEqual(gradOf(x).toArray(), [
      [
        [
          [0, 0, 0, 0],
          [1, 0, 0, 1],
          [0, 0, 1, 0],
          [1, 0, 0, 0],
        ],
      ],
    ]);
  });

  test("overlapping windows (stride 1) add up the gradients a pixel receives", () => {
    const x = tensor(
      [
        [
          [
            [0, 0, 0],
            [0, 9, 0],
            [0, 0, 0],
          ],
        ],
      ],
      { requiresGrad: true },
    );
    F.maxPool2d(x, 2, { stride: 1 }).sum().backward();
    assert.equal(gradOf(x).data[4], 4); // the centre is the maximum of all four windows
  });

  test("gradients match central differences, with stride and padding", () => {
    const x = distinct([2, 2, 5, 5], 4);
    for (const options of [{}, { stride: 1 }, { stride: 2, padding: 1 }]) {
      const report = gradcheck((x) => F.maxPool2d(x, 3, options), [x]);
      assert.ok(report.ok, `${JSON.stringify(options)}: ${report.toString()}`);
    }
  });

  test("forward mode picks the tangent at each maximum", () => {
    const t = distinct([1, 1, 4, 4], 5);
    const { tangent } = jvp((x) => F.maxPool2d(x, 2), [grid], [t]);
    const expected = [
      [t.data[4], t.data[7]],
      [t.data[12], t.data[10]],
    ];
    assert.deepEqual(tangent.toArray(), [[expected]]);
  });
});

describe("F.avgPool2d(x, kernelSize, options)", () => {
  test("averages each 2×2 window", () => {
    assert.deepEqual(F.avgPool2d(grid, 2).toArray(), [
      [
        [
          [2.5, 2],
          [1.5, 2.75],
        ],
      ],
    ]);
  });

  test("spreads each gradient evenly over its window", () => {
    const x = tensor(grid, { requiresGrad: true });
    F.avgPool2d(x, 2).sum().backward();
    assert.deepEqual(Array.from(gradOf(x).data), new Array(16).fill(0.25));
  });

  test("gradients match central differences, with stride and padding", () => {
    const x = distinct([2, 3, 5, 4], 6);
    for (const options of [{}, { stride: 1 }, { stride: [2, 1] as const, padding: 1 }]) {
      const report = gradcheck((x) => F.avgPool2d(x, [3, 2], options), [x]);
      assert.ok(report.ok, `${JSON.stringify(options)}: ${report.toString()}`);
    }
  });

  test("rejects a window larger than the image, naming the op", () => {
    assert.throws(() => F.avgPool2d(grid, 5), /avgPool2d: a 5×5 window does not fit a 4×4 image/);
  });
});
