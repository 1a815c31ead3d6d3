// Every op as a function (x.add(y) is add(x, y)); the nn engineer's F builds on these.
export { add, div, mul, powTensor, sub } from "./binary.ts";
export { expand, sumToShape } from "./broadcast.ts";
export { clamp, eq, ge, gt, le, lt, where } from "./compare.ts";
export { concat, stack } from "./concat.ts";
export { matmul } from "./matmul.ts";
export { narrow, select } from "./narrow.ts";
export { pow } from "./pow.ts";
export { type Axes, argmax, argmin, max, mean, min, sum } from "./reduce.ts";
export { clone, reshape, transpose } from "./shape.ts";
export { logSoftmax, softmax } from "./softmax.ts";
export {
  abs,
  defineUnary,
  exp,
  leakyRelu,
  log,
  neg,
  powScalar,
  relu,
  sigmoid,
  sqrt,
  tanh,
  type UnaryOp,
  type UnarySpec,
} from "./unary.ts";
