// nn: layers and networks (torch.nn). The functional namespace F is exported beside it from
// src/index.ts.
export { Identity, LeakyReLU, ReLU, Sigmoid, Tanh } from "./activations.ts";
export { Conv2d, type Conv2dLayerOptions } from "./conv2d-layer.ts";
export { Dropout } from "./dropout.ts";
export * as init from "./init.ts";
export { type InitScheme, Linear, type LinearOptions } from "./linear.ts";
export { type ActivationName, MLP, type MLPOptions } from "./mlp.ts";
export { Module } from "./module.ts";
export { AvgPool2d, Flatten, MaxPool2d } from "./pooling.ts";
export { Sequential } from "./sequential.ts";
export * as utils from "./utils/index.ts";
