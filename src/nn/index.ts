// nn: layers and networks (torch.nn), and the functional namespace as nn.functional (the
// library's face also names it F, as `import torch.nn.functional as F` does).
export {
  ELU,
  GELU,
  Identity,
  LeakyReLU,
  ReLU,
  Sigmoid,
  Softmax,
  Softplus,
  Tanh,
} from "./activations.ts";
export { BatchNorm1d, BatchNorm2d, type BatchNormOptions } from "./batch-norm.ts";
export { Conv1d, type Conv1dLayerOptions } from "./conv1d-layer.ts";
export { Conv2d, type Conv2dLayerOptions } from "./conv2d-layer.ts";
export { Dropout } from "./dropout.ts";
export * as functional from "./functional/index.ts";
// The op definitions of nn's primitive ops, for the graph view (see tensor/op-definition.ts).
export { NN_OPS } from "./functional/index.ts";
export * as init from "./init.ts";
export { LayerNorm, type LayerNormOptions } from "./layer-norm.ts";
export { type InitScheme, Linear, type LinearOptions } from "./linear.ts";
export {
  BCELoss,
  BCEWithLogitsLoss,
  CrossEntropyLoss,
  type LossOptions,
  MSELoss,
  NLLLoss,
} from "./losses.ts";
export { type ActivationName, MLP, type MLPOptions } from "./mlp.ts";
export { loadModel, type StorageLike, saveModel } from "./model-storage.ts";
export { Module } from "./module.ts";
export { AvgPool2d, Flatten, MaxPool2d } from "./pooling.ts";
export { Sequential } from "./sequential.ts";
export {
  type LoadStateDictOptions,
  type StateDict,
  type StateJSON,
  stateToJSON,
} from "./state-dict.ts";
export * as utils from "./utils/index.ts";
