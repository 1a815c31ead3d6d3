// linear: y = x Wᵀ + b, one primitive (PyTorch's F.linear / addmm) so a layer is one node in
// the graph and one pass over memory in each direction.
//   ∂L/∂x = G W      ∂L/∂W = Gᵀ x      ∂L/∂b = Σ_rows G
import {
  allocate,
  entriesOf,
  formatShape,
  makeResult,
  matmul,
  matmulNN,
  matmulNT,
  matmulTN,
  NO_ATTRS,
  type OpAttrs,
  type OpDefinition,
  type OpRule,
  recordedShapes,
  replayInput,
  reshape,
  sizeOf,
  sum,
  Tensor,
  type TensorLike,
  toTensor,
  transpose,
} from "../../tensor/index.ts";

interface Dims {
  /** rows of x: the product of its leading sizes (1 for a single 1-D input) */
  batch: number;
  inF: number;
  outF: number;
}

const linearRule: OpRule<Dims> = {
  saves: [0, 1], // x and W; the bias's gradient needs neither
  // createGraph (gradients of gradients, e.g. a gradient penalty): the same three products
  // as recorded ops.
  vjpGraph(node, i, g) {
    const { batch, inF, outF } = node.saved;
    const inputs = node.inputs;
    const G = reshape(g, [batch, outF]);
    if (i === 0) return reshape(matmul(G, inputs[1]), inputs[0].shape);
    if (i === 1) return matmul(transpose(G), reshape(inputs[0], [batch, inF]));
    return reshape(sum(G, 0), inputs[2].shape);
  },
  vjp(node, i, g) {
    const { batch, inF, outF } = node.saved;
    const inputs = node.inputs; // indexed, not destructured: this runs on every training step
    if (i === 0)
      return new Tensor(matmulNN(g.data, inputs[1].data, batch, outF, inF), inputs[0].shape); // G[b,out] @ W[out,in]
    if (i === 1)
      return new Tensor(matmulTN(g.data, inputs[0].data, outF, batch, inF), inputs[1].shape); // Gᵀ[out,b] @ x[b,in]
    const gb = allocate(outF);
    const G = g.data;
    for (let r = 0, k = 0; r < batch; r++) for (let o = 0; o < outF; o++, k++) gb[o] += G[k];
    return new Tensor(gb, inputs[2].shape);
  },
  // d(x Wᵀ + b) = dx Wᵀ + x dWᵀ + db
  jvp(node, tangents) {
    const { batch, inF, outF } = node.saved;
    const [x, W] = node.inputs as [Tensor, Tensor];
    const out = allocate(batch * outF);
    const [tx, tW, tb] = tangents;
    if (tx) addInto(out, matmulNT(tx.data, W.data, batch, inF, outF));
    if (tW) addInto(out, matmulNT(x.data, tW.data, batch, inF, outF));
    if (tb)
      for (let r = 0; r < batch; r++)
        for (let o = 0; o < outF; o++) out[r * outF + o] += tb.data[o];
    return new Tensor(out, node.output.shape);
  },
};

function addInto(out: Float64Array, more: Float64Array): void {
  for (let k = 0; k < out.length; k++) out[k] += more[k];
}

/**
 * `F.linear(x, W, b?)`: x [..., in] times Wᵀ, W [out, in], plus b [out]; returns [..., out].
 * Any leading sizes are kept ([batch, in] → [batch, out]; [in] → [out]; [N, T, in] →
 * [N, T, out]), as in torch.nn.functional.linear. The layer `nn.Linear` calls this.
 */
export function linear(input: TensorLike, weight: TensorLike, bias?: TensorLike | null): Tensor {
  const x = toTensor(input, "linear", "the input");
  const W = toTensor(weight, "linear", "the weight");
  const b = bias === undefined || bias === null ? null : toTensor(bias, "linear", "the bias");
  const xs = x.shape;
  const ws = W.shape;
  if (ws.length !== 2) {
    throw new Error(`linear: weight must be 2-D [out, in], found ${formatShape(ws)}`);
  }
  const [outF, inF] = ws as [number, number];
  if (xs.length < 1 || xs[xs.length - 1] !== inF) {
    throw new Error(
      `linear: input ${formatShape(xs)} does not fit weight ${formatShape(ws)} — expected [..., ${inF}], ` +
        `e.g. [batch, ${inF}] or [${inF}]`,
    );
  }
  if (b && (b.shape.length !== 1 || b.shape[0] !== outF)) {
    throw new Error(
      `linear: bias must have shape [${outF}] for weight ${formatShape(ws)}, found ${formatShape(b.shape)}`,
    );
  }
  const batch = inF === 0 ? sizeOf(xs.slice(0, -1)) : x.data.length / inF;
  const y = matmulNT(x.data, W.data, batch, inF, outF); // [batch, out]
  if (b) {
    const B = b.data;
    for (let r = 0; r < batch; r++) for (let o = 0; o < outF; o++) y[r * outF + o] += B[o];
  }
  const shape = xs.length === 2 ? [xs[0], outF] : [...xs.slice(0, -1), outF];
  const inputs = b ? [x, W, b] : [x, W];
  return makeResult(y, shape, linearRule, "linear", inputs, NO_ATTRS, { batch, inF, outF });
}

/** Rows of the first argument (1 for a vector): the examples nn.Linear sums its bias over. */
function rowsOf(attrs: OpAttrs): number {
  const x = recordedShapes(attrs).inputs[0] ?? [];
  return x.length > 1 ? entriesOf(x.slice(0, -1)) : 1;
}

// F.linear / nn.Linear: y = x Wᵀ + b; ∂L/∂x = G W, ∂L/∂W = Gᵀ x, ∂L/∂b = Σ_rows G.
export const LINEAR: OpDefinition = {
  name: "linear",
  forward: linear,
  rules: [linearRule],
  replay: (xs) => linear(replayInput(xs, 0), replayInput(xs, 1), xs[2]),
  tex: {
    forward: (a, _at, n) =>
      `${n.times(a[0] ?? "", n.transposed(a[1] ?? ""))}${a.length > 2 ? ` + ${a[2]}` : ""}`,
    local: () => null,
    term: (i, up, a, _out, attrs, n) => {
      if (i === 0) return n.times(up, a[1] ?? "");
      if (i === 1) return n.times(n.transposed(up), a[0] ?? "");
      return rowsOf(attrs) > 1 ? `\\textstyle\\sum_{\\text{rows}} ${up}` : up;
    },
  },
  words: ["linear", "linear layer"],
  elementwise: false,
};
