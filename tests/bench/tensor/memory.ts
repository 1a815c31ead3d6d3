// Memory over many training steps, counting all three places a step can leave things behind:
// V8's heap (heapUsed), and outside it — `arrayBuffers` (the backing stores of typed arrays:
// every Float64Array longer than 8 doubles lives there, invisible to heapUsed) and `external`
// (which includes them). Measured after a full gc, before and after the run, plus the peaks
// seen on the way (what a step allocates and the gc has yet to collect).

/** One reading of the three counters, in bytes. */
export interface MemoryReading {
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** Memory before and after `steps` steps (each after gc), and the peaks in between. */
export interface MemoryGrowth {
  steps: number;
  before: MemoryReading;
  after: MemoryReading;
  peak: MemoryReading;
}

function read(): MemoryReading {
  const { heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { heapUsed, external, arrayBuffers };
}

/**
 * A reading after garbage collection has really finished: V8 frees the backing stores of dead
 * typed arrays on a background thread after gc() returns, and updates `external` lazily, so
 * one gc() right before reading can leave tens of MB uncounted or counted twice. Collect, let
 * the event loop turn, and repeat until two readings agree (or five rounds pass).
 */
async function settledReading(gc: () => void): Promise<MemoryReading> {
  let last = read();
  for (let round = 0; round < 5; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = read();
    const moved = Math.abs(now.external - last.external) + Math.abs(now.heapUsed - last.heapUsed);
    last = now;
    if (moved < 64 * 1024) break;
  }
  return last;
}

/** Null when node runs without --expose-gc (npm run bench:tensor passes it). */
export async function memoryGrowth(
  step: () => unknown,
  steps: number,
): Promise<MemoryGrowth | null> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  for (let i = 0; i < Math.min(1000, steps); i++) step(); // warm up: pools and slabs fill
  const before = await settledReading(gc);
  const peak = { ...before };
  const every = Math.max(1, Math.floor(steps / 20));
  for (let i = 1; i <= steps; i++) {
    step();
    if (i % every === 0) {
      const now = read();
      peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
      peak.external = Math.max(peak.external, now.external);
      peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
    }
  }
  return { steps, before, after: await settledReading(gc), peak };
}

const MB = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
const kB = (b: number) => `${b >= 0 ? "+" : "−"}${Math.abs(b / 1024).toFixed(0)} kB`;

/** Growth allowed per counter before the "no growth" target counts as missed. */
export const GROWTH_LIMIT = 512 * 1024;

/** Whether every counter grew by less than GROWTH_LIMIT. */
export function noGrowth(m: MemoryGrowth): boolean {
  return (["heapUsed", "external", "arrayBuffers"] as const).every(
    (k) => m.after[k] - m.before[k] < GROWTH_LIMIT,
  );
}

/** `heap 10.6 MB → 10.5 MB (−96 kB), arrayBuffers …` for the bench's report. */
export function describeGrowth(m: MemoryGrowth): string {
  return (["heapUsed", "external", "arrayBuffers"] as const)
    .map((k) => {
      const name = k === "heapUsed" ? "heap" : k;
      return `${name} ${MB(m.before[k])} → ${MB(m.after[k])} (${kB(m.after[k] - m.before[k])}, peak ${MB(m.peak[k])})`;
    })
    .join("; ");
}
