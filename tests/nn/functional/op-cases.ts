// Every differentiable function of F (torch.nn.functional), with random sizes, strides,
// paddings and values (fast-check), in the shape of the tensor op table: the gradient check and
// the forward-mode check both run it.
import fc from "fast-check";
import {
  autograd,
  enableGrad,
  F,
  rand,
  randn,
  rng,
  type Tensor,
  tensor,
} from "../../../src/index.ts";
import type { OpCase, OpInstance } from "../../tensor/op-cases.ts";

const seedArb = fc.integer({ min: 0, max: 1e6 });

/** Inputs of an instance drawn from `seed`, all requiring grad. */
function leaves(...xs: Tensor[]): Tensor[] {
  return xs.map((x) => tensor(x, { requiresGrad: true }));
}

/** Values spaced apart, shuffled, so no pooling window (and no maximum) holds a tie. */
function distinct(shape: number[], seed: number): Tensor {
  const r = rng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: n }, (_, k) => k * 0.31 + r.next() * 0.05);
  for (let k = n - 1; k > 0; k--) {
    const j = r.int(k + 1);
    [values[k], values[j]] = [values[j], values[k]];
  }
  return tensor(Float64Array.from(values), { shape, requiresGrad: true });
}

const geometry = fc.record({
  N: fc.integer({ min: 1, max: 2 }),
  C: fc.integer({ min: 1, max: 2 }),
  O: fc.integer({ min: 1, max: 2 }),
  kh: fc.integer({ min: 1, max: 3 }),
  kw: fc.integer({ min: 1, max: 3 }),
  extraH: fc.integer({ min: 0, max: 3 }),
  extraW: fc.integer({ min: 0, max: 3 }),
  stride: fc.integer({ min: 1, max: 2 }),
  padding: fc.integer({ min: 0, max: 1 }),
  seed: seedArb,
});

const sizes = fc.record({
  batch: fc.integer({ min: 1, max: 4 }),
  inF: fc.integer({ min: 1, max: 4 }),
  outF: fc.integer({ min: 1, max: 4 }),
  seed: seedArb,
});

const reductionArb = fc.constantFrom("mean" as const, "sum" as const, "none" as const);

const instance = (f: unknown, inputs: Tensor[], seed: number, label: unknown): OpInstance => ({
  f: f as OpInstance["f"],
  inputs,
  seed,
  label: JSON.stringify(label),
});

