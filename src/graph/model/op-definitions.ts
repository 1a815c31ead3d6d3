// The graph's view of the op registry: every op the library and nn record, by name. The
// drawing, the equations, the captions, replay and the neuron view all look ops up here
// instead of keeping tables of their own.
import { NN_OPS } from "../../nn/functional/definitions.ts";
import type { OpDefinition } from "../../tensor/op-definition.ts";
import { opRegistry, TENSOR_OPS } from "../../tensor/registry.ts";

const OPS = opRegistry(TENSOR_OPS, NN_OPS);

/** The definition of op `name`, or undefined for an op made outside the library. */
export function opDefinition(name: string): OpDefinition | undefined {
  return OPS.get(name);
}

/** Whether `op` is a layer's non-linearity (tanh, sigmoid, ReLU, …): a = f(z). */
export function isActivation(op: string): boolean {
  return OPS.get(op)?.activation === true;
}
