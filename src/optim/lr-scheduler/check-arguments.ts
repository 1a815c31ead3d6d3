// The checks every schedule makes of its arguments, with one message: the schedule as the user
// wrote it (lrScheduler.StepLR), what it expected, and the value found, quoted when a string.
import { describeValue, showValue } from "../../tensor/index.ts";
import type { Optimizer } from "../optimizer.ts";

/** `optimizer` if it has parameter groups, else a message naming the schedule. */
export function checkOptimizer(op: string, optimizer: unknown): Optimizer {
  const groups = (optimizer as Optimizer | null | undefined)?.paramGroups;
  if (!Array.isArray(groups)) {
    throw new Error(
      `${op}: expected an optimiser such as new optim.SGD(model.parameters(), { lr: 0.1 }) as the first argument, found ${describeValue(optimizer)}`,
    );
  }
  return optimizer as Optimizer;
}

const RULES = {
  "a positive integer": (v: number) => Number.isInteger(v) && v > 0,
  "an integer ≥ 0": (v: number) => Number.isInteger(v) && v >= 0,
  "a number > 0": (v: number) => v > 0 && v < Infinity,
  "a number ≥ 0": (v: number) => v >= 0 && v < Infinity,
  "a number in [0, 1)": (v: number) => v >= 0 && v < 1,
} as const;

/** `value` if it is a number of the kind named by `rule`, else a message naming the schedule. */
export function checkArgument(
  op: string,
  label: string,
  value: unknown,
  rule: keyof typeof RULES,
): number {
  if (typeof value !== "number" || !RULES[rule](value)) {
    throw new Error(`${op}: ${label} must be ${rule}, found ${showValue(value)}`);
  }
  return value;
}
