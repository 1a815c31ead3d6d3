import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { matmulNN, matmulNT, matmulTN } from "../../../src/tensor/ops/matmul-kernels.ts";

// The blocked kernels must agree bit for bit with the textbook triple loop: each output sums
// its k terms in order p = 0 … k−1, whatever the sizes (including those not divisible by 4).
function reference(
  at: (i: number, p: number) => number,
  bt: (p: number, j: number) => number,
  m: number,
  k: number,
  n: number,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += at(i, p) * bt(p, j);
      out.push(s);
    }
  }
  return out;
}

const size = fc.integer({ min: 1, max: 11 });
const entry = fc.oneof(
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, 1e-300, 1e300),
);
const matrices = fc
  .tuple(size, size, size)
  .chain(([m, k, n]) =>
    fc.tuple(
      fc.constant({ m, k, n }),
      fc.array(entry, { minLength: m * k, maxLength: m * k }),
      fc.array(entry, { minLength: k * n, maxLength: k * n }),
    ),
  );

const same = (got: Float64Array, want: number[]): void => {
  assert.equal(got.length, want.length);
  for (let q = 0; q < want.length; q++) {
    assert.ok(
      Object.is(got[q], want[q]) || got[q] === want[q],
      `entry ${q}: ${got[q]} ≠ ${want[q]}`,
    );
  }
};

describe("matmul kernels", () => {
  it("A @ B equals the triple loop, bit for bit", () => {
    fc.assert(
      fc.property(matrices, ([{ m, k, n }, a, b]) => {
        const got = matmulNN(Float64Array.from(a), Float64Array.from(b), m, k, n);
        same(
          got,
          reference(
            (i, p) => a[i * k + p] ?? 0,
            (p, j) => b[p * n + j] ?? 0,
            m,
            k,
            n,
          ),
        );
      }),
    );
  });

  it("A @ Bᵀ (B stored [n,k]) equals the triple loop, bit for bit", () => {
    fc.assert(
      fc.property(matrices, ([{ m, k, n }, a, b]) => {
        // b holds k·n numbers: read it as an [n,k] matrix.
        const got = matmulNT(Float64Array.from(a), Float64Array.from(b), m, k, n);
        same(
          got,
          reference(
            (i, p) => a[i * k + p] ?? 0,
            (p, j) => b[j * k + p] ?? 0,
            m,
            k,
            n,
          ),
        );
      }),
    );
  });

  it("Aᵀ @ B (A stored [k,m]) equals the triple loop, bit for bit", () => {
    fc.assert(
      fc.property(matrices, ([{ m, k, n }, a, b]) => {
        // a holds m·k numbers: read it as a [k,m] matrix.
        const got = matmulTN(Float64Array.from(a), Float64Array.from(b), m, k, n);
        same(
          got,
          reference(
            (i, p) => a[p * m + i] ?? 0,
            (p, j) => b[p * n + j] ?? 0,
            m,
            k,
            n,
          ),
        );
      }),
    );
  });

  it("propagates NaN and infinity as IEEE arithmetic does: 0 × ∞ is NaN, as in PyTorch", () => {
    const out = matmulNN(
      Float64Array.from([0, 0, 0, 0, 1, 0]),
      Float64Array.from([Infinity, 2]),
      6,
      1,
      2,
    );
    assert.ok(Number.isNaN(out[0]), "0 × ∞");
    assert.equal(out[1], 0);
    assert.equal(out[8], Infinity);
    assert.equal(out[9], 2);
  });
});
