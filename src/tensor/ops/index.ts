// Every op as a function (x.add(y) is add(x, y)); the nn engineer's F builds on these.
// Each op's definition (op-definition.ts), listed by the registry (../registry.ts).

export {
  LEAKY_RELU_OP,
  leakyRelu,
  RELU_OP,
  relu,
  SIGMOID_OP,
  sigmoid,
  TANH_OP,
  tanh,
} from "./activations.ts";
export { ADD, add, DIV, div, MUL, mul, SUB, sub } from "./binary.ts";
// For op authors: the kernels behind matmul (nn's linear layer uses them), broadcasting, and the
// op registry.
export { broadcastData, EXPAND, expand, sumToShape } from "./broadcast.ts";
export { CLAMP, clamp, eq, ge, gt, le, lt, ne, WHERE, where } from "./compare.ts";
export { CONCAT, concat, STACK, stack } from "./concat.ts";
export { CUMSUM, cumsum } from "./cumsum.ts";
export { defineUnary, type UnaryOp, type UnarySpec } from "./define-unary.ts";
export { GATHER, gather, maskedFill } from "./gather.ts";
export { BMM, bmm, MATMUL, matmul } from "./matmul.ts";
export { matmulNN, matmulNT, matmulTN } from "./matmul-kernels.ts";
export { argmax, argmin, MAX, type MaxResult, max, min } from "./max-min.ts";
// Helpers the Tensor methods use.
export { indexRow, NARROW, narrow, SELECT, select, sliceRows } from "./narrow.ts";
export { NORM, norm } from "./norm.ts";
export { PERMUTE, permute } from "./permute.ts";
export { POW, pow, powScalar, powTensor } from "./pow.ts";
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
export { ABS_OP, abs, EXP_OP, exp, LOG_OP, log, NEG_OP, neg, SQRT_OP, sqrt } from "./unary.ts";
