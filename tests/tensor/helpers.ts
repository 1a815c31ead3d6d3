// Shared generators for the tensor tests: random shapes, broadcast-compatible shape pairs and
// tensors filled from a seeded generator (fast-check picks the seed, so failures replay).
import fc from "fast-check";
import { type GradNode, rng, type Tensor, tensor } from "../../src/index.ts";

const size = (shape: readonly number[]): number => shape.reduce((p, d) => p * d, 1);

/** A shape of rank 0–3 with sizes 1–3 (small, so central differences stay quick). */
export const shapeArb = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 0, maxLength: 3 });

/** A shape of rank 0–4 with sizes 1–4 and at most 48 elements, for ops cheap enough to check. */
export const largeShapeArb = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 })
  .filter((s) => size(s) <= 48);

/**
 * One side of a broadcast: `shape` with some sizes turned into 1 and some leading axes dropped.
 * Two of these from one shape always broadcast together, each side stretching where it has 1s.
 */
function broadcastSide(shape: readonly number[], ones: readonly boolean[], drop: number): number[] {
  return shape.slice(Math.min(drop, shape.length)).map((d, i) => (ones[i] ? 1 : d));
}

/**
 * Two shapes that broadcast, where either side (or both at once) may stretch: [3,1] with
 * [1,4], [4,1,1] with [1,3,2], [2,3] with [3], [] with anything. Drawn from one base shape of
 * rank 0–4 (at most 48 elements), each side independently turning sizes into 1 or dropping
 * leading axes.
 */
export const broadcastPairArb = fc
  .tuple(
    largeShapeArb,
    fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    fc.integer({ min: 0, max: 4 }),
    fc.integer({ min: 0, max: 4 }),
  )
  .map(([shape, onesA, onesB, dropA, dropB]) => {
    return [broadcastSide(shape, onesA, dropA), broadcastSide(shape, onesB, dropB)] as const;
  });

/** Shape pairs every broadcasting test runs on besides the random ones (both sides stretch). */
export const BROADCAST_EXAMPLES: readonly (readonly [number[], number[]])[] = [
  [
    [3, 1],
    [1, 4],
  ],
  [
    [4, 1, 1],
    [1, 3, 2],
  ],
  [[2, 3], [3]],
  [[], [2, 2]],
];

/** Values uniform in [low, high], optionally kept at least `gap` away from 0 (kinks, poles). */
export function filled(
  shape: readonly number[],
  seed: number,
  { low = -2, high = 2, gap = 0 }: { low?: number; high?: number; gap?: number } = {},
): Tensor {
  const r = rng(seed);
  const n = shape.reduce((p, d) => p * d, 1);
  const data = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let v = low + (high - low) * r.next();
    if (Math.abs(v) < gap) v = v < 0 ? -gap - Math.abs(v) : gap + v;
    data[k] = v;
  }
  return tensor(data, { shape, requiresGrad: true });
}

/** Asserts two arrays agree to a relative tolerance, with a message naming the first mismatch. */
export function assertClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol = 1e-9,
  what = "values",
): void {
  if (actual.length !== expected.length) {
    throw new Error(`${what}: ${actual.length} values, expected ${expected.length}`);
  }
  for (let k = 0; k < actual.length; k++) {
    const a = actual[k],
      e = expected[k];
    if (!(Math.abs(a - e) <= tol * Math.max(1, Math.abs(e)))) {
      throw new Error(`${what}: element ${k} is ${a}, expected ${e} (tolerance ${tol})`);
    }
  }
}

/** `t.grad`, failing the test if backward left none. */
export function gradOf(t: Tensor): Tensor {
  if (t.grad === null)
    throw new Error(`expected a gradient on ${t.name ?? `tensor #${t.id}`}, found none`);
  return t.grad;
}

/** `t.gradFn`, failing the test if the op recorded none. */
export function nodeOf(t: Tensor): GradNode {
  if (t.gradFn === null)
    throw new Error(`expected ${t.name ?? `tensor #${t.id}`} to have a gradFn, found a leaf`);
  return t.gradFn;
}

/** The message of the error `fn` throws (and a failure if it throws none). */
export function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error");
}
