// Activation layers: modules without parameters, so a network reads as a list of layers.

import {
  leakyRelu,
  relu,
  sigmoid,
  softmax,
  type Tensor,
  type TensorLike,
  tanh,
  toTensor,
} from "../tensor/index.ts";
import { elu, gelu, softplus } from "./functional/index.ts";
import { Module } from "./module.ts";

/** tanh(z), range (−1, 1); derivative 1 − tanh²(z). */
export class Tanh extends Module {
  forward(x: TensorLike): Tensor {
    return tanh(x);
  }

  override get typeName(): string {
    return "Tanh";
  }
}

/** σ(z) = 1/(1 + e^(−z)), range (0, 1); derivative σ(z)(1 − σ(z)). */
export class Sigmoid extends Module {
  forward(x: TensorLike): Tensor {
    return sigmoid(x);
  }

  override get typeName(): string {
    return "Sigmoid";
  }
}

/** max(0, z); derivative 1 for z > 0, else 0. */
export class ReLU extends Module {
  forward(x: TensorLike): Tensor {
    return relu(x);
  }

  override get typeName(): string {
    return "ReLU";
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

  override get typeName(): string {
    return "LeakyReLU";
  }

  override extraRepr(): string {
    return `negativeSlope=${this.negativeSlope}`;
  }
}

/** The identity, for a network whose hidden layers are linear. */
export class Identity extends Module {
  forward(x: TensorLike): Tensor {
    return toTensor(x, "nn.Identity", "the input");
  }

  override get typeName(): string {
    return "Identity";
  }
}

/** softmax along `dim` (default −1, the last axis): each slice turned into probabilities. */
export class Softmax extends Module {
  constructor(readonly dim = -1) {
    super();
  }

  forward(x: TensorLike): Tensor {
    return softmax(x, this.dim);
  }

  override get typeName(): string {
    return "Softmax";
  }

  override extraRepr(): string {
    return `dim=${this.dim}`;
  }
}

/** x·Φ(x) (`{ approximate: "tanh" }` for the tanh form), as torch.nn.GELU. */
export class GELU extends Module {
  constructor(readonly approximate: "none" | "tanh" = "none") {
    super();
  }

  forward(x: TensorLike): Tensor {
    return gelu(x, { approximate: this.approximate });
  }

  override get typeName(): string {
    return "GELU";
  }

  override extraRepr(): string {
    return this.approximate === "none" ? "" : `approximate="${this.approximate}"`;
  }
}

/** x for x > 0, α(eˣ − 1) otherwise (α = 1 by default). */
export class ELU extends Module {
  constructor(readonly alpha = 1) {
    super();
  }

  forward(x: TensorLike): Tensor {
    return elu(x, this.alpha);
  }

  override get typeName(): string {
    return "ELU";
  }

  override extraRepr(): string {
    return `alpha=${this.alpha}`;
  }
}

/**
 * (1/β)·log(1 + e^(βx)), the smooth ReLU (β = 1 by default), and x itself where βx > threshold
 * (20 by default), as torch.nn.Softplus(beta, threshold).
 */
export class Softplus extends Module {
  constructor(
    readonly beta = 1,
    readonly threshold = 20,
  ) {
    super();
    softplus(0, beta, threshold); // checks both now, not at the first forward
  }

  forward(x: TensorLike): Tensor {
    return softplus(x, this.beta, this.threshold);
  }

  override get typeName(): string {
    return "Softplus";
  }

  override extraRepr(): string {
    return `beta=${this.beta}, threshold=${this.threshold}`;
  }
}
