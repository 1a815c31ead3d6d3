// Every differentiable tensor op, each with random inputs of random shapes (fast-check): one
// table that the gradient check (ops-grad.test.ts) and the forward-mode check (jvp.test.ts)
// both run, and a list of what each case covers so a test can insist every op is in it.
import fc from "fast-check";
import { autograd, enableGrad, type Tensor, tensor } from "../../src/index.ts";
import * as ops from "../../src/tensor/ops/index.ts";
import {
  BROADCAST_EXAMPLES,
  broadcastPairArb,
  filled,
  largeShapeArb,
  shapeArb,
} from "./helpers.ts";

/** One concrete check: f and the inputs it is differentiated at. */
export interface OpInstance {
  f: (...xs: Tensor[]) => Tensor;
  inputs: Tensor[];
  /** Seeds the tangents and output weights of the forward-mode check. */
  seed: number;
  /** Shapes and settings, for a failure message. */
  label: string;
}

/** A family of checks of one op. */
export interface OpCase {
  name: string;
  /** Exported op functions this case exercises (for the "every op is checked" test). */
  covers: readonly string[];
  arb: fc.Arbitrary<OpInstance>;
  /** Instances checked besides the random ones (fast-check `examples`). */
  examples?: OpInstance[];
  /** Reverse mode only: f itself differentiates (autograd.grad), which forward mode cannot enter. */
  reverseOnly?: boolean;
}

type Domain = { low?: number; high?: number; gap?: number };

/** A fixed condition of a and b's broadcast shape: true at every third element. */
function everyThird(a: Tensor, b: Tensor): Tensor {
  const shape = ops.add(a.detach(), b.detach()).shape;
  const n = shape.reduce((p, d) => p * d, 1);
  return tensor(
    Float64Array.from({ length: n }, (_, k) => (k % 3 === 0 ? 1 : 0)),
    { shape },
  );
}

const seedArb = fc.integer({ min: 0, max: 1e6 });

function unary(
  name: string,
  covers: readonly string[],
  f: (x: Tensor) => Tensor,
  domain: Domain = {},
  shapes: fc.Arbitrary<number[]> = largeShapeArb,
): OpCase {
  return {
    name,
    covers,
    arb: fc.tuple(shapes, seedArb).map(([s, seed]) => ({
      f: f as OpInstance["f"],
      inputs: [filled(s, seed, domain)],
      seed,
      label: `[${s}]`,
    })),
  };
}

function binary(
  name: string,
  covers: readonly string[],
  f: (a: Tensor, b: Tensor) => Tensor,
  domain: Domain = {},
): OpCase {
  const make = (sa: readonly number[], sb: readonly number[], seed: number): OpInstance => ({
    f: f as OpInstance["f"],
    inputs: [filled(sa, seed, domain), filled(sb, seed + 1, domain)],
    seed,
    label: `[${sa}] with [${sb}]`,
  });
  return {
    name,
    covers,
    arb: fc.tuple(broadcastPairArb, seedArb).map(([[sa, sb], seed]) => make(sa, sb, seed)),
    examples: BROADCAST_EXAMPLES.map(([sa, sb], i) => make(sa, sb, 100 + i)),
  };
}

/** A shape of rank ≥ 1 and one of its axes, possibly negative. */
const shapeAxisArb = fc
  .tuple(
    fc
      .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
      .filter((s) => s.reduce((p, d) => p * d, 1) <= 48),
    fc.nat(),
    fc.boolean(),
  )
  .map(([s, a, negative]) => {
    const axis = a % s.length;
    return [s, negative ? axis - s.length : axis] as const;
  });

function alongAxis(
  name: string,
  covers: readonly string[],
  f: (x: Tensor, axis: number, s: readonly number[]) => Tensor,
  domain: Domain = {},
): OpCase {
  return {
    name,
    covers,
    arb: fc.tuple(shapeAxisArb, seedArb).map(([[s, axis], seed]) => ({
      f: ((x: Tensor) => f(x, axis, s)) as OpInstance["f"],
      inputs: [filled(s, seed, domain)],
      seed,
      label: `[${s}] axis ${axis}`,
    })),
  };
}

