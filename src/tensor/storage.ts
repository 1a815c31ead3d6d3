// Where op results get their Float64Arrays. A typed array longer than 8 doubles lives outside
// V8's heap, and what costs is fresh memory: a new backing store must be zeroed and its pages
// faulted in. Measured in headless Chromium on the lecture's VM, every fresh KiB costs about
// 12 µs (in Node, whose allocator keeps freed memory, far less), against some 60 ns for a view
// on memory that is already there. So memory is reused wherever it is known to be dead:
//   • arrays of 9–1024 doubles are views carved from shared 64 KiB slabs (a view is cheap);
//   • backward hands back the gradient buffers it has used up (only those it knows nobody
//     else can see), and `allocate` hands them out again before anything else;
//   • forward results are kept by whoever holds the tensor, so nobody can hand them back; a
//     FinalizationRegistry notes when the garbage collector has taken every view of a slab (or
//     the one array on a buffer of its own), and that memory is then reused. The registry
//     reports between tasks — between the animation frames of a training cell — so a long
//     synchronous loop reuses nothing until it ends; to bound what waits, at most 4 MiB of
//     slabs and 16 MiB of larger buffers are tracked at a time (beyond that memory is
//     allocated untracked and left to the GC, as it would be without the registry);
//   • arrays of ≤ 8 doubles are left to V8, which allocates them on its heap cheaply.
// The registry follows the arrays handed out, not aliases made from them: code that keeps
// `t.data.subarray(…)` (or a view on `t.data.buffer`) after dropping `t` and its data must copy
// instead (`Array.from`, `slice()`), or the memory may be reused under it. Nothing in the
// library or the chapters does.
// Every array is zero-filled, like `new Float64Array(n)`.

const ON_HEAP_MAX = 8; // V8 keeps typed arrays of ≤ 64 bytes on its own heap
const SLAB_BYTES = 64 * 1024;
const SLAB_MAX = 1024; // longest array carved from a slab (8 KiB, an eighth of a slab)
const PER_LENGTH = 8;
const MAX_POOLED_BYTES = 4 * 1024 * 1024;
const MAX_TRACKED_SLABS = 64; // 4 MiB
const MAX_TRACKED_BYTES = 16 * 1024 * 1024;

/** A buffer whose views the registry follows: reusable once `live` is 0 and it is `full`. */
interface Tracked {
  readonly buffer: ArrayBuffer;
  /** Views handed out and not yet collected. */
  live: number;
  /** No more views will be carved from it (always true for a buffer of one array). */
  full: boolean;
}

let trackedSlabs = 0;
let trackedBytes = 0;
const freeSlabs: ArrayBuffer[] = [];
const freeBuffers = new Map<number, ArrayBuffer[]>(); // by byte length

const collected = new FinalizationRegistry<Tracked>((t) => {
  t.live--;
  if (t.full && t.live === 0) reclaim(t);
});

/** Every view of `t` is gone: its memory goes back for reuse. */
function reclaim(t: Tracked): void {
  const bytes = t.buffer.byteLength;
  if (bytes === SLAB_BYTES) {
    trackedSlabs--;
    freeSlabs.push(t.buffer);
    return;
  }
  trackedBytes -= bytes;
  let list = freeBuffers.get(bytes);
  if (list === undefined) {
    list = [];
    freeBuffers.set(bytes, list);
  }
  list.push(t.buffer);
}

/** A view of `t`'s memory, followed by the registry. */
function trackedView(t: Tracked, byteOffset: number, n: number): Float64Array {
  const a = new Float64Array(t.buffer, byteOffset, n);
  t.live++;
  collected.register(a, t);
  return a;
}

let slab: Tracked | null = null; // the slab views are carved from (null: untracked)
let slabBuffer = new ArrayBuffer(0);
let slabUsed = SLAB_BYTES; // full: the first carve starts a slab
let slabReused = false; // its memory held earlier arrays: views must be zeroed

function nextSlab(): void {
  if (slab !== null) {
    slab.full = true;
    if (slab.live === 0) reclaim(slab);
  }
  const reused = freeSlabs.pop();
  slabBuffer = reused ?? new ArrayBuffer(SLAB_BYTES); // fresh slabs are zero-filled
  slabReused = reused !== undefined;
  slabUsed = 0;
  if (reused !== undefined || trackedSlabs < MAX_TRACKED_SLABS) {
    trackedSlabs++;
    slab = { buffer: slabBuffer, live: 0, full: false };
  } else slab = null;
}

function carve(n: number): Float64Array {
  const bytes = n * 8;
  if (slabUsed + bytes > SLAB_BYTES) nextSlab();
  const a =
    slab === null ? new Float64Array(slabBuffer, slabUsed, n) : trackedView(slab, slabUsed, n);
  slabUsed += bytes;
  return slabReused ? a.fill(0) : a;
}

function ownBuffer(n: number): Float64Array {
  const bytes = n * 8;
  const reused = freeBuffers.get(bytes)?.pop();
  if (reused !== undefined) {
    trackedBytes += bytes;
    return trackedView({ buffer: reused, live: 0, full: true }, 0, n).fill(0);
  }
  if (trackedBytes + bytes > MAX_TRACKED_BYTES) return new Float64Array(n);
  trackedBytes += bytes;
  return trackedView({ buffer: new ArrayBuffer(bytes), live: 0, full: true }, 0, n);
}

/** A zero-filled array of `n` doubles (see the file comment for where it comes from). */
export function allocate(n: number): Float64Array {
  if (n <= ON_HEAP_MAX) return new Float64Array(n);
  const free = pool.get(n);
  if (free !== undefined && free.length > 0) {
    const a = free.pop() as Float64Array;
    pooledBytes -= a.byteLength;
    return a.fill(0);
  }
  return n <= SLAB_MAX ? carve(n) : ownBuffer(n);
}

const pool = new Map<number, Float64Array[]>();
let pooledBytes = 0;

/**
 * Takes back an array nobody will read or write again, for `allocate` to hand out again. Only
 * backward calls this, for gradients it has used up. Arrays of ≤ 8 doubles are ignored (V8
 * allocates those cheaply), and the pool keeps at most 8 arrays per length and 4 MiB in all.
 */
export function release(a: Float64Array): void {
  const n = a.length;
  if (n <= ON_HEAP_MAX) return;
  if (pooledBytes + a.byteLength > MAX_POOLED_BYTES) return;
  let free = pool.get(n);
  if (free === undefined) {
    free = [];
    pool.set(n, free);
  }
  if (free.length >= PER_LENGTH) return;
  free.push(a);
  pooledBytes += a.byteLength;
}
