// The library's public face. Every named export here (plus graph and plots) is a built-in in
// notebook cells.

export * as data from "./data/index.ts";
export * as F from "./nn/functional/index.ts";
export * as nn from "./nn/index.ts";
export * as optim from "./optim/index.ts";
export type { GradNode, Rng, TensorLike, TensorOptions } from "./tensor/index.ts";
export {
  arange,
  concat,
  detectAnomaly,
  enableGrad,
  full,
  gradcheck,
  jvp,
  linspace,
  noGrad,
  ones,
  rand,
  randn,
  rng,
  stack,
  Tensor,
  tensor,
  zeros,
} from "./tensor/index.ts";