const matrixArb = fc.tuple(
  fc.integer({ min: 1, max: 5 }),
  fc.integer({ min: 1, max: 5 }),
  fc.integer({ min: 1, max: 5 }),
  seedArb,
);

function matmulCase(
  name: string,
  shapes: (m: number, k: number, n: number) => [number[], number[]],
): OpCase {
  return {
    name,
    covers: ["matmul"],
    arb: matrixArb.map(([m, k, n, seed]) => {
      const [sa, sb] = shapes(m, k, n);
      return {
        f: ((a: Tensor, b: Tensor) => a.matmul(b)) as OpInstance["f"],
        inputs: [filled(sa, seed), filled(sb, seed + 1)],
        seed,
        label: `[${sa}] @ [${sb}]`,
      };
    }),
  };
}

/** Several distinct axes of a shape of rank ≥ 2, and keepdim. */
const shapeAxesArb = fc
  .tuple(
    fc
      .array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 })
      .filter((s) => s.reduce((p, d) => p * d, 1) <= 48),
    fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    fc.boolean(),
  )
  .map(([s, pick, keepdim]) => {
    const axes = s.map((_, i) => i).filter((i) => pick[i]);
    return [s, axes.length > 0 ? axes : [0, s.length - 1], keepdim] as const;
  });

