// The generator the data helpers shuffle with: `rng` if given, else a fresh one from `seed`,
// else the default generator (as torch.utils.data does without a generator).
import {
  defaultGenerator,
  describeValue,
  expectNumber,
  type Rng,
  resolveRng,
  rng,
} from "../tensor/index.ts";

export function splitRng(op: string, options: { rng?: Rng; seed?: number }): Rng {
  if (typeof options !== "object" || options === null) {
    throw new Error(`${op}: expected options such as { seed: 0 }, found ${describeValue(options)}`);
  }
  if (options.rng !== undefined) return resolveRng(op, options.rng, `{ rng: rng(0) }`);
  if (options.seed !== undefined) return rng(expectNumber(op, "seed", options.seed));
  return defaultGenerator;
}
