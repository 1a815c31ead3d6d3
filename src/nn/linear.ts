import {
  type Rng,
  showValue,
  type Tensor,
  type TensorLike,
  zeros as zerosTensor,
} from "../tensor/index.ts";
import { linear } from "./functional/index.ts";
import { fans, heNormal, heUniform, uniform, xavierNormal, xavierUniform, zeros } from "./init.ts";
import { layerRng, type RandomOptions } from "./layer-rng.ts";
import { Module } from "./module.ts";

/**
 * How to draw a layer's first weights. "default" is PyTorch's: weight and bias from
 * U(−1/√fanIn, 1/√fanIn), fanIn being the inputs of one unit (in·kh·kw for a convolution). A named scheme fills the weight and sets the bias to zero; a function
 * fills the weight itself (and the bias is zeroed too).
 */
export type InitScheme =
  | "default"
  | "xavierNormal"
  | "xavierUniform"
  | "heNormal"
  | "heUniform"
  | "zeros"
  | ((weight: Tensor, rng: Rng) => void);

/** Options of `nn.Linear`. */
export interface LinearOptions extends RandomOptions {
  /** Add a bias b (default true). */
  bias?: boolean;
  /** Weight initialisation (default "default", PyTorch's). */
  init?: InitScheme;
  /** Names for the weight and bias in the graph view (default "W" and "b"). */
  names?: readonly [string, string];
}

/** Fills a fresh weight (and bias) according to `scheme`; `layer` names the caller in errors. */
export function initialise(
  scheme: InitScheme,
  weight: Tensor,
  bias: Tensor | null,
  rng: Rng,
  layer = "nn.Linear",
): void {
  if (scheme === "default") {
    const bound = 1 / Math.sqrt(fans(weight).fanIn);
    uniform(weight, rng, -bound, bound);
    if (bias) uniform(bias, rng, -bound, bound);
    return;
  }
  if (typeof scheme === "function") scheme(weight, rng);
  else if (scheme === "xavierNormal") xavierNormal(weight, rng);
  else if (scheme === "xavierUniform") xavierUniform(weight, rng);
  else if (scheme === "heNormal") heNormal(weight, rng);
  else if (scheme === "heUniform") heUniform(weight, rng);
  else if (scheme === "zeros") zeros(weight);
  else {
    throw new Error(
      `${layer}: unknown init "${String(scheme)}", expected default, xavierNormal, xavierUniform, heNormal, heUniform, zeros or a function`,
    );
  }
  if (bias) zeros(bias);
}

/**
 * `new nn.Linear(inFeatures, outFeatures)`: y = x Wᵀ + b with W [out, in] and b [out], so an
 * input batch [N, in] gives [N, out] (any leading sizes: [..., in] → [..., out]) — the layout of
 * torch.nn.Linear.
 *
 * The first weights come from `options.rng`, else a generator seeded with `options.seed`, else
 * the default generator (see `manualSeed`): two layers built without a seed differ, as in PyTorch.
 */
export class Linear extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor | null;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: LinearOptions = {},
  ) {
    super();
    for (const [label, v] of [
      ["inFeatures", inFeatures],
      ["outFeatures", outFeatures],
    ] as const) {
      if (!Number.isInteger(v) || v < 1) {
        throw new Error(`nn.Linear: ${label} must be a positive integer, found ${showValue(v)}`);
      }
    }
    const [wName, bName] = options.names ?? ["W", "b"];
    const rng = layerRng("nn.Linear", options);
    this.weight = zerosTensor([outFeatures, inFeatures], { requiresGrad: true, name: wName });
    this.bias =
      options.bias === false
        ? null
        : zerosTensor([outFeatures], { requiresGrad: true, name: bName });
    initialise(options.init ?? "default", this.weight, this.bias, rng);
    this.registerParameter("weight", this.weight);
    if (this.bias) this.registerParameter("bias", this.bias);
  }

  forward(x: TensorLike): Tensor {
    return linear(x, this.weight, this.bias);
  }

  override get typeName(): string {
    return "Linear";
  }

  override extraRepr(): string {
    return `inFeatures=${this.inFeatures}, outFeatures=${this.outFeatures}, bias=${this.bias !== null}`;
  }
}
