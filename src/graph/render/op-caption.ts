// What an op is called where a reader sees it: a short caption above its node in the drawing
// ("+", "square", "MSE") and a name for the sentences a screen reader hears ("sum",
// "mean squared error"). Op names are the library's (PyTorch's); the words, the lecture's,
// are each op's own in the op registry.
import type { OpWords } from "../../tensor/op-definition.ts";
import { opDefinition } from "../model/op-definitions.ts";
import type { TraceNode } from "../model/types.ts";
import { NOTATION } from "../tex/notation.ts";

/** `someOp` → "some op": a readable fallback for an op this file does not know. */
function spaced(op: string): string {
  return op.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

function words(node: TraceNode): OpWords {
  const words = opDefinition(node.op)?.words;
  if (words === undefined) return [spaced(node.op), spaced(node.op)];
  return typeof words === "function" ? words(node.attrs, NOTATION) : words;
}

/** The caption drawn above an op node: "+", "square", "MSE", "linear", "matmul". */
export function opCaption(node: TraceNode): string {
  return words(node)[0];
}

/** The op's name in a sentence: "W₁x = matmul of W₁, x", "ℓ = mean squared error of ŷ, y". */
export function opName(node: TraceNode): string {
  return words(node)[1];
}
