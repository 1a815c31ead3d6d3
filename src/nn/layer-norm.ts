// LayerNorm (Ba, Kiros & Hinton, 2016): each example normalised over its last axes,
//   y = (x − μ)/√(σ² + ε) · γ + β,  μ and σ² (biased) over `normalizedShape`,
// the same in training and evaluation (torch.nn.LayerNorm). Composed from tensor ops, so
// backward and the graph view need nothing of their own.
import {
  formatShape,
  ones,
  showValue,
  type Tensor,
  type TensorLike,
  toTensor,
  zeros,
} from "../tensor/index.ts";
import { Module } from "./module.ts";

/** Options of `nn.LayerNorm`. */
export interface LayerNormOptions {
  /** Added to the variance before the square root (default 1e-5). */
  eps?: number;
  /** Learn a scale γ (ones) and shift β (zeros) of `normalizedShape` (default true). */
  elementwiseAffine?: boolean;
}

/** `new nn.LayerNorm(64)` or `new nn.LayerNorm([8, 8])`: normalises the last axes. */
export class LayerNorm extends Module {
  readonly normalizedShape: readonly number[];
  readonly eps: number;
  readonly weight: Tensor | null;
  readonly bias: Tensor | null;

  constructor(normalizedShape: number | readonly number[], options: LayerNormOptions = {}) {
    super();
    const shape = typeof normalizedShape === "number" ? [normalizedShape] : [...normalizedShape];
    if (shape.length === 0 || !shape.every((n) => Number.isInteger(n) && n >= 1)) {
      throw new Error(
        `nn.LayerNorm: normalizedShape must be a positive integer or a list of them, found ${showValue(normalizedShape)}`,
      );
    }
    this.normalizedShape = shape;
    this.eps = options.eps ?? 1e-5;
    if (typeof this.eps !== "number" || !(this.eps >= 0)) {
      throw new Error(`nn.LayerNorm: eps must be a number ≥ 0, found ${showValue(this.eps)}`);
    }
    const affine = options.elementwiseAffine !== false;
    this.weight = affine ? ones(shape, { requiresGrad: true, name: "γ" }) : null;
    this.bias = affine ? zeros(shape, { requiresGrad: true, name: "β" }) : null;
    if (this.weight) this.registerParameter("weight", this.weight);
    if (this.bias) this.registerParameter("bias", this.bias);
  }

  forward(input: TensorLike): Tensor {
    const x = toTensor(input, "nn.LayerNorm", "the input");
    const k = this.normalizedShape.length;
    const tail = x.shape.slice(x.shape.length - k);
    if (x.shape.length < k || tail.some((n, i) => n !== this.normalizedShape[i])) {
      throw new Error(
        `nn.LayerNorm: input ${formatShape(x.shape)} must end in the normalized shape ${formatShape(this.normalizedShape)}`,
      );
    }
    const axes = Array.from({ length: k }, (_, i) => x.shape.length - k + i);
    const centred = x.sub(x.mean(axes, true));
    const variance = centred.pow(2).mean(axes, true); // biased, as PyTorch normalises
    const y = centred.div(variance.add(this.eps).sqrt());
    return this.weight && this.bias ? y.mul(this.weight).add(this.bias) : y;
  }

  override get typeName(): string {
    return "LayerNorm";
  }

  override extraRepr(): string {
    return `[${this.normalizedShape.join(", ")}], eps=${this.eps}, elementwiseAffine=${this.weight !== null}`;
  }
}