export const FUNCTIONAL_CASES: readonly OpCase[] = [
  {
    name: "F.linear with leading dimensions [..., in] → [..., out]",
    covers: ["linear"],
    arb: fc.tuple(sizes, fc.integer({ min: 0, max: 2 })).map(([g, lead]) => {
      const r = rng(g.seed);
      const xShape = [...[2, 3].slice(0, lead), g.batch, g.inF];
      const [x, W, b] = leaves(randn(xShape, r), randn([g.outF, g.inF], r), randn([g.outF], r));
      return instance((x: Tensor, W: Tensor, b: Tensor) => F.linear(x, W, b), [x, W, b], g.seed, {
        ...g,
        xShape,
      });
    }),
  },
  {
    name: "F.linear without a bias, on one vector",
    covers: ["linear"],
    arb: sizes.map((g) => {
      const r = rng(g.seed);
      const [x, W] = leaves(randn([g.inF], r), randn([g.outF, g.inF], r));
      return instance((x: Tensor, W: Tensor) => F.linear(x, W), [x, W], g.seed, g);
    }),
  },
  {
    name: "F.conv2d: input, weight and bias",
    covers: ["conv2d"],
    arb: geometry.map((g) => {
      const r = rng(g.seed);
      const [x, w, b] = leaves(
        randn([g.N, g.C, g.kh + g.extraH, g.kw + g.extraW], r),
        randn([g.O, g.C, g.kh, g.kw], r),
        randn([g.O], r),
      );
      const options = { stride: g.stride, padding: g.padding };
      return instance(
        (x: Tensor, w: Tensor, b: Tensor) => F.conv2d(x, w, b, options),
        [x, w, b],
        g.seed,
        g,
      );
    }),
  },
  {
    name: "F.conv2dInput and F.conv2dWeight: a convolution's two gradients as functions",
    covers: ["conv2dInput", "conv2dWeight"],
    arb: fc.tuple(geometry, fc.boolean()).map(([g, batched]) => {
      const r = rng(g.seed);
      const xShape = [g.N, g.C, g.kh + g.extraH, g.kw + g.extraW].slice(batched ? 0 : 1);
      const wShape = [g.O, g.C, g.kh, g.kw];
      const options = { stride: g.stride, padding: g.padding };
      const outShape = F.conv2d(randn(xShape, r), randn(wShape, r), null, options).shape;
      const [x, w, gOut] = leaves(randn(xShape, r), randn(wShape, r), randn(outShape, r));
      return instance(
        (x: Tensor, w: Tensor, gOut: Tensor) =>
          F.conv2dInput(xShape, w, gOut, options)
            .mul(x)
            .sum()
            .add(F.conv2dWeight(x, wShape, gOut, options).mul(w).sum()),
        [x, w, gOut],
        g.seed,
        { ...g, batched },
      );
    }),
  },
  {
    name: "a gradient as a function through F's layers: ∇ of conv2d → gelu → pools → bceLoss (createGraph)",
    covers: [],
    reverseOnly: true,
    arb: geometry.map((g) => {
      const r = rng(g.seed);
      const [x, w, b] = leaves(
        randn([g.N, g.C, g.kh + g.extraH + 2, g.kw + g.extraW + 2], r),
        randn([g.O, g.C, g.kh, g.kw], r),
        randn([g.O], r),
      );
      const options = { stride: g.stride, padding: g.padding };
      const f = (x: Tensor, w: Tensor, b: Tensor): Tensor =>
        enableGrad(() => {
          const h = F.gelu(F.conv2d(x, w, b, options));
          const pooled = F.maxPool2d(h, 2, { stride: 1 }).add(F.avgPool2d(h, 2, { stride: 1 }));
          const loss = F.bceLoss(F.sigmoid(pooled), 0.3).add(F.elu(h).add(F.softplus(h, 2)).mean());
          const gs = autograd.grad(loss, [x, w, b], { createGraph: true });
          return gs.reduce(
            (s: Tensor, gi) => (gi === null ? s : s.add(gi.pow(2).sum())),
            tensor(0),
          );
        });
      return instance(f, [x, w, b], g.seed, g);
    }),
  },
  {
    name: "F.conv1d: input, weight and bias, batched or not",
    covers: ["conv1d"],
    arb: fc.tuple(geometry, fc.boolean()).map(([g, batched]) => {
      const r = rng(g.seed);
      const L = g.kw + g.extraW;
      const [x, w, b] = leaves(
        randn(batched ? [g.N, g.C, L] : [g.C, L], r),
        randn([g.O, g.C, g.kw], r),
        randn([g.O], r),
      );
      const options = { stride: g.stride, padding: g.padding };
      return instance(
        (x: Tensor, w: Tensor, b: Tensor) => F.conv1d(x, w, b, options),
        [x, w, b],
        g.seed,
        { ...g, batched },
      );
    }),
  },
  {
    name: "F.maxPool2d and F.avgPool2d",
    covers: ["maxPool2d", "avgPool2d"],
    arb: geometry.map((g) => {
      const x = distinct([g.N, g.C, g.kh + g.extraH, g.kw + g.extraW], g.seed);
      const options = {
        stride: g.stride,
        padding: Math.min(g.padding, Math.floor(g.kh / 2), Math.floor(g.kw / 2)),
      };
      const k: [number, number] = [g.kh, g.kw];
      return instance(
        (x: Tensor) =>
          F.maxPool2d(x, k, options)
            .sum()
            .add(F.avgPool2d(x, k, options).mul(2).sum()),
        [x],
        g.seed,
        g,
      );
    }),
  },
  {
    name: "F.mseLoss with every reduction",
    covers: ["mseLoss"],
    arb: fc.tuple(sizes, reductionArb).map(([g, reduction]) => {
      const r = rng(g.seed);
      const [z, t] = leaves(randn([g.batch, g.outF], r), randn([g.batch, g.outF], r));
      return instance((z: Tensor, t: Tensor) => F.mseLoss(z, t, reduction), [z, t], g.seed, {
        ...g,
        reduction,
      });
    }),
  },
  {
    name: "F.mseLoss against one number",
    covers: ["mseLoss"],
    arb: sizes.map((g) => {
      const [z] = leaves(randn([g.batch, g.outF], rng(g.seed)));
      return instance((z: Tensor) => F.mseLoss(z, 0.5), [z], g.seed, g);
    }),
  },
  {
    name: "F.crossEntropy with class labels, every reduction",
    covers: ["crossEntropy"],
    arb: fc.tuple(sizes, reductionArb).map(([g, reduction]) => {
      const r = rng(g.seed);
      const labels = Array.from({ length: g.batch }, () => r.int(g.outF));
      const [z] = leaves(randn([g.batch, g.outF], r));
      return instance((z: Tensor) => F.crossEntropy(z, labels, reduction), [z], g.seed, {
        ...g,
        labels,
        reduction,
      });
    }),
  },
  {
    name: "F.crossEntropy with class probabilities",
    covers: ["crossEntropy"],
    arb: sizes.map((g) => {
      const r = rng(g.seed);
      const p = rand([g.batch, g.outF], r, { low: 0.1, high: 1 });
      const targets = p.div(p.sum(1, true));
      const [z] = leaves(randn([g.batch, g.outF], r));
      return instance((z: Tensor) => F.crossEntropy(z, targets), [z], g.seed, g);
    }),
  },
  {
    name: "F.bceLoss with every reduction",
    covers: ["bceLoss"],
    arb: fc.tuple(sizes, reductionArb).map(([g, reduction]) => {
      const r = rng(g.seed);
      const [p, y] = leaves(
        rand([g.batch, g.outF], r, { low: 0.05, high: 0.95 }),
        rand([g.batch, g.outF], r),
      );
      return instance((p: Tensor, y: Tensor) => F.bceLoss(p, y, reduction), [p, y], g.seed, {
        ...g,
        reduction,
      });
    }),
  },
  {
    name: "F.hingeLoss with every reduction",
    covers: ["hingeLoss"],
    arb: fc.tuple(sizes, reductionArb).map(([g, reduction]) => {
      const r = rng(g.seed);
      const labels = Array.from({ length: g.batch * g.outF }, () => (r.next() < 0.5 ? -1 : 1));
      // Scores kept 0.05 away from the kink at y·s = 1, where the hinge has no derivative.
      const s = Array.from({ length: g.batch * g.outF }, (_, k) => {
        const margin = 1 + (r.next() < 0.5 ? -1 : 1) * (0.05 + r.next());
        return margin * labels[k];
      });
      const [scores] = leaves(tensor(Float64Array.from(s), { shape: [g.batch, g.outF] }));
      return instance((x: Tensor) => F.hingeLoss(x, labels, reduction), [scores], g.seed, {
        ...g,
        reduction,
      });
    }),
  },
  {
    name: "F.dropout with a fixed-seed mask (the same mask on every evaluation)",
    covers: ["dropout"],
    arb: fc.tuple(sizes, fc.double({ min: 0, max: 0.9, noNaN: true })).map(([g, p]) => {
      const [x] = leaves(randn([g.batch, g.outF], rng(g.seed)));
      return instance((x: Tensor) => F.dropout(x, p, true, rng(g.seed + 1)).mul(x), [x], g.seed, {
        ...g,
        p,
      });
    }),
  },
  {
    name: "F's activations (the tensor ops under torch.nn.functional names)",
    covers: ["relu", "leakyRelu", "sigmoid", "tanh", "softmax", "logSoftmax"],
    arb: sizes.map((g) => {
      const r = rng(g.seed);
      // Kept 0.01 away from the kinks of relu and leakyRelu at 0.
      const v = Array.from(
        { length: g.batch * g.outF },
        () => (r.next() < 0.5 ? -1 : 1) * (0.01 + r.next()),
      );
      const [x] = leaves(tensor(Float64Array.from(v), { shape: [g.batch, g.outF] }));
      return instance(
        (x: Tensor) =>
          F.relu(x)
            .add(F.leakyRelu(x, 0.2))
            .add(F.sigmoid(x))
            .add(F.tanh(x))
            .add(F.softmax(x, 1))
            .add(F.logSoftmax(x, -1)),
        [x],
        g.seed,
        g,
      );
    }),
  },
  {
    name: "F.gelu (exact and tanh), F.elu and F.softplus, across their bends and thresholds",
    covers: ["gelu", "elu", "softplus"],
    arb: fc.tuple(sizes, fc.double({ min: 0.2, max: 3, noNaN: true })).map(([g, p]) => {
      const r = rng(g.seed);
      // Spread over ±25 so softplus's βx > 20 branch is reached; kept 0.01 away from elu's kink.
      const v = Array.from(
        { length: g.batch * g.outF },
        () => (r.next() < 0.5 ? -1 : 1) * (0.01 + r.next() * (r.next() < 0.2 ? 25 : 3)),
      );
      const [x] = leaves(tensor(Float64Array.from(v), { shape: [g.batch, g.outF] }));
      return instance(
        (x: Tensor) =>
          F.gelu(x)
            .add(F.gelu(x, { approximate: "tanh" }))
            .add(F.elu(x, p))
            .add(F.softplus(x, p)),
        [x],
        g.seed,
        { ...g, p },
      );
    }),
  },
  {
    name: "F.nllLoss of log-probabilities, every reduction",
    covers: ["nllLoss"],
    arb: fc.tuple(sizes, reductionArb).map(([g, reduction]) => {
      const r = rng(g.seed);
      const labels = Array.from({ length: g.batch }, () => r.int(g.outF));
      const [z] = leaves(randn([g.batch, g.outF], r));
      return instance((z: Tensor) => F.nllLoss(z.logSoftmax(-1), labels, reduction), [z], g.seed, {
        ...g,
        reduction,
      });
    }),
  },
  {
    name: "F.bceWithLogitsLoss, every reduction, with respect to logits and targets",
    covers: ["bceWithLogitsLoss"],
    arb: fc.tuple(sizes, reductionArb).map(([g, reduction]) => {
      const r = rng(g.seed);
      const [z, y] = leaves(randn([g.batch, g.outF], r).mul(3), rand([g.batch, g.outF], r));
      return instance(
        (z: Tensor, y: Tensor) => F.bceWithLogitsLoss(z, y, reduction),
        [z, y],
        g.seed,
        { ...g, reduction },
      );
    }),
  },
  {
    name: "F.binaryCrossEntropyWithLogits with posWeight (per class) and weight, every reduction",
    covers: ["binaryCrossEntropyWithLogits"],
    arb: fc.tuple(sizes, reductionArb).map(([g, reduction]) => {
      const r = rng(g.seed);
      const [z, y, posWeight] = leaves(
        randn([g.batch, g.outF], r).mul(3),
        rand([g.batch, g.outF], r),
        rand([g.outF], r, { low: 0.2, high: 4 }),
      );
      const weight = rand([g.batch, 1], r);
      return instance(
        (z: Tensor, y: Tensor, posWeight: Tensor) =>
          F.binaryCrossEntropyWithLogits(z, y, { posWeight, weight, reduction }),
        [z, y, posWeight],
        g.seed,
        { ...g, reduction },
      );
    }),
  },
];

/** Exports of F that are not differentiable functions of tensors. */
export const NOT_DIFFERENTIABLE_F = new Set(["convOutputSize"]);
