// `autograd`, as PyTorch's torch.autograd: `autograd.grad(outputs, inputs, options)`.
export { grad } from "./autograd-grad.ts";
