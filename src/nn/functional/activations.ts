// The activation functions under the names torch.nn.functional uses, for code that reads
// `F.relu(x)`; each is the tensor op of the same name.

export { leakyRelu, logSoftmax, relu, sigmoid, softmax, tanh } from "../../tensor/index.ts";
