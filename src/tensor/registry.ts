// The op registry: every primitive op's definition (op-definition.ts), listed once. The graph
// view looks ops up here by the name their nodes record, so an op listed here is drawn,
// written, captioned and replayed with nothing else to edit; tests/tensor/registry.test.ts
// fails when an op records nodes without a complete definition here (or in nn's NN_OPS).
import type { OpDefinition } from "./op-definition.ts";
import { ADD, DIV, MUL, SUB } from "./ops/binary.ts";
import { EXPAND } from "./ops/broadcast.ts";
import { CLAMP, WHERE } from "./ops/compare.ts";
import { CONCAT, STACK } from "./ops/concat.ts";
import { MATMUL } from "./ops/matmul.ts";
import { NARROW, SELECT } from "./ops/narrow.ts";
import { POW } from "./ops/pow.ts";
import { MAX, MEAN, SUM } from "./ops/reduce.ts";
import { CLONE, RESHAPE, TRANSPOSE } from "./ops/shape.ts";
import { LOG_SOFTMAX, SOFTMAX } from "./ops/softmax.ts";
import {
  ABS_OP,
  EXP_OP,
  LEAKY_RELU_OP,
  LOG_OP,
  NEG_OP,
  RELU_OP,
  SIGMOID_OP,
  SQRT_OP,
  TANH_OP,
} from "./ops/unary.ts";

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
  // element-wise, broadcasting
  ADD,
  SUB,
  MUL,
  DIV,
  POW,
  WHERE,
  // linear algebra and reductions
  MATMUL,
  SUM,
  MEAN,
  MAX,
  SOFTMAX,
  LOG_SOFTMAX,
  // shape
  EXPAND,
  RESHAPE,
  TRANSPOSE,
  CLONE,
  NARROW,
  SELECT,
  CONCAT,
  STACK,
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
