// Where op results get their Float64Arrays. A typed array longer than 8 doubles lives outside
// V8's heap, and allocating one costs far more than filling it: in a small training step it was
// a third of the time. So:
//   • arrays of 9–256 doubles are views carved from shared 8 KiB slabs (a view is cheap to make;
//     a slab is freed once no view of it is alive, so a tensor kept for long keeps ≤ 8 KiB);
//   • longer arrays are recycled: backward hands back the gradient buffers it has used up
//     (only those it knows nobody else can see) and `allocate` reuses them;
//   • arrays of ≤ 8 doubles are left to V8, which allocates them on its heap cheaply.
// Every array is zero-filled, like `new Float64Array(n)`.

const ON_HEAP_MAX = 8; // V8 keeps typed arrays of ≤ 64 bytes on its own heap
const SLAB_BYTES = 8 * 1024;
const SLAB_MAX = 256; // longest array carved from a slab (2 KiB, a quarter slab)
const PER_LENGTH = 8;
const MAX_POOLED_BYTES = 4 * 1024 * 1024;

let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;
const pool = new Map<number, Float64Array[]>();
let pooledBytes = 0;

/** A zero-filled array of `n` doubles (see the file comment for where it comes from). */
export function allocate(n: number): Float64Array {
  if (n <= ON_HEAP_MAX) return new Float64Array(n);
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
  const free = pool.get(n);
  if (free !== undefined && free.length > 0) {
    const a = free.pop() as Float64Array;
    pooledBytes -= a.byteLength;
    return a.fill(0);
  }
  return new Float64Array(n);
}

/**
 * Takes back an array nobody will read or write again. Only backward calls this, for
 * gradients it has used up. Slab views and small arrays are ignored (they cost little).
 */
export function release(a: Float64Array): void {
  const n = a.length;
  if (n <= SLAB_MAX || a.byteOffset !== 0 || a.byteLength !== a.buffer.byteLength) return;
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
