// Seeded pseudo-random generators (sfc32, from PractRand: small, fast, passes BigCrush), so
// every demo replays exactly. As in PyTorch, anything random takes a generator and, when given
// none, draws from one shared default generator: two layers built one after the other get
// different weights, and `manualSeed(s)` makes a whole cell replay (torch.manual_seed).
import { describeValue } from "./arguments.ts";

/** A seeded source of random numbers. */
export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Integer uniform on [0, n). */
  int(n: number): number;
  /** The seed it was (last) seeded with. */
  readonly seed: number;
}

/** The seed the default generator starts from (and `manualSeed(0)` returns it to). */
export const DEFAULT_SEED = 0;

/** An sfc32 generator; `manualSeed` restarts it (torch.Generator). */
export class Generator implements Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  private spare: number | null = null;
  private seedValue = 0;

  constructor(seed = DEFAULT_SEED) {
    this.manualSeed(seed);
  }

  get seed(): number {
    return this.seedValue;
  }

  /** Restarts the sequence from `seed`: afterwards it draws what `rng(seed)` draws. */
  manualSeed(seed: number): this {
    if (typeof seed !== "number" || !Number.isFinite(seed)) {
      throw new Error(`rng: the seed must be a finite number, found ${describeValue(seed)}`);
    }
    this.seedValue = seed;
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    // Mix in the high bits and any fraction too, so seeds ≥ 2³² and 0.5 vs 0 differ.
    this.a ^= Math.floor(seed / 4294967296) >>> 0;
    this.c ^= Math.floor((seed - Math.floor(seed)) * 4294967296) >>> 0;
    this.spare = null;
    for (let i = 0; i < 15; i++) this.next(); // warm up: decorrelate nearby seeds
    return this;
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  normal(): number {
    const spare = this.spare;
    if (spare !== null) {
      this.spare = null;
      return spare;
    }
    // Box–Muller: two uniforms give two independent normals; keep the second.
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/** A generator from a number seed; the same seed gives the same sequence. */
export function rng(seed = DEFAULT_SEED): Generator {
  return new Generator(seed);
}

/**
 * The generator that random functions and layers use when given none (torch.default_generator).
 * It starts at seed 0, so a fresh page draws the same numbers as `rng(0)`.
 */
export const defaultGenerator: Generator = new Generator(DEFAULT_SEED);

/**
 * Reseeds the default generator (torch.manual_seed): what is drawn from it afterwards replays
 * exactly. Returns the generator.
 */
export function manualSeed(seed: number): Generator {
  return defaultGenerator.manualSeed(seed);
}

/**
 * The generator to draw from: `generator` when given, else the default one. Anything else is
 * refused with a message naming `op`, e.g. `randn: expected a generator made by rng(seed) …`.
 */
export function resolveRng(op: string, generator: unknown, example: string): Rng {
  if (generator === undefined || generator === null) return defaultGenerator;
  if (
    typeof (generator as Rng).next === "function" &&
    typeof (generator as Rng).normal === "function"
  ) {
    return generator as Rng;
  }
  throw new Error(
    `${op}: expected a generator made by rng(seed) (or nothing, to draw from the default generator), ` +
      `found ${describeValue(generator)} — e.g. ${example}`,
  );
}
