import { rng as makeRng, type Rng } from "../tensor/rng.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { dropout } from "./functional/dropout.ts";
import { Module } from "./module.ts";

/**
 * `new nn.Dropout(p, { seed })`: drops units with probability p in training mode (scaling the
 * rest by 1/(1 − p)) and passes everything through after `eval()`.
 */
export class Dropout extends Module {
  private readonly rng: Rng;

  constructor(
    readonly p = 0.5,
    options: { rng?: Rng; seed?: number } = {},
  ) {
    super();
    if (!(p >= 0 && p <= 1))
      throw new Error(`nn.Dropout: p must be a probability in [0, 1], found ${p}`);
    this.rng = options.rng ?? makeRng(options.seed ?? 0);
  }

  forward(x: Tensor): Tensor {
    return dropout(x, this.p, this.training, this.rng);
  }
}
