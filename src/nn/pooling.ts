// Pooling and flattening layers, so a LeNet-style network reads as one nn.Sequential.
import { type Tensor, type TensorLike, toTensor } from "../tensor/index.ts";
import { avgPool2d, maxPool2d, type Pool2dOptions } from "./functional/index.ts";
import { Module } from "./module.ts";

/** `new nn.MaxPool2d(2)`: the largest value of each window (stride defaults to the window). */
export class MaxPool2d extends Module {
  constructor(
    readonly kernelSize: number | readonly [number, number],
    readonly options: Pool2dOptions = {},
  ) {
    super();
  }

  forward(x: TensorLike): Tensor {
    return maxPool2d(x, this.kernelSize, this.options);
  }

  override get typeName(): string {
    return "MaxPool2d";
  }

  override extraRepr(): string {
    return poolRepr(this.kernelSize, this.options);
  }
}

/** `new nn.AvgPool2d(2)`: the mean of each window. */
export class AvgPool2d extends Module {
  constructor(
    readonly kernelSize: number | readonly [number, number],
    readonly options: Pool2dOptions = {},
  ) {
    super();
  }

  forward(x: TensorLike): Tensor {
    return avgPool2d(x, this.kernelSize, this.options);
  }

  override get typeName(): string {
    return "AvgPool2d";
  }

  override extraRepr(): string {
    return poolRepr(this.kernelSize, this.options);
  }
}

/** `new nn.Flatten()`: [N, C, H, W] → [N, C·H·W], the step from feature maps to dense layers. */
export class Flatten extends Module {
  forward(input: TensorLike): Tensor {
    const x = toTensor(input, "nn.Flatten", "the input");
    const n = x.shape[0] ?? 1;
    return x.reshape([n, n === 0 ? 0 : x.data.length / n]);
  }

  override get typeName(): string {
    return "Flatten";
  }
}

/** `kernelSize=2, stride=2, padding=0`: a size as given, the stride defaulting to the window. */
function poolRepr(kernelSize: number | readonly [number, number], options: Pool2dOptions): string {
  const show = (v: number | readonly [number, number]) =>
    typeof v === "number" ? String(v) : `[${v.join(", ")}]`;
  return `kernelSize=${show(kernelSize)}, stride=${show(options.stride ?? kernelSize)}, padding=${show(options.padding ?? 0)}`;
}
