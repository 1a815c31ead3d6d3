// The error function erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt, which JavaScript's Math lacks; GELU needs it.
// The Maclaurin series below |x| = 2.5 (its largest term is ~16, so about two of sixteen digits
// are lost to cancellation), the continued fraction of erfc above it — both to ~1e-14.

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** erf(x), accurate to about 1e-14 absolute. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const a = Math.abs(x);
  if (a < 2.5) {
    // erf(x) = (2/√π) Σₙ (−1)ⁿ x^(2n+1) / (n! (2n+1))
    let term = x;
    let s = x;
    const x2 = x * x;
    for (let n = 1; n < 60; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      s += add;
      if (Math.abs(add) < 1e-17 * Math.abs(s)) break;
    }
    return TWO_OVER_SQRT_PI * s;
  }
  return Math.sign(x) * (1 - erfcLarge(a));
}

/** erfc(a) for a ≥ 2.5: e^(−a²)/√π · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + …)))). */
function erfcLarge(a: number): number {
  if (a > 27) return 0; // e^(−729) underflows
  let f = a;
  for (let k = 80; k >= 1; k--) f = a + k / 2 / f;
  return Math.exp(-a * a) / Math.sqrt(Math.PI) / f;
}
