// F: the functional namespace, like torch.nn.functional.
export { leakyRelu, logSoftmax, relu, sigmoid, softmax, tanh } from "./activations.ts";
export { bceLoss } from "./bce-loss.ts";
export {
  type BceWithLogitsOptions,
  bceWithLogitsLoss,
  binaryCrossEntropyWithLogits,
} from "./bce-with-logits-loss.ts";
export { type Conv1dOptions, conv1d } from "./conv1d.ts";
export {
  type Conv2dOptions,
  conv2d,
  conv2dInput,
  conv2dWeight,
  convOutputSize,
} from "./conv2d.ts";
export { crossEntropy, type Labels } from "./cross-entropy.ts";
export { NN_OPS } from "./definitions.ts";
export { dropout } from "./dropout.ts";
export { elu } from "./elu.ts";
export { gelu } from "./gelu.ts";
export { hingeLoss } from "./hinge-loss.ts";
export { linear } from "./linear.ts";
export { mseLoss } from "./mse-loss.ts";
export { nllLoss } from "./nll-loss.ts";
export { avgPool2d, maxPool2d, type Pool2dOptions } from "./pool2d.ts";
export type { Reduction } from "./reduction.ts";
export { softplus } from "./softplus.ts";
