import { describeValue, type Tensor, type TensorLike, toTensor } from "../tensor/index.ts";
import { isLoss } from "./losses.ts";
import { Module } from "./module.ts";

/** `new nn.Sequential(a, b, c)`: applies its modules in order; children are named "0", "1", … */
export class Sequential extends Module {
  readonly layers: readonly Module[];

  constructor(...layers: Module[]) {
    super();
    for (const [i, layer] of layers.entries()) {
      if (!(layer instanceof Module)) {
        throw new Error(
          `nn.Sequential: layer #${i} is ${describeValue(layer)}, expected a module such as new nn.Linear(2, 3)`,
        );
      }
      if (isLoss(layer)) {
        throw new Error(
          `nn.Sequential: layer #${i} is a loss (nn.${layer.typeName}), which takes a prediction and a target — ` +
            "call it on the network's output instead: loss.call(model.call(x), y)",
        );
      }
    }
    this.layers = layers;
    for (const [i, layer] of layers.entries()) this.registerModule(String(i), layer);
  }

  forward(x: TensorLike): Tensor {
    let h = toTensor(x, "nn.Sequential", "the input");
    for (const layer of this.layers) h = layer.forward(h);
    return h;
  }

  override get typeName(): string {
    return "Sequential";
  }
}
