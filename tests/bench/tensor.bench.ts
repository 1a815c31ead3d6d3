// npm run bench:tensor — full-batch gradient steps per second (forward, MSE, backward, SGD
// update) of this library against a hand-fused allocation-free loop and TF.js on its CPU
// backend, on (1) a 1-3-1 tanh net with 50 points and (2) a 1-64-64-1 tanh net with 256
// points, per CPU-second and per wall-clock second; the same two steps in headless Chromium,
// where cells train; a LeNet-style CNN on data.digits() in both, epoch times and the test
// accuracy within 20 s of training; then the memory of many library steps of each (V8's heap, and the typed
// arrays' backing stores outside it). One process, one table.
import { availableParallelism, loadavg } from "node:os";
import { data, F, nn, optim } from "../../src/index.ts";
import { browserCnn, browserRates } from "./tensor/browser.ts";
import { cnnLines, nodeCnn } from "./tensor/cnn-lines.ts";
import { CNN_EPOCHS, CNN_TARGET } from "./tensor/digits-cnn.ts";
import { type FusedTrainer, handFusedTrainer, type MlpWeights } from "./tensor/handFused.ts";
import { loadTfjs } from "./tensor/loadTfjs.ts";
import { describeGrowth, memoryGrowth, noGrowth } from "./tensor/memory.ts";
import { tfjsTrainer } from "./tensor/tfjsTrainer.ts";

interface Case {
  label: string;
  sizes: number[];
  n: number;
  lr: number;
  /** Targets from the issue: library ≥ this × TF.js, and within this factor of hand-fused. */
  vsTf: number;
  vsFused: number;
  /** Library steps of the memory check (100,000 for the small net, as the issue asks). */
  memorySteps: number;
}

const CASES: Case[] = [
  {
    label: "(1) 1-3-1 tanh, 50 points",
    sizes: [1, 3, 1],
    n: 50,
    lr: 0.1,
    vsTf: 10,
    vsFused: 3,
    memorySteps: 100_000,
  },
  {
    label: "(2) 1-64-64-1 tanh, 256 points",
    sizes: [1, 64, 64, 1],
    n: 256,
    lr: 0.05,
    vsTf: 1,
    vsFused: 1.5,
    memorySteps: 3_000, // about 20 s: a leak of even a few bytes per step would show
  },
];
const WARMUP_MS = 500;
const WINDOW_MS = 500;
const WINDOWS = 5; // the median of five windows shrugs off an unlucky pause or a busy neighbour

/** The library's step, written as a student would: MLP, mseLoss, backward, SGD. */
function libraryTrainer(c: Case): FusedTrainer & { model: nn.MLP } {
  const { x, y } = data.bishop("sin", { n: c.n, seed: 0 });
  const model = new nn.MLP(c.sizes, { activation: "tanh", seed: 0, init: "xavierNormal" });
  const optimizer = new optim.SGD(model.parameters(), { lr: c.lr });
  const step = (): number => {
    optimizer.zeroGrad();
    const loss = F.mseLoss(model.forward(x), y);
    loss.backward();
    optimizer.step();
    return loss.data[0];
  };
  return { step, weights: weightsOf(model), model };
}

function weightsOf(model: nn.MLP): MlpWeights {
  return {
    sizes: model.sizes,
    W: model.layers.map((l) => l.weight.data),
    b: model.layers.map((l) => l.bias?.data ?? new Float64Array(l.outFeatures)),
  };
}

/** CPU time of this process in milliseconds (user + system). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Steps per second over one window, by CPU time and by wall-clock time. */
interface Rate {
  cpu: number;
  wall: number;
}

/**
 * Steps per second over one window of about `ms` milliseconds of CPU time. CPU time is what
 * the targets use: on a shared machine other processes steal wall time unevenly, CPU time they
 * do not. Wall-clock time is what a reader waiting for a cell sees; it is reported beside it.
 */
function rate(step: () => number, ms: number): Rate {
  const start = cpuMs();
  const wallStart = performance.now();
  let steps = 0;
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 8; i++) step();
    steps += 8;
    now = cpuMs();
  }
  const wall = performance.now() - wallStart;
  return { cpu: (steps * 1000) / (now - start), wall: (steps * 1000) / wall };
}

const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Steps per second of each trainer: all warm up, then they take turns, one window each per
 * round, so a burst of load on the machine hits them alike; each reports its median window.
 */
function measure(steps: (() => number)[]): Rate[] {
  for (const step of steps) rate(step, WARMUP_MS);
  const windows = steps.map((): Rate[] => []);
  for (let round = 0; round < WINDOWS; round++) {
    steps.forEach((step, i) => {
      windows[i].push(rate(step, WINDOW_MS));
    });
  }
  return windows.map((w) => ({
    cpu: median(w.map((r) => r.cpu)),
    wall: median(w.map((r) => r.wall)),
  }));
}

const fmt = (v: number) => (v >= 100 ? Math.round(v).toLocaleString("en") : v.toFixed(1));
const pad = (s: string, w: number) => s.padStart(w);
const both = (r: Rate) => `${fmt(r.cpu)} / ${fmt(r.wall)}`;

