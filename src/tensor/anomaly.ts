// A NaN or Infinity usually surfaces far from where it was made. Inside `detectAnomaly`
// every op checks its output (and every vjp its gradient) and the first one that turns finite
// inputs into a non-finite value throws, naming the op and the shapes.
import { expectFunction, withAnomalyDetection } from "./grad-mode.ts";

/**
 * Runs `fn` with every op checking its result for NaN and ±Infinity (slower: use it to hunt
 * a bug). Throws an AnomalyError such as
 * `log (forward): produced -Infinity at flat index 3 of its output [2,2] from finite inputs of shapes [2,2]`.
 */
export function detectAnomaly<T>(fn: () => T): T {
  expectFunction("detectAnomaly", fn, "detectAnomaly(() => loss.backward())");
  return withAnomalyDetection(fn);
}
