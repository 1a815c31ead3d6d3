// Where a layer draws its random numbers (initial weights, dropout masks), as in PyTorch: from
// the default generator unless told otherwise. `{ seed }` gives the layer a generator of its own,
// `rng(seed)`, so it replays exactly whatever else the page draws; `{ rng }` shares one.
import { expectNumber } from "../tensor/arguments.ts";
import { defaultGenerator, type Rng, resolveRng, rng } from "../tensor/rng.ts";

/** The random-number options every layer with randomness accepts. */
export interface RandomOptions {
  /** Generator to draw from (wins over `seed`). */
  rng?: Rng;
  /**
   * Seed of a generator of the layer's own, for a layer that must replay exactly. Without
   * `rng` or `seed` the layer draws from the default generator (see `manualSeed`).
   */
  seed?: number;
}

/** The generator a layer named `layer` draws from, given its options. */
export function layerRng(layer: string, options: RandomOptions): Rng {
  if (options.rng !== undefined)
    return resolveRng(layer, options.rng, `new ${layer}(…, { rng: rng(0) })`);
  if (options.seed !== undefined) return rng(expectNumber(layer, "seed", options.seed));
  return defaultGenerator;
}
