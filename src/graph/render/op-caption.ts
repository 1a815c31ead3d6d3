// What an op is called where a reader sees it: a short caption above its node in the drawing
// ("+", "square", "MSE") and a name for the sentences a screen reader hears ("sum",
// "mean squared error"). Op names are the library's (PyTorch's); these are the lecture's words.
import { formatNumber } from "../model/format.ts";
import type { TraceNode } from "../model/types.ts";

/** [caption above the node, name in a sentence] by op. */
const WORDS: Readonly<Record<string, readonly [string, string]>> = {
  add: ["+", "sum"],
  sub: ["−", "difference"],
  mul: ["×", "product"],
  div: ["÷", "quotient"],
  neg: ["negate", "negation"],
  exp: ["exp", "exponential"],
  log: ["log", "natural log"],
  sqrt: ["square root", "square root"],
  abs: ["|·|", "absolute value"],
  tanh: ["tanh", "tanh"],
  sigmoid: ["sigmoid", "sigmoid"],
  relu: ["ReLU", "ReLU"],
  leakyRelu: ["leaky ReLU", "leaky ReLU"],
  matmul: ["matmul", "matmul"],
  linear: ["linear", "linear layer"],
  mseLoss: ["MSE", "mean squared error"],
  bceLoss: ["BCE", "binary cross-entropy"],
  crossEntropy: ["cross-entropy", "cross-entropy"],
  softmax: ["softmax", "softmax"],
  logSoftmax: ["log-softmax", "log-softmax"],
  sum: ["sum", "sum of the entries"],
  mean: ["mean", "mean of the entries"],
  max: ["max", "maximum"],
  expand: ["broadcast", "broadcast copy"],
  reshape: ["reshape", "reshape"],
  transpose: ["transpose", "transpose"],
  clone: ["copy", "copy"],
  narrow: ["slice", "slice"],
  select: ["select", "selected entries"],
  concat: ["concat", "concatenation"],
  stack: ["stack", "stack"],
  where: ["where", "choice by a mask"],
  clamp: ["clamp", "clamped value"],
  conv2d: ["conv", "convolution"],
  maxPool2d: ["max pool", "max pooling"],
  avgPool2d: ["avg pool", "average pooling"],
};

/** `pow` by its exponent: 2 → square, 3 → cube, ½ → square root, −1 → reciprocal. */
function powerWords(node: TraceNode): readonly [string, string] {
  const p = node.attrs.exponent;
  if (typeof p !== "number") return ["power", "power"];
  if (p === 2) return ["square", "square"];
  if (p === 3) return ["cube", "cube"];
  if (p === 0.5) return ["square root", "square root"];
  if (p === -1) return ["1/x", "reciprocal"];
  return [`power ${formatNumber(p)}`, `power ${formatNumber(p)}`];
}

/** `someOp` → "some op": a readable fallback for an op this file does not know. */
function spaced(op: string): string {
  return op.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

function words(node: TraceNode): readonly [string, string] {
  if (node.op === "pow") return powerWords(node);
  return WORDS[node.op] ?? [spaced(node.op), spaced(node.op)];
}

/** The caption drawn above an op node: "+", "square", "MSE", "linear", "matmul". */
export function opCaption(node: TraceNode): string {
  return words(node)[0];
}

/** The op's name in a sentence: "W₁x = matmul of W₁, x", "ℓ = mean squared error of ŷ, y". */
export function opName(node: TraceNode): string {
  return words(node)[1];
}
