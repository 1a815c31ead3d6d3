// A seeded pseudo-random generator (sfc32, from PractRand: small, fast, passes BigCrush), so
// every demo replays exactly. There is no global generator: random functions take one.

/** A seeded source of random numbers. */
export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Integer uniform on [0, n). */
  int(n: number): number;
  /** The seed it was made from. */
  readonly seed: number;
}

/** A generator from an integer seed; the same seed gives the same sequence. */
export function rng(seed = 0): Rng {
  if (!Number.isFinite(seed))
    throw new Error(`rng: the seed must be a finite number, found ${seed}`);
  let a = 0x9e3779b9,
    b = 0x243f6a88,
    c = 0xb7e15162,
    d = seed >>> 0;
  // Mix in the high bits and any fraction too, so seeds ≥ 2³² and 0.5 vs 0 differ.
  a ^= Math.floor(seed / 4294967296) >>> 0;
  c ^= Math.floor((seed - Math.floor(seed)) * 4294967296) >>> 0;
  let spare: number | null = null;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next(); // warm up: decorrelate nearby seeds
  return {
    seed,
    next,
    normal(): number {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      // Box–Muller: two uniforms give two independent normals; keep the second.
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    int(n: number): number {
      return Math.floor(next() * n);
    },
  };
}