async function main(): Promise<void> {
  const tf = await loadTfjs();
  const t0 = performance.now();
  const lines: string[] = [];
  const verdicts: string[] = [];
  lines.push(
    `${"case".padEnd(32)}${pad("library", 19)}${pad("hand-fused", 20)}${pad("TF.js cpu", 16)}` +
      `${pad("lib/TF", 9)}${pad("fused/lib", 11)}   targets (CPU time)`,
  );
  for (const c of CASES) {
    const lib = libraryTrainer(c);
    const start = lib.weights;
    const x = Float64Array.from(data.bishop("sin", { n: c.n, seed: 0 }).xs);
    const t = x.map((v) => Math.sin(Math.PI * v));
    const fused = handFusedTrainer(start, x, t, c.lr);
    const tfj = tfjsTrainer(tf, start, x, t, c.lr);
    // The three must compute the same step: compare their losses over the first steps.
    let drift = 0;
    let drift32 = 0;
    for (let i = 0; i < 5; i++) {
      const [a, b, d] = [lib.step(), fused.step(), tfj.step()];
      drift = Math.max(drift, Math.abs(a - b) / Math.abs(b));
      drift32 = Math.max(drift32, Math.abs(a - d) / Math.abs(b));
    }
    if (drift > 1e-9)
      throw new Error(`${c.label}: library and hand-fused losses differ by ${drift}`);
    if (drift32 > 1e-3)
      throw new Error(`${c.label}: library and TF.js losses differ by ${drift32}`);
    const tensorsBefore = tf.memory().numTensors;
    const [rLib, rFused, rTf] = measure([lib.step, fused.step, tfj.step]);
    const tfLeak = tf.memory().numTensors - tensorsBefore;
    tfj.dispose();
    const vsTf = rLib.cpu / rTf.cpu;
    const vsFused = rFused.cpu / rLib.cpu;
    const okTf = vsTf >= c.vsTf;
    const okFused = vsFused <= c.vsFused;
    lines.push(
      `${c.label.padEnd(32)}${pad(both(rLib), 19)}${pad(both(rFused), 20)}${pad(both(rTf), 16)}` +
        `${pad(`${vsTf.toFixed(1)}×`, 9)}${pad(`${vsFused.toFixed(2)}×`, 11)}   ` +
        `lib/TF ≥ ${c.vsTf}× ${okTf ? "met" : "MISSED"}, fused/lib ≤ ${c.vsFused}× ${okFused ? "met" : "MISSED"}`,
    );
    if (tfLeak !== 0) verdicts.push(`${c.label}: TF.js left ${tfLeak} tensors behind`);
  }
  const inBrowser = await browserRates(CASES.map(({ sizes, n, lr }) => ({ sizes, n, lr })));
  const browserLines = inBrowser
    ? CASES.map((c, i) => {
        const { library, fused } = inBrowser[i];
        const ratio = fused.cpu / library.cpu;
        return (
          `${c.label.padEnd(32)}${pad(both(library), 19)}${pad(both(fused), 20)}` +
          `${pad("", 16)}${pad("", 9)}${pad(`${ratio.toFixed(2)}×`, 11)}   ` +
          `fused/lib ≤ ${c.vsFused}× ${ratio <= c.vsFused ? "met" : "MISSED"}`
        );
      })
    : ["(Chromium not found: the browser rows are skipped)"];
  const budget = CNN_TARGET.seconds * 1000;
  const cnn = [
    ...cnnLines("Node", await nodeCnn(CNN_EPOCHS, budget)),
    ...cnnLines("Chromium", await browserCnn(CNN_EPOCHS, budget)),
  ];
  const memory: string[] = [];
  for (const c of CASES) {
    const m = await memoryGrowth(libraryTrainer(c).step, c.memorySteps);
    memory.push(
      m
        ? `memory over ${m.steps.toLocaleString("en")} library steps of ${c.label.slice(0, 3)}, after gc: ` +
            `${describeGrowth(m)} — target no growth ${noGrowth(m) ? "met" : "MISSED"}`
        : "memory: run with node --expose-gc (npm run bench:tensor does) to measure it",
    );
  }
  console.log(
    "Full-batch gradient steps per second (forward, MSE, backward, SGD update), " +
      "per CPU-second / per wall-clock second\n",
  );
  console.log(lines.join("\n"));
  console.log(
    `\nThe same steps in headless Chromium${inBrowser ? ` ${inBrowser[0].version}` : ""}, ` +
      "per CPU-second of its main thread / per wall-clock second:",
  );
  console.log(browserLines.join("\n"));
  console.log(
    "\nLeNet-style CNN on data.digits() (conv 1→8 3×3, pool, conv 8→16 3×3, pool, linear → 10; " +
      "Adam lr 0.01, batch 32, 80/20 split), epochs timed by CPU and wall clock, accuracy on the held-out 20%:",
  );
  console.log(cnn.join("\n"));
  console.log(`\n${memory.join("\n")}`);
  for (const v of verdicts) console.log(v);
  console.log(
    `\nnode ${process.version}, ${((performance.now() - t0) / 1000).toFixed(0)} s wall, load average ` +
      `${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores; library and hand-fused in Float64, ` +
      "TF.js in Float32 (production mode)",
  );
}

await main();
