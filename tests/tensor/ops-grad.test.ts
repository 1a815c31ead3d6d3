// Every op's gradient against central differences, on random shapes and values (fast-check).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { gradcheck, type Tensor } from "../../src/index.ts";
import * as ops from "../../src/tensor/ops/index.ts";
import { broadcastPairArb, filled, shapeArb } from "./helpers.ts";

const RUNS = { numRuns: 15 };
const TOL = { eps: 1e-6, tol: 1e-6 };

function check(fn: (...xs: Tensor[]) => Tensor, inputs: Tensor[]): void {
  const report = gradcheck(fn, inputs, TOL);
  assert.ok(report.ok, `${report.op}:\n${report.toString()}`);
}

describe("element-wise binary ops with broadcasting match central differences", () => {
  const binary: [
    string,
    (a: Tensor, b: Tensor) => Tensor,
    { low?: number; high?: number; gap?: number },
  ][] = [
    ["add", (a, b) => a.add(b), {}],
    ["sub", (a, b) => a.sub(b), {}],
    ["mul", (a, b) => a.mul(b), {}],
    ["div", (a, b) => a.div(b), { gap: 0.5 }],
    ["pow (tensor exponent)", (a, b) => a.pow(b), { low: 0.5, high: 2 }],
  ];
  for (const [name, f, domain] of binary) {
    it(`${name}(a, b) for broadcast-compatible shapes`, () => {
      fc.assert(
        fc.property(broadcastPairArb, fc.integer(), ([sa, sb], seed) => {
          check(f, [filled(sa, seed, domain), filled(sb, seed + 1, domain)]);
        }),
        RUNS,
      );
    });
  }
  it("numbers mixed with tensors: 3 − x, x / 2, 2 ** x", () => {
    fc.assert(
      fc.property(shapeArb, fc.integer(), (s, seed) => {
        check((x) => ops.sub(3, x).add(x.div(2)).add(ops.pow(2, x)), [filled(s, seed)]);
      }),
      RUNS,
    );
  });
});

describe("element-wise unary ops match central differences", () => {
  const unary: [string, (a: Tensor) => Tensor, { low?: number; high?: number; gap?: number }][] = [
    ["neg", (a) => a.neg(), {}],
    ["exp", (a) => a.exp(), {}],
    ["log", (a) => a.log(), { low: 0.2, high: 3 }],
    ["sqrt", (a) => a.sqrt(), { low: 0.2, high: 3 }],
    ["abs", (a) => a.abs(), { gap: 0.01 }],
    ["tanh", (a) => a.tanh(), {}],
    ["sigmoid", (a) => a.sigmoid(), {}],
    ["relu", (a) => a.relu(), { gap: 0.01 }],
    ["leakyRelu(0.1)", (a) => a.leakyRelu(0.1), { gap: 0.01 }],
    ["pow(x, 2)", (a) => a.pow(2), {}],
    ["pow(x, 3)", (a) => a.pow(3), {}],
    ["pow(x, -1)", (a) => a.pow(-1), { gap: 0.5 }],
    ["pow(x, 0.5)", (a) => a.pow(0.5), { low: 0.2, high: 3 }],
    ["clamp(-1, 1)", (a) => a.clamp(-1, 1), { gap: 0.01 }],
  ];
  for (const [name, f, domain] of unary) {
    it(name, () => {
      fc.assert(
        fc.property(shapeArb, fc.integer(), (s, seed) => check(f, [filled(s, seed, domain)])),
        RUNS,
      );
    });
  }
});

const matrixArb = fc.tuple(
  fc.integer({ min: 1, max: 4 }),
  fc.integer({ min: 1, max: 4 }),
  fc.integer({ min: 1, max: 4 }),
);

describe("where(cond, a, b) matches central differences in a and b", () => {
  it("with broadcasting", () => {
    fc.assert(
      fc.property(broadcastPairArb, fc.integer(), ([sa, sb], seed) => {
        const cond = filled(sb, seed + 2).gt(0);
        check((a, b) => ops.where(cond, a, b), [filled(sa, seed), filled(sb, seed + 1)]);
      }),
      RUNS,
    );
  });
});

describe("matmul matches central differences", () => {
  it("2-D @ 2-D", () => {
    fc.assert(
      fc.property(matrixArb, fc.integer(), ([m, k, n], seed) => {
        check((a, b) => a.matmul(b), [filled([m, k], seed), filled([k, n], seed + 1)]);
      }),
      RUNS,
    );
  });
  it("2-D @ 1-D, 1-D @ 2-D and 1-D @ 1-D", () => {
    fc.assert(
      fc.property(matrixArb, fc.integer(), ([m, k, n], seed) => {
        check((a, v) => a.matmul(v), [filled([m, k], seed), filled([k], seed + 1)]);
        check((v, b) => v.matmul(b), [filled([k], seed + 2), filled([k, n], seed + 3)]);
        check((u, v) => u.matmul(v), [filled([k], seed + 4), filled([k], seed + 5)]);
      }),
      RUNS,
    );
  });
  it("x @ W.T, the layout of nn.Linear", () => {
    fc.assert(
      fc.property(matrixArb, fc.integer(), ([m, k, n], seed) => {
        check((x, W) => x.matmul(W.T), [filled([m, k], seed), filled([n, k], seed + 1)]);
      }),
      RUNS,
    );
  });
});

