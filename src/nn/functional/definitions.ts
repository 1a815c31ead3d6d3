// The definitions of nn's primitive ops (see tensor/op-definition.ts): the graph view finds
// them here by name beside the tensor library's own (TENSOR_OPS).
import type { OpDefinition } from "../../tensor/index.ts";
import { BCE_LOSS } from "./bce-loss.ts";
import { CONV2D, CONV2D_INPUT, CONV2D_WEIGHT } from "./conv2d.ts";
import { ELU_OP } from "./elu.ts";
import { GELU_GRAD_OP, GELU_OP } from "./gelu.ts";
import { LINEAR } from "./linear.ts";
import { MSE_LOSS } from "./mse-loss.ts";
import { AVG_POOL2D, MAX_POOL2D } from "./pool2d.ts";
import { SOFTPLUS_OP } from "./softplus.ts";

/** Every op nn records a node for, each once. */
export const NN_OPS: readonly OpDefinition[] = [
  LINEAR,
  MSE_LOSS,
  BCE_LOSS,
  CONV2D,
  CONV2D_INPUT,
  CONV2D_WEIGHT,
  MAX_POOL2D,
  AVG_POOL2D,
  GELU_OP.definition,
  GELU_GRAD_OP.definition,
  ELU_OP.definition,
  SOFTPLUS_OP.definition,
];
