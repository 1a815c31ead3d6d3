export { detectAnomaly } from "./anomaly.ts";
// For op authors (nn, optim, graph): argument checks, storage, in-place version counts.
export { describeValue, expectInteger, expectNumber, showValue } from "./arguments.ts";
export { type BackwardOptions, backward, topologicalOrder } from "./autograd.ts";
export type { GradOptions } from "./autograd-grad.ts";
export * as autograd from "./autograd-namespace.ts";
export {
  arange,
  full,
  linspace,
  ones,
  rand,
  randn,
  type TensorData,
  type TensorOptions,
  tensor,
  zeros,
} from "./create.ts";
export {
  eye,
  fullLike,
  onesLike,
  randint,
  randLike,
  randnLike,
  zerosLike,
} from "./create-like.ts";
export { enableGrad, isGradEnabled, noGrad } from "./grad-mode.ts";
export {
  type GradcheckInput,
  type GradcheckOptions,
  type GradcheckReport,
  gradcheck,
} from "./gradcheck.ts";
export { bumpVersion } from "./in-place.ts";
export { type JvpResult, jvp } from "./jvp.ts";
export { linearVjpGraph } from "./linear-adjoint.ts";
export type { GradNode } from "./node.ts";
export {
  AnomalyError,
  makeResult,
  NO_ATTRS,
  OpNode,
  type OpRecord,
  type OpRule,
  OUTPUT,
  soleTangent,
  type TensorLike,
  toTensor,
} from "./op.ts";
export {
  entriesOf,
  type Notation,
  numberAttr,
  type OpAttrs,
  type OpDefinition,
  type OpTex,
  type OpWords,
  operatorTex,
  recordedShapes,
  replayInput,
} from "./op-definition.ts";
export * from "./ops/index.ts";
export { opRegistry, TENSOR_OPS } from "./registry.ts";

export {
  DEFAULT_SEED,
  defaultGenerator,
  Generator,
  manualSeed,
  type Rng,
  resolveRng,
  rng,
} from "./rng.ts";
export { broadcastShapes, formatShape, type Shape, sameShape, sizeOf } from "./shape.ts";
export { checkSize, maxTensorBytes, setMaxTensorBytes } from "./size-limit.ts";
export { allocate } from "./storage.ts";
export { type NestedArray, Tensor } from "./tensor.ts";
