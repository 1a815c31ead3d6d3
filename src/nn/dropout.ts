import type { Rng, Tensor, TensorLike } from "../tensor/index.ts";
import { showValue } from "../tensor/index.ts";
import { dropout } from "./functional/index.ts";
import { layerRng, type RandomOptions } from "./layer-rng.ts";
import { Module } from "./module.ts";

/**
 * `new nn.Dropout(p, { seed })`: drops units with probability p in training mode (scaling the
 * rest by 1/(1 − p)) and passes everything through after `eval()`. The masks come from
 * `options.rng`, else a generator seeded with `options.seed` (the same masks on every replay),
 * else the default generator — so two Dropout layers drop different units, as in PyTorch.
 */
export class Dropout extends Module {
  private readonly rng: Rng;

  constructor(
    readonly p = 0.5,
    options: RandomOptions = {},
  ) {
    super();
    if (typeof p !== "number" || !(p >= 0 && p <= 1))
      throw new Error(`nn.Dropout: p must be a probability in [0, 1], found ${showValue(p)}`);
    this.rng = layerRng("nn.Dropout", options);
  }

  forward(x: TensorLike): Tensor {
    return dropout(x, this.p, this.training, this.rng);
  }

  override get typeName(): string {
    return "Dropout";
  }

  override extraRepr(): string {
    return `p=${this.p}`;
  }
}
