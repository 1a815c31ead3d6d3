import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { traceComputation } from "../../../src/graph/model/trace.ts";
import { type Tensor, tensor } from "../../../src/tensor/index.ts";
import { defined } from "../defined.ts";
import { ambiguousNegatives, assertTypesets, equationsOf } from "../tex-checks.ts";

// A random expression: a program of ops over a pool that starts with a few leaves, every
// value shaped [2, 3] (with a [3] row and a scalar broadcast in), ending in a sum or mean.
const opArb = fc.record({
  op: fc.constantFrom(
    "add",
    "sub",
    "mul",
    "div",
    "tanh",
    "sigmoid",
    "relu",
    "square",
    "exp",
    "matmul",
    "self",
    "const",
  ),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.double({ min: -2, max: 2, noNaN: true }),
});
const programArb = fc.record({
  leaves: fc.array(fc.double({ min: -1.5, max: 1.5, noNaN: true }), {
    minLength: 19,
    maxLength: 19,
  }),
  ops: fc.array(opArb, { minLength: 1, maxLength: 14 }),
  mean: fc.boolean(),
});

type Program = {
  leaves: number[];
  ops: { op: string; a: number; b: number; c: number }[];
  mean: boolean;
};

function build(program: Program) {
  const v = program.leaves;
  const A = tensor([v.slice(0, 3), v.slice(3, 6)], { requiresGrad: true, name: "A" });
  const B = tensor([v.slice(6, 9), v.slice(9, 12)], { requiresGrad: true, name: "B" });
  const row = tensor(v.slice(12, 15), { requiresGrad: true, name: "c" });
  const s = tensor(defined(v[15]), { requiresGrad: true, name: "s" });
  const W = tensor([v.slice(16, 19), [0.5, -1, 0.25]], { requiresGrad: false, name: "W" }); // [2, 3]
  const leaves = [A, B, row, s];
  const pool: Tensor[] = [A, B, A.add(row), B.mul(s)];
  for (const { op, a, b, c } of program.ops) {
    const x = defined(pool[a % pool.length]);
    const y = defined(pool[b % pool.length]);
    let out: Tensor;
    switch (op) {
      case "add":
        out = x.add(y);
        break;
      case "sub":
        out = x.sub(y);
        break;
      case "mul":
        out = x.mul(y);
        break;
      case "div":
        out = x.div(y.mul(y).add(1));
        break; // denominator ≥ 1
      case "tanh":
        out = x.tanh();
        break;
      case "sigmoid":
        out = x.sigmoid();
        break;
      case "relu":
        out = x.relu();
        break;
      case "square":
        out = x.pow(2);
        break;
      case "exp":
        out = x.tanh().exp();
        break; // bounded
      case "matmul":
        out = x.matmul(W.transpose()).matmul(W);
        break; // [2,3]@[3,2]@[2,3]
      case "self":
        out = x.mul(x).add(x);
        break; // the same tensor twice in one op
      default:
        out = x.mul(c);
        break;
    }
    pool.push(out);
  }
  const last = defined(pool[pool.length - 1]);
  const loss = program.mean ? last.mean() : last.sum();
  return { leaves, pool, loss };
}

test("graph.trace(random expression) reproduces backward() on every tensor, bit for bit", () => {
  fc.assert(
    fc.property(programArb, (program) => {
      const { loss, leaves } = build(program);
      const { trace: t, tensors } = traceComputation(loss);
      for (const x of tensors.values()) if (x.gradFn) x.retainGrad();
      loss.backward();
      let compared = 0;
      for (const node of t.nodes) {
        const tensorOf = defined(tensors.get(node.id), node.label);
        if (node.id === t.output) continue; // backward() does not store the seed on the root
        assert.equal(
          node.grad === null,
          tensorOf.grad === null,
          `${node.label}: gradient present in one only`,
        );
        if (!node.grad || !tensorOf.grad) continue;
        node.grad.data.forEach((g, k) => {
          assert.ok(
            Object.is(g, tensorOf.grad?.data[k]),
            `${node.label}[${k}]: trace ${g}, backward() ${tensorOf.grad?.data[k]}`,
          );
        });
        compared++;
      }
      assert.equal(compared, t.nodes.filter((n) => n.grad).length - 1);
      assert.ok(
        t.nodes.some((n) => n.grad && leaves.some((leaf) => leaf === tensors.get(n.id))),
        "no leaf reached",
      );
    }),
    { numRuns: 150, seed: 20261122 },
  );
});

test("graph.trace(random expression): every equation typesets and no negative number misreads", () => {
  fc.assert(
    fc.property(programArb, (program) => {
      const { loss } = build(program);
      const { trace: t } = traceComputation(loss);
      for (const { where, tex } of equationsOf(t)) {
        assertTypesets(tex, where);
        assert.deepEqual(ambiguousNegatives(tex), [], `${where}: ${tex}`);
      }
    }),
    { numRuns: 25, seed: 20261123 },
  );
});
