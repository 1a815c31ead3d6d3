import { showValue, type Tensor, type TensorLike, toTensor } from "../tensor/index.ts";
import { Identity, LeakyReLU, ReLU, Sigmoid, Tanh } from "./activations.ts";
import { layerRng, type RandomOptions } from "./layer-rng.ts";
import { type InitScheme, Linear } from "./linear.ts";
import { Module } from "./module.ts";

/** The hidden-layer non-linearity of an MLP. */
export type ActivationName = "tanh" | "sigmoid" | "relu" | "leakyRelu" | "identity";

/** Options of `nn.MLP`. */
export interface MLPOptions extends RandomOptions {
  /** Non-linearity after every hidden layer (default "tanh"); the last layer stays linear. */
  activation?: ActivationName;
  /** Weight initialisation of every layer (default PyTorch's, see nn.Linear). */
  init?: InitScheme;
  /** Biases in every layer (default true). */
  bias?: boolean;
}

function makeActivation(name: ActivationName): Module {
  switch (name) {
    case "tanh":
      return new Tanh();
    case "sigmoid":
      return new Sigmoid();
    case "relu":
      return new ReLU();
    case "leakyRelu":
      return new LeakyReLU();
    case "identity":
      return new Identity();
    default:
      throw new Error(
        `nn.MLP: unknown activation "${String(name)}", expected tanh, sigmoid, relu, leakyRelu or identity`,
      );
  }
}

/**
 * `new nn.MLP([1, 3, 1], { activation: "tanh", seed: 0 })`: fully connected layers of the
 * given sizes, the activation after each hidden layer and none after the last (an affine
 * output, as in Bishop's regression networks). Layer l has weight "W{l}" [sizes[l], sizes[l−1]]
 * and bias "b{l}", the names the lecture uses.
 *
 * Without `seed` or `rng` the weights come from the default generator, as in PyTorch: two MLPs
 * built one after the other differ, and `manualSeed(0)` before building replays them (a fresh
 * page starts at seed 0, so there `new nn.MLP(sizes)` equals `new nn.MLP(sizes, { seed: 0 })`).
 * With `{ seed }` the network always starts from the same weights, whatever ran before.
 */
export class MLP extends Module {
  readonly sizes: readonly number[];
  readonly layers: readonly Linear[];
  readonly activation: Module;

  constructor(sizes: readonly number[], options: MLPOptions = {}) {
    super();
    if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
      throw new Error(
        `nn.MLP: sizes must list at least two positive integers, e.g. [1, 3, 1]; found ${showValue(sizes)}`,
      );
    }
    this.sizes = [...sizes];
    const rng = layerRng("nn.MLP", options); // one generator for all layers, drawn in order
    const layers: Linear[] = [];
    for (let l = 1; l < sizes.length; l++) {
      const layer = new Linear(sizes[l - 1], sizes[l], {
        rng,
        init: options.init,
        bias: options.bias,
        names: [`W${l}`, `b${l}`],
      });
      layers.push(this.registerModule(`layer${l}`, layer));
    }
    this.layers = layers;
    this.activation = makeActivation(options.activation ?? "tanh");
  }

  forward(x: TensorLike): Tensor {
    let h = toTensor(x, "nn.MLP", "the input");
    const last = this.layers.length - 1;
    for (let l = 0; l <= last; l++) {
      h = this.layers[l].forward(h);
      if (l < last) h = this.activation.forward(h);
    }
    return h;
  }

  /** Every layer's output after its activation (the last one is the network's output). */
  activations(x: TensorLike): Tensor[] {
    const out: Tensor[] = [];
    let h = toTensor(x, "nn.MLP", "the input");
    const last = this.layers.length - 1;
    for (let l = 0; l <= last; l++) {
      h = this.layers[l].forward(h);
      if (l < last) h = this.activation.forward(h);
      out.push(h);
    }
    return out;
  }

  override get typeName(): string {
    return "MLP";
  }

  override extraRepr(): string {
    return `sizes=[${this.sizes.join(", ")}], activation=${this.activation}`;
  }

  /** Parameters named as in the lecture: W1, b1, W2, b2, … */
  override namedParameters(): [string, Tensor][] {
    return super.namedParameters().map(([path, p]) => [p.name ?? path, p]);
  }
}
