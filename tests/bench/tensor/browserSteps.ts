// Runs in Chromium (bundled by browser.ts): the library's training step and the hand-fused one,
// the way a notebook cell trains — a few milliseconds of steps, then back to the event loop (a
// cell yields once per animation frame), so whatever the page does between tasks (garbage
// collection, FinalizationRegistry callbacks) happens as it would in a cell. browser.ts times
// each window from outside, by the renderer's CPU time as well as by wall clock.
import { data, F, nn, optim } from "../../../src/core.ts";
import { type DigitsCnn, digitsCnn } from "./digits-cnn.ts";
import { handFusedTrainer } from "./handFused.ts";

/** One case of the bench, as the page receives it. */
export interface BrowserCase {
  sizes: number[];
  n: number;
  lr: number;
}

/** The page's side: set up the trainers of every case, then run timed windows of one. */
export interface BrowserBench {
  setUp(cases: BrowserCase[]): void;
  /** Steps `which` of case `c` for about `ms` milliseconds; returns the steps and the time. */
  window(c: number, which: "library" | "fused", ms: number): Promise<{ steps: number; ms: number }>;
  /** The digits CNN: a fresh run, one epoch (yielding every `frameMs`), its test accuracy. */
  cnnSetUp(): Promise<{ trainSize: number; testSize: number }>;
  cnnEpoch(frameMs: number): Promise<number>;
  cnnAccuracy(): number;
}

let cnn: DigitsCnn | null = null;

const trainers: { library: () => number; fused: () => number }[] = [];

/** Work per turn of the event loop: about what a cell does in one animation frame. */
const FRAME_MS = 8;

/** Resolves in a task of its own, right after anything already queued (no timer clamping). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

function trainersOf(c: BrowserCase) {
  const { x, y } = data.bishop("sin", { n: c.n, seed: 0 });
  const model = new nn.MLP(c.sizes, { activation: "tanh", seed: 0, init: "xavierNormal" });
  const optimizer = new optim.SGD(model.parameters(), { lr: c.lr });
  const library = (): number => {
    optimizer.zeroGrad();
    const loss = F.mseLoss(model.forward(x), y);
    loss.backward();
    optimizer.step();
    return loss.data[0];
  };
  const weights = {
    sizes: model.sizes,
    W: model.layers.map((l) => l.weight.data),
    b: model.layers.map((l) => l.bias?.data ?? new Float64Array(l.outFeatures)),
  };
  const xs = Float64Array.from(data.bishop("sin", { n: c.n, seed: 0 }).xs);
  const fused = handFusedTrainer(
    weights,
    xs,
    xs.map((v) => Math.sin(Math.PI * v)),
    c.lr,
  );
  return { library, fused: fused.step };
}

const bench: BrowserBench = {
  setUp(cases) {
    trainers.length = 0;
    for (const c of cases) trainers.push(trainersOf(c));
  },
  async window(c, which, ms) {
    const step = trainers[c][which];
    const start = performance.now();
    let steps = 0;
    while (performance.now() - start < ms) {
      const frame = performance.now();
      while (performance.now() - frame < FRAME_MS) {
        step();
        steps++;
      }
      await nextTask();
    }
    return { steps, ms: performance.now() - start };
  },
  async cnnSetUp() {
    cnn = await digitsCnn();
    return { trainSize: cnn.trainSize, testSize: cnn.testSize };
  },
  cnnEpoch(frameMs) {
    if (!cnn) throw new Error("cnnSetUp() first");
    return cnn.epoch(frameMs);
  },
  cnnAccuracy() {
    if (!cnn) throw new Error("cnnSetUp() first");
    return cnn.accuracy();
  },
};

(globalThis as { tensorBench?: BrowserBench }).tensorBench = bench;
