// How an op names, in `OpRule.saves`, the tensors its backward reads: input indices, and OUTPUT
// for its own result. A module with no imports, so the rule objects that use it at load time
// never meet it half-initialised in an import cycle.

/** In `OpRule.saves`: the op's own output (as softmax's backward reads its probabilities). */
export const OUTPUT = -1;
