import type { Tensor, TensorLike } from "../tensor/index.ts";
import { type ConvLayerOptions, checkSizeArgument, convParameters } from "./conv-layer.ts";
import { conv1d } from "./functional/index.ts";
import { Module } from "./module.ts";

/** Options of `nn.Conv1d`. */
export interface Conv1dLayerOptions extends ConvLayerOptions {
  /** Step between windows (default 1). */
  stride?: number;
  /** Zeros at both ends (default 0). */
  padding?: number;
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
    checkSizeArgument("nn.Conv1d", "kernelSize", kernelSize, 1);
    this.stride = checkSizeArgument("nn.Conv1d", "stride", options.stride ?? 1, 1);
    this.padding = checkSizeArgument("nn.Conv1d", "padding", options.padding ?? 0, 0);
    const { weight, bias } = convParameters(
      "nn.Conv1d",
      inChannels,
      outChannels,
      [kernelSize],
      options,
    );
    this.weight = this.registerParameter("weight", weight);
    this.bias = bias && this.registerParameter("bias", bias);
  }

  forward(x: TensorLike): Tensor {
    return conv1d(x, this.weight, this.bias, { stride: this.stride, padding: this.padding });
  }

  override get typeName(): string {
    return "Conv1d";
  }

  override extraRepr(): string {
    return (
      `${this.inChannels}, ${this.outChannels}, kernelSize=${this.kernelSize}, ` +
      `stride=${this.stride}, padding=${this.padding}, bias=${this.bias !== null}`
    );
  }
}
