// Every op as a function (x.add(y) is add(x, y)); the nn engineer's F builds on these.
export { add, div, mul, powTensor, sub } from "./binary.ts";
export { expand, sumToShape } from "./broadcast.ts";
export { clamp, eq, ge, gt, le, lt, where } from "./compare.ts";
export { matmul } from "./matmul.ts";
export { pow } from "./pow.ts";
export { argmax, max, mean, min, sum } from "./reduce.ts";
export { clone, concat, narrow, reshape, select, stack, transpose } from "./shape.ts";
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
} from "./unary.ts";
