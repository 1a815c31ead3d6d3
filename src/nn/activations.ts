// Activation layers: modules without parameters, so a network reads as a list of layers.

import {
  leakyRelu,
  relu,
  sigmoid,
  type Tensor,
  type TensorLike,
  tanh,
  toTensor,
} from "../tensor/index.ts";
import { Module } from "./module.ts";

/** tanh(z), range (−1, 1); derivative 1 − tanh²(z). */
export class Tanh extends Module {
  forward(x: TensorLike): Tensor {
    return tanh(x);
  }
}

/** σ(z) = 1/(1 + e^(−z)), range (0, 1); derivative σ(z)(1 − σ(z)). */
export class Sigmoid extends Module {
  forward(x: TensorLike): Tensor {
    return sigmoid(x);
  }
}

/** max(0, z); derivative 1 for z > 0, else 0. */
export class ReLU extends Module {
  forward(x: TensorLike): Tensor {
    return relu(x);
  }
}

/** z for z > 0, else slope·z (slope 0.01 by default, as PyTorch's negative_slope). */
export class LeakyReLU extends Module {
  constructor(readonly negativeSlope = 0.01) {
    super();
  }

  forward(x: TensorLike): Tensor {
    return leakyRelu(x, this.negativeSlope);
  }
}

/** The identity, for a network whose hidden layers are linear. */
export class Identity extends Module {
  forward(x: TensorLike): Tensor {
    return toTensor(x, "nn.Identity", "the input");
  }
}
