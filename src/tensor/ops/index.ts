// Every op as a function (x.add(y) is add(x, y)); the nn engineer's F builds on these.
// Each op's definition (op-definition.ts), listed by the registry (../registry.ts).
export { ADD, add, DIV, div, MUL, mul, powTensor, SUB, sub } from "./binary.ts";
// For op authors: the kernels behind matmul (nn's linear layer uses them), broadcasting, and the
// op registry.
export { broadcastData, EXPAND, expand, sumToShape } from "./broadcast.ts";
export { CLAMP, clamp, eq, ge, gt, le, lt, ne, WHERE, where } from "./compare.ts";
export { CONCAT, concat, STACK, stack } from "./concat.ts";
export { CUMSUM, cumsum } from "./cumsum.ts";
export { GATHER, gather, maskedFill } from "./gather.ts";
export { BMM, bmm, MATMUL, matmul } from "./matmul.ts";
export { matmulNN, matmulNT, matmulTN } from "./matmul-kernels.ts";
export { argmax, argmin, MAX, type MaxResult, max, min } from "./max-min.ts";
// Helpers the Tensor methods use.
export { indexRow, NARROW, narrow, SELECT, select, sliceRows } from "./narrow.ts";
export { NORM, norm } from "./norm.ts";
export { PERMUTE, permute } from "./permute.ts";
export { POW, pow } from "./pow.ts";
export { PROD, prod } from "./prod.ts";
export {
  CLONE,
  clone,
  RESHAPE,
  reshape,
  squeeze,
  TRANSPOSE,
  transpose,
  unsqueeze,
} from "./shape.ts";
export { COS_OP, cos, LOG1P_OP, log1p, SIN_OP, sin } from "./sin-cos-log1p.ts";
export { LOG_SOFTMAX, logSoftmax, SOFTMAX, softmax } from "./softmax.ts";
export { logsumexp, std, type VarOptions, variance } from "./statistics.ts";
export { type Axes, MEAN, mean, SUM, sum } from "./sum-mean.ts";
export {
  ABS_OP,
  abs,
  defineUnary,
  EXP_OP,
  exp,
  LEAKY_RELU_OP,
  LOG_OP,
  leakyRelu,
  log,
  NEG_OP,
  neg,
  powScalar,
  RELU_OP,
  relu,
  SIGMOID_OP,
  SQRT_OP,
  sigmoid,
  sqrt,
  TANH_OP,
  tanh,
  type UnaryOp,
  type UnarySpec,
} from "./unary.ts";