export const TENSOR_OP_CASES: readonly OpCase[] = [
  // ── element-wise, binary (broadcasting on both sides) ────────────────────────────────
  binary("add", ["add"], (a, b) => a.add(b)),
  binary("sub", ["sub"], (a, b) => a.sub(b)),
  binary("mul", ["mul"], (a, b) => a.mul(b)),
  binary("div", ["div"], (a, b) => a.div(b), { gap: 0.5 }),
  binary("pow with a tensor exponent", ["pow", "powTensor"], (a, b) => a.pow(b), {
    low: 0.5,
    high: 2,
  }),
  binary("where(cond, a, b)", ["where"], (a, b) => ops.where(everyThird(a, b), a, b)),
  unary("numbers mixed with tensors: 3 − x + x/2 + 2^x", [], (x) =>
    ops.sub(3, x).add(x.div(2)).add(ops.pow(2, x)),
  ),
  // ── element-wise, unary ───────────────────────────────────────────────────────────────
  unary("neg", ["neg"], (x) => x.neg()),
  unary("exp", ["exp"], (x) => x.exp()),
  unary("log", ["log"], (x) => x.log(), { low: 0.2, high: 3 }),
  unary("sqrt", ["sqrt"], (x) => x.sqrt(), { low: 0.2, high: 3 }),
  unary("abs", ["abs"], (x) => x.abs(), { gap: 0.01 }),
  unary("tanh", ["tanh"], (x) => x.tanh()),
  unary("sigmoid", ["sigmoid"], (x) => x.sigmoid()),
  unary("relu", ["relu"], (x) => x.relu(), { gap: 0.01 }),
  unary("leakyRelu(0.1)", ["leakyRelu"], (x) => x.leakyRelu(0.1), { gap: 0.01 }),
  unary("pow(x, 2)", ["pow", "powScalar"], (x) => x.pow(2)),
  unary("pow(x, 3)", ["pow", "powScalar"], (x) => x.pow(3)),
  unary("pow(x, −1)", ["pow", "powScalar"], (x) => x.pow(-1), { gap: 0.5 }),
  unary("pow(x, 0.5)", ["pow", "powScalar"], (x) => x.pow(0.5), { low: 0.2, high: 3 }),
  unary("clamp(−1, 1)", ["clamp"], (x) => x.clamp(-1, 1), { gap: 0.01 }),
  // ── matmul ────────────────────────────────────────────────────────────────────────────
  matmulCase("matmul 2-D @ 2-D", (m, k, n) => [
    [m, k],
    [k, n],
  ]),
  matmulCase("matmul 2-D @ 1-D", (m, k) => [[m, k], [k]]),
  matmulCase("matmul 1-D @ 2-D", (_m, k, n) => [[k], [k, n]]),
  matmulCase("matmul 1-D @ 1-D", (_m, k) => [[k], [k]]),
  matmulCase("matmul batched [2,m,k] @ [2,k,n]", (m, k, n) => [
    [2, m, k],
    [2, k, n],
  ]),
  matmulCase("matmul batched [2,m,k] @ [k,n] (broadcast)", (m, k, n) => [
    [2, m, k],
    [k, n],
  ]),
  matmulCase("matmul batched [3,1,m,k] @ [2,k,n] (both broadcast)", (m, k, n) => [
    [3, 1, m, k],
    [2, k, n],
  ]),
  matmulCase("matmul batched [k] @ [2,k,n]", (_m, k, n) => [[k], [2, k, n]]),
  matmulCase("matmul batched [2,m,k] @ [k]", (m, k) => [[2, m, k], [k]]),
  {
    name: "bmm",
    covers: ["bmm"],
    arb: matrixArb.map(([m, k, n, seed]) => ({
      f: ((a: Tensor, b: Tensor) => a.bmm(b)) as OpInstance["f"],
      inputs: [filled([2, m, k], seed), filled([2, k, n], seed + 1)],
      seed,
      label: `[2,${m},${k}] bmm [2,${k},${n}]`,
    })),
  },
  // ── reductions and softmax ────────────────────────────────────────────────────────────
  alongAxis("sum(axis)", ["sum"], (x, axis) => x.sum(axis)),
  alongAxis("sum(axis, keepdim)", ["sum"], (x, axis) => x.sum(axis, true)),
  alongAxis("mean(axis)", ["mean"], (x, axis) => x.mean(axis)),
  alongAxis("mean(axis, keepdim)", ["mean"], (x, axis) => x.mean(axis, true)),
  alongAxis("max(axis)", ["max"], (x, axis) => x.max(axis)),
  alongAxis("min(axis, keepdim)", ["min"], (x, axis) => x.min(axis, true)),
  unary("sum(), mean(), max(), min() of all elements", ["sum", "mean", "max", "min"], (x) =>
    x.sum().add(x.mean().mul(2)).add(x.max()).sub(x.min().mul(3)),
  ),
  {
    name: "sum and mean over several axes",
    covers: ["sum", "mean"],
    arb: fc.tuple(shapeAxesArb, seedArb).map(([[s, axes, keepdim], seed]) => ({
      f: ((x: Tensor) => x.sum(axes, keepdim).add(x.mean(axes, keepdim))) as OpInstance["f"],
      inputs: [filled(s, seed)],
      seed,
      label: `[${s}] axes [${axes}] keepdim ${keepdim}`,
    })),
  },
  alongAxis("softmax(axis)", ["softmax"], (x, axis) => x.softmax(axis)),
  alongAxis("logSoftmax(axis)", ["logSoftmax"], (x, axis) => x.logSoftmax(axis)),
  // ── shape ops ─────────────────────────────────────────────────────────────────────────
  unary("reshape, view, flatten", ["reshape"], (x) =>
    x
      .reshape([-1])
      .mul(x.flatten())
      .add(x.view([...x.shape, 1]).flatten()),
  ),
  unary("unsqueeze and squeeze", ["reshape"], (x) =>
    x.unsqueeze(0).mul(x.unsqueeze(-1).squeeze(-1)),
  ),
  unary("expand", ["expand"], (x) => x.expand([2, ...x.shape]), {}, shapeArb),
  unary("clone", ["clone"], (x) => x.clone().mul(x)),
  {
    name: "transpose",
    covers: ["transpose"],
    arb: fc.tuple(shapeAxisArb, fc.nat(), seedArb).map(([[s, axis], other, seed]) => ({
      f: ((x: Tensor) =>
        s.length === 2 ? x.T.mul(x.T) : x.transpose(axis, other % s.length)) as OpInstance["f"],
      inputs: [filled(s, seed)],
      seed,
      label: `[${s}] axes ${axis}, ${other % s.length}`,
    })),
  },
  {
    name: "narrow, select, index and slice",
    covers: ["narrow", "select"],
    arb: fc.tuple(shapeAxisArb, fc.nat(), seedArb).map(([[s, axis], pick, seed]) => {
      const n = s[axis < 0 ? axis + s.length : axis];
      const start = pick % n;
      return {
        f: ((x: Tensor) =>
          x
            .narrow(axis, start, n - start)
            .sum()
            .add(x.select(axis, start).sum().mul(2))
            .add(
              x
                .index(pick % s[0])
                .sum()
                .mul(3),
            )
            .add(x.slice(start).sum().mul(4))) as OpInstance["f"],
        inputs: [filled(s, seed)],
        seed,
        label: `[${s}] axis ${axis} start ${start}`,
      };
    }),
  },
  {
    name: "concat and stack",
    covers: ["concat", "stack"],
    arb: fc
      .tuple(shapeAxisArb, fc.integer({ min: 1, max: 3 }), seedArb)
      .map(([[s, axis], extra, seed]) => {
        const ax = axis < 0 ? axis + s.length : axis;
        const other = s.map((d, i) => (i === ax ? extra : d));
        return {
          f: ((a: Tensor, b: Tensor, c: Tensor) =>
            ops
              .concat([a, b], axis)
              .sum()
              .add(ops.stack([a, c, a], ax).mul(2).sum())) as OpInstance["f"],
          inputs: [filled(s, seed), filled(other, seed + 1), filled(s, seed + 2)],
          seed,
          label: `[${s}] and [${other}] along ${axis}`,
        };
      }),
  },
  // ── round 2: more element-wise ops, reductions, statistics, indexing ──────────────────
  unary("sin", ["sin"], (x) => x.sin()),
  unary("cos", ["cos"], (x) => x.cos()),
  unary("log1p", ["log1p"], (x) => x.log1p(), { low: -0.5, high: 3 }),
  alongAxis("cumsum(axis)", ["cumsum"], (x, axis) => x.cumsum(axis)),
  alongAxis("prod(axis)", ["prod"], (x, axis) => x.prod(axis)),
  unary("prod() of all elements, keepdim", ["prod"], (x) => x.prod(undefined, true), {}, shapeArb),
  {
    name: "prod with zeros among the entries (the product of the others)",
    covers: ["prod"],
    arb: fc.tuple(shapeAxisArb, fc.nat(), seedArb).map(([[s, axis], at, seed]) => {
      const x = filled(s, seed);
      x.data[at % x.data.length] = 0;
      return {
        f: ((t: Tensor) => t.prod(axis).sum().add(t.prod())) as OpInstance["f"],
        inputs: [x],
        seed,
        label: `[${s}] axis ${axis}, a zero at ${at % x.data.length}`,
      };
    }),
  },
  alongAxis("norm(2, axis)", ["norm"], (x, axis) => x.norm(2, axis)),
  alongAxis("norm(1, axis, keepdim)", ["norm"], (x, axis) => x.norm(1, axis, true), { gap: 0.05 }),
  alongAxis("norm(3, axis)", ["norm"], (x, axis) => x.norm(3, axis), { gap: 0.05 }),
  unary(
    "norm() and norm(Infinity) of all elements",
    ["norm"],
    (x) => x.norm().add(x.norm(Infinity)),
    { gap: 0.05 },
  ),
  alongAxis("var(axis) and std(axis)", ["variance", "std"], (x, axis, s) =>
    s[axis < 0 ? axis + s.length : axis] > 1
      ? x.var(axis).add(x.std(axis, { correction: 0, keepdim: true }).sum())
      : x.var(axis, { correction: 0 }),
  ),
  unary("var() and std() of all elements", ["variance", "std"], (x) =>
    x.numel() > 1 ? x.var().add(x.std()) : x.var(undefined, { correction: 0 }),
  ),
  {
    name: "var and std over several axes",
    covers: ["variance", "std"],
    arb: fc.tuple(shapeAxesArb, seedArb).map(([[s, axes, keepdim], seed]) => ({
      // std's derivative is infinite where every reduced entry is equal (one entry, say)
      f: ((x: Tensor) =>
        axes.reduce((p, a) => p * s[a], 1) > 1
          ? x.var(axes, { correction: 0, keepdim }).add(x.std(axes, { correction: 0, keepdim }))
          : x.var(axes, { correction: 0, keepdim })) as OpInstance["f"],
      inputs: [filled(s, seed)],
      seed,
      label: `[${s}] axes [${axes}] keepdim ${keepdim}`,
    })),
  },
  alongAxis("logsumexp(axis)", ["logsumexp"], (x, axis) => x.logsumexp(axis)),
  unary("logsumexp() of all elements, of scores times 300 (no overflow)", ["logsumexp"], (x) =>
    x.mul(300).logsumexp().div(300),
  ),
  {
    name: "permute",
    covers: ["permute"],
    arb: fc
      .tuple(largeShapeArb, fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), seedArb)
      .map(([s, keys, seed]) => {
        const dims = s.map((_, i) => i).sort((p, q) => keys[p] - keys[q] || p - q);
        return {
          f: ((x: Tensor) => x.permute(dims)) as OpInstance["f"],
          inputs: [filled(s, seed)],
          seed,
          label: `[${s}] permute [${dims}]`,
        };
      }),
  },
  {
    name: "gather(axis, index), an index smaller than the input and repeating entries",
    covers: ["gather"],
    arb: fc
      .tuple(shapeAxisArb, fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), seedArb)
      .map(([[s, axis], picks, seed]) => {
        const ax = axis < 0 ? axis + s.length : axis;
        const ishape = s.map((d, i) => (i === ax ? 1 + (picks[7] % 3) : 1 + (picks[i] % d)));
        const n = ishape.reduce((p, d) => p * d, 1);
        const index = tensor(
          Float64Array.from({ length: n }, (_, k) => (picks[k % 7] + k) % s[ax]),
          { shape: ishape },
        );
        return {
          f: ((x: Tensor) => x.gather(axis, index)) as OpInstance["f"],
          inputs: [filled(s, seed)],
          seed,
          label: `[${s}] axis ${axis} index [${ishape}]`,
        };
      }),
  },
  {
    name: "maskedFill with a mask that broadcasts",
    covers: ["maskedFill"],
    arb: fc
      .tuple(largeShapeArb, fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), seedArb)
      .map(([s, ones, seed]) => {
        const ms = s.map((d, i) => (ones[i] ? 1 : d));
        const n = ms.reduce((p, d) => p * d, 1);
        const mask = tensor(
          Float64Array.from({ length: n }, (_, k) => (k % 2 === 0 ? 1 : 0)),
          { shape: ms },
        );
        return {
          f: ((x: Tensor) => x.maskedFill(mask, -3).mul(x)) as OpInstance["f"],
          inputs: [filled(s, seed)],
          seed,
          label: `[${s}] mask [${ms}]`,
        };
      }),
  },
  {
    ...unary(
      "a gradient as a function: x ↦ ∇ Σ tanh(reshape x) (createGraph records the backward)",
      ["autograd.grad"],
      (x) =>
        enableGrad(() => {
          const [g] = autograd.grad(x.reshape([-1]).tanh().sum(), x, { createGraph: true });
          if (g === null || g === undefined) throw new Error("expected a gradient");
          return g;
        }),
    ),
    reverseOnly: true,
  },
  // ── a composition ─────────────────────────────────────────────────────────────────────
  {
    name: "a two-layer tanh network with a squared loss",
    covers: [],
    arb: fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }), seedArb)
      .map(([n, h, seed]) => {
        const x = filled([n, 2], seed).detach();
        const y = filled([n, 1], seed + 1).detach();
        return {
          f: ((W1: Tensor, b1: Tensor, W2: Tensor, b2: Tensor) =>
            x
              .matmul(W1.T)
              .add(b1)
              .tanh()
              .matmul(W2.T)
              .add(b2)
              .sub(y)
              .pow(2)
              .mean()) as OpInstance["f"],
          inputs: [
            filled([h, 2], seed + 2),
            filled([h], seed + 3),
            filled([1, h], seed + 4),
            filled([1], seed + 5),
          ],
          seed,
          label: `batch ${n}, ${h} hidden units`,
        };
      }),
  },
];

/** Exports of src/tensor/ops that have no gradient (comparisons, indices) or are helpers. */
export const NOT_DIFFERENTIABLE = new Set([
  "eq",
  "ne",
  "ge",
  "gt",
  "le",
  "lt",
  "argmax",
  "argmin",
  "defineUnary",
  "sumToShape",
  // kernels for op authors, and Tensor-method helpers composed of checked ops (reshape, narrow)
  "broadcastData",
  "matmulNN",
  "matmulNT",
  "matmulTN",
  "indexRow",
  "sliceRows",
  "squeeze",
  "unsqueeze",
]);
