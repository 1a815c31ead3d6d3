import { type Tensor, type TensorLike, zeros as zerosTensor } from "../tensor/index.ts";
import { conv1d } from "./functional/index.ts";
import { layerRng, type RandomOptions } from "./layer-rng.ts";
import { type InitScheme, initialise } from "./linear.ts";
import { Module } from "./module.ts";
import { showValue } from "./show-value.ts";

/** Options of `nn.Conv1d`. */
export interface Conv1dLayerOptions extends RandomOptions {
  /** Step between windows (default 1). */
  stride?: number;
  /** Zeros at both ends (default 0). */
  padding?: number;
  /** One bias per filter (default true). */
  bias?: boolean;
  /** Weight initialisation (default PyTorch's U(−1/√fanIn, 1/√fanIn), fanIn = in·k). */
  init?: InitScheme;
}

/**
 * `new nn.Conv1d(inChannels, outChannels, kernelSize, options)`: `outChannels` filters of
 * shape [inChannels, k] slid along a batch of sequences [N, C, L] (torch.nn.Conv1d). Weights
 * are drawn as for `nn.Linear` (`rng`, else `seed`, else the default generator).
 */
export class Conv1d extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor | null;
  readonly stride: number;
  readonly padding: number;

  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    readonly kernelSize: number,
    options: Conv1dLayerOptions = {},
  ) {
    super();
    this.stride = options.stride ?? 1;
    this.padding = options.padding ?? 0;
    for (const [label, v, min] of [
      ["inChannels", inChannels, 1],
      ["outChannels", outChannels, 1],
      ["kernelSize", kernelSize, 1],
      ["stride", this.stride, 1],
      ["padding", this.padding, 0],
    ] as const) {
      if (!Number.isInteger(v) || v < min) {
        const what = min === 1 ? "a positive integer" : "an integer ≥ 0";
        throw new Error(`nn.Conv1d: ${label} must be ${what}, found ${showValue(v)}`);
      }
    }
    this.weight = zerosTensor([outChannels, inChannels, kernelSize], {
      requiresGrad: true,
      name: "K",
    });
    this.bias =
      options.bias === false ? null : zerosTensor([outChannels], { requiresGrad: true, name: "b" });
    initialise(
      options.init ?? "default",
      this.weight,
      this.bias,
      layerRng("nn.Conv1d", options),
      "nn.Conv1d",
    );
    this.registerParameter("weight", this.weight);
    if (this.bias) this.registerParameter("bias", this.bias);
  }

  forward(x: TensorLike): Tensor {
    return conv1d(x, this.weight, this.bias, { stride: this.stride, padding: this.padding });
  }
}
