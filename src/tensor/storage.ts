// Where op results get their Float64Arrays. A typed array longer than 8 doubles lives outside
// V8's heap, and allocating its backing store costs far more than filling it: in Node a few µs,
// in Chromium (where cells train) 5–10 µs for a few hundred bytes and about 1 µs per KiB beyond
// that, against some 60 ns for a view on a buffer that already exists. So:
//   • arrays of 9–1024 doubles are views carved from shared 64 KiB slabs (a view is cheap to
//     make; a slab is freed once no view of it is alive, so a tensor kept for long keeps at most
//     64 KiB alive);
//   • backward hands back the gradient buffers it has used up (only those it knows nobody else
//     can see), slab views and larger arrays alike, and `allocate` reuses them before carving
//     or allocating anything new;
//   • arrays of ≤ 8 doubles are left to V8, which allocates them on its heap cheaply.
// A training step of a small network then allocates no backing store of its own: its forward
// results come from a slab that lasts a few dozen steps, its gradients from the recycled ones.
// Every array is zero-filled, like `new Float64Array(n)`.

const ON_HEAP_MAX = 8; // V8 keeps typed arrays of ≤ 64 bytes on its own heap
const SLAB_BYTES = 64 * 1024;
const SLAB_MAX = 1024; // longest array carved from a slab (8 KiB, an eighth of a slab)
const PER_LENGTH = 8;
const MAX_POOLED_BYTES = 4 * 1024 * 1024;

let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;
const pool = new Map<number, Float64Array[]>();
let pooledBytes = 0;

/** A zero-filled array of `n` doubles (see the file comment for where it comes from). */
export function allocate(n: number): Float64Array {
  if (n <= ON_HEAP_MAX) return new Float64Array(n);
  const free = pool.get(n);
  if (free !== undefined && free.length > 0) {
    const a = free.pop() as Float64Array;
    pooledBytes -= a.byteLength;
    return a.fill(0);
  }
  if (n <= SLAB_MAX) {
    const bytes = n * 8;
    if (slabUsed + bytes > SLAB_BYTES) {
      slab = new ArrayBuffer(SLAB_BYTES); // fresh slabs are zero-filled
      slabUsed = 0;
    }
    const a = new Float64Array(slab, slabUsed, n);
    slabUsed += bytes;
    return a;
  }
  return new Float64Array(n);
}

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
