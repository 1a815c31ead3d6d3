// The bench's LeNet-style network on data.digits(): conv 1→8 3×3, pool, conv 8→16 3×3, pool,
// linear → 10, trained by mini-batch Adam (batch 32, lr 0.01) on a seeded 80/20 split, one epoch
// per call, as a page trains it: a few milliseconds of batches, then back to the event loop. The
// same code runs in Node and, bundled, in Chromium; the caller times each epoch from outside
// (CPU time) and asks for the test accuracy after it.
import { data, F, nn, optim } from "../../../src/core.ts";

/** One training run, an epoch at a time. */
export interface DigitsCnn {
  /** Trains one epoch, yielding to the event loop every `frameMs` (0: never); wall ms taken. */
  epoch(frameMs: number): Promise<number>;
  /** Share of the held-out images classified right. */
  accuracy(): number;
  trainSize: number;
  testSize: number;
}

/** The network, seeded so every run starts from the same weights. */
export function lenet(): nn.Sequential {
  return new nn.Sequential(
    new nn.Conv2d(1, 8, 3, { padding: 1, seed: 0 }), // [N, 8, 8, 8]
    new nn.ReLU(),
    new nn.MaxPool2d(2), // [N, 8, 4, 4]
    new nn.Conv2d(8, 16, 3, { padding: 1, seed: 1 }), // [N, 16, 4, 4]
    new nn.ReLU(),
    new nn.MaxPool2d(2), // [N, 16, 2, 2]
    new nn.Flatten(), // [N, 64]
    new nn.Linear(64, 10, { seed: 2 }),
  );
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A fresh run: the data loaded and split, the network and optimiser built. */
export async function digitsCnn(): Promise<DigitsCnn> {
  const digits = await data.digits();
  const all = new data.TensorDataset(digits.images, digits.y);
  const [train, test] = data.randomSplit(all, [0.8, 0.2], { seed: 0 });
  const [xTest, yTest] = test.getBatch(test.indices.map((_, i) => i));
  const model = lenet();
  const optimizer = new optim.Adam(model.parameters(), { lr: 0.01 });
  const loader = new data.DataLoader(train, { batchSize: 32, shuffle: true, seed: 0 });
  return {
    trainSize: train.length,
    testSize: test.length,
    async epoch(frameMs) {
      const start = performance.now();
      let frame = start;
      for (const [xb, yb] of loader) {
        optimizer.zeroGrad();
        F.crossEntropy(model.call(xb), yb).backward();
        optimizer.step();
        if (frameMs > 0 && performance.now() - frame >= frameMs) {
          await nextTask();
          frame = performance.now();
        }
      }
      return performance.now() - start;
    },
    accuracy() {
      model.eval();
      const predicted = model.call(xTest).argmax(1).data;
      model.train();
      let right = 0;
      for (let i = 0; i < predicted.length; i++) if (predicted[i] === yTest.data[i]) right++;
      return right / predicted.length;
    },
  };
}

/** Epoch times and accuracies of a run, and what they say against the target. */
export interface CnnReport {
  /** CPU and wall-clock milliseconds of each epoch. */
  cpuMs: number[];
  wallMs: number[];
  /** Test accuracy after each epoch. */
  accuracies: number[];
  trainSize: number;
  testSize: number;
}

/** CNN target: this test accuracy within this many seconds of training. */
export const CNN_TARGET = { accuracy: 0.95, seconds: 20 };
/** Epochs of a run: past the budget on any machine the bench is meant for. */
export const CNN_EPOCHS = 12;

/** The first epoch's cumulative time at which the accuracy reached the target, or null. */
export function timeToTarget(report: CnnReport, times: number[]): number | null {
  let total = 0;
  for (const [k, ms] of times.entries()) {
    total += ms;
    if (report.accuracies[k] >= CNN_TARGET.accuracy) return total;
  }
  return null;
}

/** Accuracy after the last epoch that ends within the budget (0 if none does). */
export function accuracyWithinBudget(report: CnnReport, times: number[]): number {
  let total = 0;
  let acc = 0;
  for (const [k, ms] of times.entries()) {
    total += ms;
    if (total > CNN_TARGET.seconds * 1000) break;
    acc = report.accuracies[k];
  }
  return acc;
}
