// The digits CNN's part of bench:tensor: a run in Node (epochs timed by this process's CPU
// time and by wall clock), and the lines that report it and the Chromium run against the target.
import {
  accuracyWithinBudget,
  CNN_TARGET,
  type CnnReport,
  digitsCnn,
  timeToTarget,
} from "./digits-cnn.ts";

const cpuNow = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The CNN in Node: `epochs` epochs, or fewer once the CPU time passes `budgetMs`. */
export async function nodeCnn(epochs: number, budgetMs: number): Promise<CnnReport> {
  const run = await digitsCnn();
  const report: CnnReport = {
    cpuMs: [],
    wallMs: [],
    accuracies: [],
    trainSize: run.trainSize,
    testSize: run.testSize,
  };
  let total = 0;
  while (report.cpuMs.length < epochs && total <= budgetMs) {
    const before = cpuNow();
    report.wallMs.push(await run.epoch(0));
    const cpu = cpuNow() - before;
    total += cpu;
    report.cpuMs.push(cpu);
    report.accuracies.push(run.accuracy());
  }
  return report;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms: number | null): string =>
  ms === null ? "never" : `${(ms / 1000).toFixed(1)} s`;
const percent = (a: number): string => `${(100 * a).toFixed(1)}%`;

/** One line per run: epoch time, accuracy per epoch, time to the target, the verdict. */
export function cnnLines(where: string, r: CnnReport | null): string[] {
  if (r === null) return [`${where}: Chromium not found, skipped`];
  const within = accuracyWithinBudget(r, r.cpuMs);
  const met = within >= CNN_TARGET.accuracy;
  return [
    `${where.padEnd(9)} epoch ${median(r.cpuMs).toFixed(0)} ms CPU / ${median(r.wallMs).toFixed(0)} ms wall (median of ${r.cpuMs.length}); ` +
      `test accuracy by epoch ${r.accuracies.map(percent).join(" ")}`,
    `${"".padEnd(9)} ≥ ${percent(CNN_TARGET.accuracy)} after ${seconds(timeToTarget(r, r.cpuMs))} CPU (${seconds(timeToTarget(r, r.wallMs))} wall); ` +
      `accuracy within ${CNN_TARGET.seconds} s CPU ${percent(within)} — target ≥ ${percent(CNN_TARGET.accuracy)} within ${CNN_TARGET.seconds} s ${met ? "met" : "MISSED"}`,
  ];
}
