import type { Tensor, TensorLike } from "../tensor/index.ts";
import { type ConvLayerOptions, convParameters } from "./conv-layer.ts";
import { conv2d } from "./functional/index.ts";
import { Module } from "./module.ts";
import { pair } from "./pair.ts";

/** Options of `nn.Conv2d`. */
export interface Conv2dLayerOptions extends ConvLayerOptions {
  /** Step between windows (default 1). */
  stride?: number | readonly [number, number];
  /** Zeros around the image (default 0). */
  padding?: number | readonly [number, number];
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
  readonly kernelSize: readonly [number, number];
  readonly stride: readonly [number, number];
  readonly padding: readonly [number, number];

  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    kernelSize: number | readonly [number, number],
    options: Conv2dLayerOptions = {},
  ) {
    super();
    this.kernelSize = pair("nn.Conv2d", "kernelSize", kernelSize, 1);
    this.stride = pair("nn.Conv2d", "stride", options.stride ?? 1, 1);
    this.padding = pair("nn.Conv2d", "padding", options.padding ?? 0, 0);
    const { weight, bias } = convParameters(
      "nn.Conv2d",
      inChannels,
      outChannels,
      this.kernelSize,
      options,
    );
    this.weight = this.registerParameter("weight", weight);
    this.bias = bias && this.registerParameter("bias", bias);
  }

  forward(x: TensorLike): Tensor {
    return conv2d(x, this.weight, this.bias, { stride: this.stride, padding: this.padding });
  }

  override get typeName(): string {
    return "Conv2d";
  }

  override extraRepr(): string {
    const show = ([a, b]: readonly [number, number]) => `[${a}, ${b}]`;
    return (
      `${this.inChannels}, ${this.outChannels}, kernelSize=${show(this.kernelSize)}, ` +
      `stride=${show(this.stride)}, padding=${show(this.padding)}, bias=${this.bias !== null}`
    );
  }
}
