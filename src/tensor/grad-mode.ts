// Whether ops record the graph. PyTorch keeps the same switch (torch.no_grad); it is the one
// piece of module state the engine has, and `noGrad` always restores it.

let enabled = true;
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
