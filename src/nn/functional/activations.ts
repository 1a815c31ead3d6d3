// The activation functions under the names torch.nn.functional uses, for code that reads
// `F.relu(x)`; each is the tensor op of the same name.

export { logSoftmax, softmax } from "../../tensor/ops/softmax.ts";
export { leakyRelu, relu, sigmoid, tanh } from "../../tensor/ops/unary.ts";
