import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { noGrad, rng, type Tensor, tensor } from "../../src/index.ts";
import { allocate, release } from "../../src/tensor/storage.ts";
import { gradOf } from "./helpers.ts";

describe("allocate(n) and release(a)", () => {
  it("hands out zero-filled arrays that never overlap, for small, slab and large sizes", () => {
    const arrays = [3, 9, 50, 150, 256, 257, 1024, 1025, 5000, 150, 9].map((n) => allocate(n));
    for (const a of arrays) assert.ok(a.every((v) => v === 0));
    for (const [i, a] of arrays.entries()) a.fill(i + 1);
    for (const [i, a] of arrays.entries()) {
      assert.ok(
        a.every((v) => v === i + 1),
        `array ${i} was overwritten`,
      );
    }
  });

  it("reuses a released array, zeroed again, whether a slab view or an array of its own", () => {
    for (const n of [100, 1000, 5000]) {
      const a = allocate(n);
      a.fill(7);
      release(a);
      const again = allocate(n);
      assert.equal(again, a, `length ${n}`);
      assert.ok(again.every((v) => v === 0));
    }
    const small = allocate(4); // V8 keeps these on its heap: not pooled
    release(small);
    assert.notEqual(allocate(4), small);
  });

  it("carves arrays up to 1024 doubles from shared 64 KiB buffers, so a step allocates few", () => {
    const views = Array.from({ length: 80 }, (_, k) => allocate(k % 2 ? 1024 : 9)); // ≈ 330 KiB
    const buffers = new Set(views.map((v) => v.buffer));
    assert.ok(buffers.size <= 7, `${buffers.size} buffers for 80 arrays`);
    for (const b of buffers) assert.equal(b.byteLength, 64 * 1024);
    assert.equal(allocate(1025).buffer.byteLength, 1025 * 8, "longer ones get their own");
  });
});

// A full garbage collection on demand (tests run without --expose-gc).
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Collects until the registry has reported (its callbacks run in tasks of their own). */
async function collect(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("memory of arrays the garbage collector has taken", () => {
  // Arrays are made in helpers, so no suspended async frame of the test can keep them alive.
  /** Allocates arrays, writes into them, drops them; returns their buffers. */
  function allocateAndDrop(lengths: number[], value: number): Set<ArrayBufferLike> {
    const buffers = new Set<ArrayBufferLike>();
    for (const n of lengths) buffers.add(allocate(n).fill(value).buffer);
    return buffers;
  }
  const lengths = Array.from({ length: 64 }, (_, k) => (k % 2 ? 1000 : 5000));

  it("is reused, zeroed, once every array of a slab (or of its own buffer) is gone", async () => {
    const before = allocateAndDrop(lengths, 9); // the buffers stay reachable, the arrays do not
    await collect();
    const again = lengths.map((n) => allocate(n));
    const reused = again.filter((a) => before.has(a.buffer));
    assert.ok(
      reused.some((a) => a.length === 1000),
      "a slab came back",
    );
    assert.ok(
      reused.some((a) => a.length === 5000),
      "a buffer of its own came back",
    );
    for (const a of again)
      assert.ok(
        a.every((v) => v === 0),
        "reused memory is zeroed",
      );
  });

  it("is never reused while one array of the slab is still held", async () => {
    const kept = keepOneOf(16, 900);
    await collect();
    for (let i = 0; i < 200; i++) allocate(900).fill(-1); // would overwrite a reused slab
    assert.ok(
      kept.every((v) => v === 4),
      "a live array was overwritten",
    );
  });

  /** Allocates `count` arrays of `n` doubles and keeps one of them (filled with 4). */
  function keepOneOf(count: number, n: number): Float64Array {
    const batch = Array.from({ length: count }, () => allocate(n));
    return batch[3].fill(4);
  }
});

describe("recycled gradient storage", () => {
  it("never touches kept gradients: leaves, retained intermediates and later graphs", () => {
    const r = rng(5);
    const x = tensor(
      Array.from({ length: 40 }, () => r.normal()),
      { shape: [20, 2] },
    );
    const W = tensor(
      [
        [0.3, -0.2],
        [0.1, 0.4],
        [0.5, 0.5],
        [-0.3, 0.2],
      ],
      { requiresGrad: true },
    );
    const forward = (): Tensor => x.matmul(W.T).tanh().mul(2).sum(1).pow(2).mean();
    const h = x.matmul(W.T).tanh().retainGrad();
    h.mul(2).sum(1).pow(2).mean().backward();
    const wGrad = Array.from(gradOf(W).data);
    const hGrad = Array.from(gradOf(h).data);
    W.grad = null;
    for (let i = 0; i < 50; i++) {
      W.grad = null;
      forward().backward(); // churns the pool and the slabs
    }
    assert.deepEqual(Array.from(gradOf(h).data), hGrad, "retained gradient changed");
    assert.deepEqual(Array.from(gradOf(W).data), wGrad, "the same graph gives the same gradient");
    const kept = gradOf(W);
    const keptValues = Array.from(kept.data);
    W.grad = null;
    for (let i = 0; i < 20; i++) {
      W.grad = null;
      forward().backward();
      noGrad(() => W.mul(1));
    }
    assert.deepEqual(Array.from(kept.data), keptValues, "an old .grad changed after later steps");
  });
});

describe("retained gradients of large intermediates", () => {
  it("stay correct when backward runs twice (their storage is still read after storing)", () => {
    const r = rng(9);
    const x = tensor(
      Array.from({ length: 600 }, () => r.normal()),
      { shape: [300, 2] },
    );
    const W = tensor(
      [
        [0.3, -0.2],
        [0.1, 0.4],
      ],
      { requiresGrad: true },
    );
    // h = tanh(…) is [300,2]: 600 values, a recycled size; its vjp allocates that size again.
    const h = x.matmul(W.T).tanh().retainGrad();
    const loss = h.mul(h).sum();
    loss.backward({ retainGraph: true });
    const once = Array.from(gradOf(W).data);
    const hOnce = Array.from(gradOf(h).data);
    loss.backward();
    assert.deepEqual(
      Array.from(gradOf(W).data),
      once.map((v) => 2 * v),
    );
    assert.deepEqual(
      Array.from(gradOf(h).data),
      hOnce.map((v) => 2 * v),
    );
  });
});
