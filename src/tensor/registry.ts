// The op registry: every primitive op's definition (op-definition.ts), listed once. The graph
// view looks ops up here by the name their nodes record, so an op listed here is drawn,
// written, captioned and replayed with nothing else to edit; tests/tensor/registry.test.ts
// fails when an op records nodes without a complete definition here (or in nn's NN_OPS).
import { ADJOINT } from "./linear-adjoint.ts";
import type { OpDefinition } from "./op-definition.ts";
import {
  ABS_OP,
  ADD,
  BMM,
  CLAMP,
  CLONE,
  CONCAT,
  COS_OP,
  CUMSUM,
  DIV,
  EXP_OP,
  EXPAND,
  GATHER,
  LEAKY_RELU_OP,
  LOG_OP,
  LOG_SOFTMAX,
  LOG1P_OP,
  MATMUL,
  MAX,
  MEAN,
  MUL,
  NARROW,
  NEG_OP,
  NORM,
  PERMUTE,
  POW,
  PROD,
  RELU_OP,
  RESHAPE,
  SELECT,
  SIGMOID_OP,
  SIN_OP,
  SOFTMAX,
  SQRT_OP,
  STACK,
  SUB,
  SUM,
  TANH_OP,
  TRANSPOSE,
  WHERE,
} from "./ops/index.ts";

/** Every op the tensor library records a node for, each once. */
export const TENSOR_OPS: readonly OpDefinition[] = [
  // element-wise, one input
  NEG_OP.definition,
  EXP_OP.definition,
  LOG_OP.definition,
  SQRT_OP.definition,
  ABS_OP.definition,
  TANH_OP.definition,
  SIGMOID_OP.definition,
  RELU_OP.definition,
  LEAKY_RELU_OP.definition,
  CLAMP,
  SIN_OP.definition,
  COS_OP.definition,
  LOG1P_OP.definition,
  // element-wise, broadcasting
  ADD,
  SUB,
  MUL,
  DIV,
  POW,
  WHERE,
  // linear algebra and reductions
  MATMUL,
  BMM,
  SUM,
  MEAN,
  MAX,
  SOFTMAX,
  LOG_SOFTMAX,
  PROD,
  CUMSUM,
  NORM,
  // shape
  EXPAND,
  RESHAPE,
  TRANSPOSE,
  CLONE,
  NARROW,
  SELECT,
  CONCAT,
  STACK,
  PERMUTE,
  GATHER,
  // what a createGraph backward records for a linear vjp
  ADJOINT,
];

/** A lookup by name over lists of definitions; throws if two share a name. */
export function opRegistry(
  ...lists: readonly (readonly OpDefinition[])[]
): ReadonlyMap<string, OpDefinition> {
  const byName = new Map<string, OpDefinition>();
  for (const list of lists) {
    for (const def of list) {
      if (byName.has(def.name)) throw new Error(`op registry: "${def.name}" is defined twice`);
      byName.set(def.name, def);
    }
  }
  return byName;
}
