import { type Tensor, type TensorLike, zeros as zerosTensor } from "../tensor/index.ts";
import { conv2d } from "./functional/index.ts";
import { layerRng, type RandomOptions } from "./layer-rng.ts";
import { type InitScheme, initialise } from "./linear.ts";
import { Module } from "./module.ts";
import { pair } from "./pair.ts";
import { showValue } from "./show-value.ts";

/** Options of `nn.Conv2d`. */
export interface Conv2dLayerOptions extends RandomOptions {
  /** Step between windows (default 1). */
  stride?: number | readonly [number, number];
  /** Zeros around the image (default 0). */
  padding?: number | readonly [number, number];
  /** One bias per filter (default true). */
  bias?: boolean;
  /** Weight initialisation (default PyTorch's U(−1/√fanIn, 1/√fanIn), fanIn = in·kh·kw). */
  init?: InitScheme;
}

/**
 * `new nn.Conv2d(inChannels, outChannels, kernelSize, options)`: `outChannels` filters of
 * shape [inChannels, kh, kw], slid over an [N, C, H, W] batch (torch.nn.Conv2d). Weight sharing
 * makes the count small: three 5×5 filters on a grey image are 3·25 weights and 3 biases.
 * The first weights are drawn as for `nn.Linear` (`rng`, else `seed`, else the default generator).
 */
export class Conv2d extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor | null;
  readonly stride: readonly [number, number];
  readonly padding: readonly [number, number];

  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    kernelSize: number | readonly [number, number],
    options: Conv2dLayerOptions = {},
  ) {
    super();
    const [kh, kw] = pair("nn.Conv2d", "kernelSize", kernelSize, 1);
    this.stride = pair("nn.Conv2d", "stride", options.stride ?? 1, 1);
    this.padding = pair("nn.Conv2d", "padding", options.padding ?? 0, 0);
    for (const [label, v] of [
      ["inChannels", inChannels],
      ["outChannels", outChannels],
    ] as const) {
      if (!Number.isInteger(v) || v < 1)
        throw new Error(`nn.Conv2d: ${label} must be a positive integer, found ${showValue(v)}`);
    }
    this.weight = zerosTensor([outChannels, inChannels, kh, kw], { requiresGrad: true, name: "K" });
    this.bias =
      options.bias === false ? null : zerosTensor([outChannels], { requiresGrad: true, name: "b" });
    initialise(
      options.init ?? "default",
      this.weight,
      this.bias,
      layerRng("nn.Conv2d", options),
      "nn.Conv2d",
    );
    this.registerParameter("weight", this.weight);
    if (this.bias) this.registerParameter("bias", this.bias);
  }

  forward(x: TensorLike): Tensor {
    return conv2d(x, this.weight, this.bias, { stride: this.stride, padding: this.padding });
  }
}