/** A random axis of a shape of rank ≥ 1, possibly negative. */
const shapeAxisArb = fc
  .tuple(
    fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    fc.nat(),
    fc.boolean(),
  )
  .map(([s, a, negative]) => {
    const axis = a % s.length;
    return [s, negative ? axis - s.length : axis] as const;
  });

describe("reductions and softmax match central differences", () => {
  for (const keepdim of [false, true]) {
    it(`sum, mean, max over one axis (keepdim ${keepdim})`, () => {
      fc.assert(
        fc.property(shapeAxisArb, fc.integer(), ([s, axis], seed) => {
          check((x) => x.sum(axis, keepdim), [filled(s, seed)]);
          check((x) => x.mean(axis, keepdim), [filled(s, seed)]);
          check((x) => x.max(axis, keepdim), [filled(s, seed)]);
          check((x) => x.min(axis, keepdim), [filled(s, seed)]);
        }),
        RUNS,
      );
    });
  }
  it("sum, mean, max of all elements", () => {
    fc.assert(
      fc.property(shapeArb, fc.integer(), (s, seed) => {
        check((x) => x.sum(), [filled(s, seed)]);
        check((x) => x.mean(), [filled(s, seed)]);
        check((x) => x.max(), [filled(s, seed)]);
      }),
      RUNS,
    );
  });
  it("softmax and logSoftmax along an axis", () => {
    fc.assert(
      fc.property(shapeAxisArb, fc.integer(), ([s, axis], seed) => {
        check((x) => x.softmax(axis), [filled(s, seed)]);
        check((x) => x.logSoftmax(axis), [filled(s, seed)]);
      }),
      RUNS,
    );
  });
});

describe("shape ops match central differences", () => {
  it("reshape, flatten, unsqueeze, transpose, expand, clone", () => {
    fc.assert(
      fc.property(shapeArb, fc.integer(), (s, seed) => {
        const x = filled(s, seed);
        check((t) => t.reshape([-1]), [x]);
        check((t) => t.unsqueeze(0).mul(t.unsqueeze(0)), [x]);
        check((t) => t.expand([2, ...s]), [x]);
        check((t) => t.clone().mul(t), [x]);
        if (s.length === 2) check((t) => t.T, [x]);
        if (s.length === 3) check((t) => t.transpose(0, 2), [x]);
      }),
      RUNS,
    );
  });
  it("narrow, select, index and slice", () => {
    fc.assert(
      fc.property(shapeAxisArb, fc.nat(), fc.integer(), ([s, axis], pick, seed) => {
        const n = s[axis < 0 ? axis + s.length : axis];
        const start = pick % n;
        check((t) => t.narrow(axis, start, n - start), [filled(s, seed)]);
        check((t) => t.select(axis, start), [filled(s, seed)]);
        check((t) => t.index(pick % s[0]), [filled(s, seed)]);
        check((t) => t.slice(start), [filled(s, seed)]);
      }),
      RUNS,
    );
  });
  it("concat and stack", () => {
    fc.assert(
      fc.property(
        shapeAxisArb,
        fc.integer({ min: 1, max: 3 }),
        fc.integer(),
        ([s, axis], extra, seed) => {
          const ax = axis < 0 ? axis + s.length : axis;
          const other = s.map((d, i) => (i === ax ? extra : d));
          check((a, b) => ops.concat([a, b], axis), [filled(s, seed), filled(other, seed + 1)]);
          check((a, b) => ops.stack([a, b, a], ax), [filled(s, seed), filled(s, seed + 1)]);
        },
      ),
      RUNS,
    );
  });
});

describe("compositions match central differences", () => {
  it("a two-layer tanh network with an MSE loss", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer(),
        (n, h, seed) => {
          const x = filled([n, 2], seed);
          x.requiresGrad = false;
          const y = filled([n, 1], seed + 1);
          y.requiresGrad = false;
          check(
            (W1, b1, W2, b2) =>
              x.matmul(W1.T).add(b1).tanh().matmul(W2.T).add(b2).sub(y).pow(2).mean(),
            [
              filled([h, 2], seed + 2),
              filled([h], seed + 3),
              filled([1, h], seed + 4),
              filled([1], seed + 5),
            ],
          );
        },
      ),
      RUNS,
    );
  });
});
