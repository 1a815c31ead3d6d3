// What nn.Conv1d and nn.Conv2d share: their sizes checked with one message, and their weight
// [out, in, ...kernel] and bias [out] made and initialised as nn.Linear's are.
import { showValue, type Tensor, zeros } from "../tensor/index.ts";
import { layerRng, type RandomOptions } from "./layer-rng.ts";
import { type InitScheme, initialise } from "./linear.ts";

/** Options every convolution layer takes. */
export interface ConvLayerOptions extends RandomOptions {
  /** One bias per filter (default true). */
  bias?: boolean;
  /** Weight initialisation (default PyTorch's U(−1/√fanIn, 1/√fanIn), fanIn = in · kernel size). */
  init?: InitScheme;
}

/** `v` if it is an integer ≥ `min` (1: a positive integer), else a message naming the layer. */
export function checkSizeArgument(layer: string, label: string, v: unknown, min: 0 | 1): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min) {
    const what = min === 1 ? "a positive integer" : "an integer ≥ 0";
    throw new Error(`${layer}: ${label} must be ${what}, found ${showValue(v)}`);
  }
  return v;
}

/** The checked channel counts' weight [out, in, ...kernel] ("K") and bias [out] ("b"). */
export function convParameters(
  layer: string,
  inChannels: number,
  outChannels: number,
  kernel: readonly number[],
  options: ConvLayerOptions,
): { weight: Tensor; bias: Tensor | null } {
  checkSizeArgument(layer, "inChannels", inChannels, 1);
  checkSizeArgument(layer, "outChannels", outChannels, 1);
  const weight = zeros([outChannels, inChannels, ...kernel], { requiresGrad: true, name: "K" });
  const bias =
    options.bias === false ? null : zeros([outChannels], { requiresGrad: true, name: "b" });
  initialise(options.init ?? "default", weight, bias, layerRng(layer, options), layer);
  return { weight, bias };
}
