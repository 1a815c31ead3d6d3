// The engine's switches: whether ops record the graph (PyTorch's torch.no_grad), whether they
// check for NaN (detectAnomaly), and which forward-mode level is running (jvp). Each is set only
// around a function call and always restored, even when the function throws.

import { describeValue } from "./arguments.ts";

let enabled = true;

/** Throws unless `fn` is a function, with an example of the call. */
export function expectFunction(op: string, fn: unknown, example: string): void {
  if (typeof fn !== "function") {
    throw new Error(
      `${op}: expected a function to run, e.g. ${example}, found ${describeValue(fn)}`,
    );
  }
}
let anomalyDepth = 0;

/** True while ops record their GradNode. */
export function isGradEnabled(): boolean {
  return enabled;
}

/**
 * Runs `fn` without recording the graph, like `with torch.no_grad():`. Results of ops inside
 * do not require grad, and in-place updates of parameters are allowed.
 */
export function noGrad<T>(fn: () => T): T {
  expectFunction("noGrad", fn, "noGrad(() => w.subInPlace(w.grad, 0.1))");
  const previous = enabled;
  enabled = false;
  try {
    return fn();
  } finally {
    enabled = previous;
  }
}

/** Runs `fn` with recording switched back on (inside a `noGrad`), like torch.enable_grad. */
export function enableGrad<T>(fn: () => T): T {
  expectFunction("enableGrad", fn, "enableGrad(() => x.mul(2))");
  const previous = enabled;
  enabled = true;
  try {
    return fn();
  } finally {
    enabled = previous;
  }
}

/** True while `detectAnomaly` runs: every op checks its output for NaN and Infinity. */
export function isAnomalyEnabled(): boolean {
  return anomalyDepth > 0;
}

/** @internal used by detectAnomaly */
export function withAnomalyDetection<T>(fn: () => T): T {
  anomalyDepth++;
  try {
    return fn();
  } finally {
    anomalyDepth--;
  }
}

// ── forward mode ──────────────────────────────────────────────────────────────────────────
// While `jvp` runs, tensors of the current level carry a tangent and every op pushes it
// through its forward-mode rule. Each jvp call gets a level of its own, so a tangent left on
// a tensor by an earlier call is never mistaken for one of this call.
let forwardLevel = 0;
let levels = 0;

/** The level of the running `jvp`, or 0 when none runs. */
export function currentForwardLevel(): number {
  return forwardLevel;
}

/** @internal runs `fn` as a new forward-mode level (used by jvp); returns fn's value. */
export function withForwardLevel<T>(fn: (level: number) => T): T {
  if (forwardLevel !== 0) {
    throw new Error(
      "jvp: a jvp inside another jvp is not supported — compute the inner derivative first, outside",
    );
  }
  const level = ++levels;
  forwardLevel = level;
  try {
    return fn(level);
  } finally {
    forwardLevel = 0;
  }
}

/** @internal runs `fn` with tangent propagation paused (forward-mode rules call ops too). */
export function pauseForward<T>(fn: () => T): T {
  const previous = forwardLevel;
  forwardLevel = 0;
  try {
    return fn();
  } finally {
    forwardLevel = previous;
  }
}
