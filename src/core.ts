// The tensor library without the graph view: tensors, autograd, nn, F, optim, data. Notebook
// cells load their library built-ins from this module, so a page that never draws a graph never
// fetches the graph code (dagre, client-side KaTeX). src/index.ts is this plus `graph`.

export * as data from "./data/index.ts";
export * as nn from "./nn/index.ts";
export { functional as F } from "./nn/index.ts";
export * as optim from "./optim/index.ts";
export type { GradNode, Rng, TensorLike, TensorOptions } from "./tensor/index.ts";
export {
  arange,
  autograd,
  concat,
  defaultGenerator,
  detectAnomaly,
  enableGrad,
  eye,
  full,
  fullLike,
  gradcheck,
  jvp,
  linspace,
  manualSeed,
  noGrad,
  ones,
  onesLike,
  rand,
  randint,
  randLike,
  randn,
  randnLike,
  rng,
  setMaxTensorBytes,
  stack,
  Tensor,
  tensor,
  zeros,
  zerosLike,
} from "./tensor/index.ts";
