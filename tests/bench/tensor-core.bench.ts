// Measures the tensor core on the two full-batch steps (forward, MSE, backward, SGD),
// written by hand with the core ops, next to a hand-fused Float64Array loop of the same step.
//   node --import tsx tests/bench/tensor-core.bench.ts
import { noGrad, rand, randn, rng, type Tensor, tensor } from "../../src/index.ts";

function makeNet(sizes: number[], seed: number): Tensor[] {
  const r = rng(seed);
  const params: Tensor[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [n, m] = [sizes[l], sizes[l + 1]];
    const W = randn([m, n], r);
    W.mulInPlace(Math.sqrt(2 / (n + m))); // Xavier normal: variance 2/(n_in + n_out)
    params.push(
      tensor(W, { requiresGrad: true }),
      tensor(new Float64Array(m), { requiresGrad: true }),
    );
  }
  return params;
}

function libraryStep(params: Tensor[], x: Tensor, y: Tensor, lr: number): number {
  let h = x;
  for (let l = 0; l < params.length; l += 2) {
    h = h.matmul(params[l].T).add(params[l + 1]); // [batch, out]
    if (l + 2 < params.length) h = h.tanh();
  }
  const loss = h.sub(y).pow(2).mean();
  for (const p of params) p.grad = null;
  loss.backward();
  noGrad(() => {
    for (const p of params) if (p.grad) p.subInPlace(p.grad, lr);
  });
  return loss.data[0];
}

/** The same step fused by hand: no allocation per step (the practical limit). */
function fusedStepper(sizes: number[], params: Tensor[], x: Tensor, y: Tensor, lr: number) {
  const N = x.shape[0];
  const L = sizes.length - 1;
  const acts = sizes.map((s) => new Float64Array(N * s));
  const deltas = sizes.map((s) => new Float64Array(N * s));
  const grads = params.map((p) => new Float64Array(p.data.length));
  acts[0].set(x.data);
  return (): number => {
    for (let l = 0; l < L; l++) {
      const W = params[2 * l].data,
        b = params[2 * l + 1].data;
      const n = sizes[l],
        m = sizes[l + 1],
        A = acts[l],
        Z = acts[l + 1];
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < m; j++) {
          let s = b[j];
          for (let k = 0; k < n; k++) s += A[i * n + k] * W[j * n + k];
          Z[i * m + j] = l + 1 < L ? Math.tanh(s) : s;
        }
      }
    }
    const out = acts[L],
      dOut = deltas[L];
    let loss = 0;
    for (let i = 0; i < out.length; i++) {
      const r = out[i] - y.data[i];
      loss += r * r;
      dOut[i] = (2 * r) / out.length;
    }
    for (let l = L - 1; l >= 0; l--) {
      const W = params[2 * l].data,
        gW = grads[2 * l],
        gb = grads[2 * l + 1];
      const n = sizes[l],
        m = sizes[l + 1],
        A = acts[l],
        D = deltas[l + 1],
        Dp = deltas[l];
      gW.fill(0);
      gb.fill(0);
      Dp.fill(0);
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < m; j++) {
          const d = D[i * m + j];
          gb[j] += d;
          for (let k = 0; k < n; k++) {
            gW[j * n + k] += d * A[i * n + k];
            Dp[i * n + k] += d * W[j * n + k];
          }
        }
      }
      if (l > 0) for (let q = 0; q < Dp.length; q++) Dp[q] *= 1 - A[q] * A[q];
    }
    params.forEach((p, q) => {
      const g = grads[q];
      for (let k = 0; k < p.data.length; k++) p.data[k] -= lr * g[k];
    });
    return loss / out.length;
  };
}

/** CPU time of this process in milliseconds: steadier than the wall clock on a shared machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Steps per CPU-second of one round lasting about `ms` milliseconds of CPU time. */
function round(step: () => number, ms: number): number {
  let n = 0;
  const start = cpuMs();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 10; i++) step();
    n += 10;
    elapsed = cpuMs() - start;
  }
  return (n / elapsed) * 1000;
}

/**
 * Best rate of each contender over interleaved rounds: the machine is shared, so the best
 * round is the one least disturbed, and interleaving exposes both to the same conditions.
 */
function race(steps: (() => number)[], seconds: number): number[] {
  for (const step of steps) for (let i = 0; i < 50; i++) step(); // warm up the JIT
  const best = steps.map(() => 0);
  const rounds = 8;
  for (let r = 0; r < rounds; r++) {
    steps.forEach((step, i) => {
      best[i] = Math.max(best[i], round(step, (seconds * 1000) / rounds / steps.length));
    });
  }
  return best;
}

function problem(points: number) {
  const r = rng(7);
  const x = rand([points, 1], r, { low: -1, high: 1 });
  const y = tensor(
    x.data.map((v) => Math.sin(Math.PI * v)),
    { shape: [points, 1] },
  );
  return { x, y };
}

const seconds = Number(process.env.BENCH_SECONDS ?? 2);
for (const [sizes, points] of [
  [[1, 3, 1], 50],
  [[1, 64, 64, 1], 256],
] as const) {
  const { x, y } = problem(points);
  const lib = makeNet([...sizes], 1);
  const fused = makeNet([...sizes], 1);
  const [libRate, fusedRate] = race(
    [() => libraryStep(lib, x, y, 0.05), fusedStepper([...sizes], fused, x, y, 0.05)],
    seconds,
  ) as [number, number];
  console.log(
    `${sizes.join("-")} on ${points} points: library ${libRate.toFixed(0)} steps per CPU-second, ` +
      `hand-fused ${fusedRate.toFixed(0)} (ratio ${(fusedRate / libRate).toFixed(2)})`,
  );
}

// Heap growth: 100,000 library steps of the small net, garbage collected before and after.
if (process.env.BENCH_HEAP !== "0") {
  const gc = (globalThis as { gc?: () => void }).gc;
  const { x, y } = problem(50);
  const params = makeNet([1, 3, 1], 2);
  for (let i = 0; i < 1000; i++) libraryStep(params, x, y, 0.05);
  gc?.();
  const before = process.memoryUsage();
  for (let i = 0; i < 100_000; i++) libraryStep(params, x, y, 0.05);
  gc?.();
  const after = process.memoryUsage();
  const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
  console.log(
    `growth over 100,000 steps: heap ${kib(after.heapUsed - before.heapUsed)}, ` +
      `array buffers ${kib(after.arrayBuffers - before.arrayBuffers)}` +
      (gc ? "" : " (run with --expose-gc for a settled figure)"),
  );
}
