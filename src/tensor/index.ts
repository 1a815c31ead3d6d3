export { detectAnomaly } from "./anomaly.ts";
export { backward, topologicalOrder } from "./autograd.ts";
export {
  arange,
  full,
  linspace,
  ones,
  rand,
  randn,
  tensor,
  type TensorData,
  type TensorOptions,
  zeros,
} from "./create.ts";
export { enableGrad, isGradEnabled, noGrad } from "./grad-mode.ts";
export {
  gradcheck,
  type GradcheckInput,
  type GradcheckOptions,
  type GradcheckReport,
} from "./gradcheck.ts";
export { jvp, type JvpResult } from "./jvp.ts";
export type { GradNode } from "./node.ts";
export {
  AnomalyError,
  makeResult,
  NO_ATTRS,
  OpNode,
  type OpRule,
  toTensor,
  type TensorLike,
} from "./op.ts";
export * from "./ops/index.ts";
export { type Rng, rng } from "./rng.ts";
export { broadcastShapes, formatShape, type Shape, sizeOf } from "./shape.ts";
export { type NestedArray, Tensor } from "./tensor.ts";
