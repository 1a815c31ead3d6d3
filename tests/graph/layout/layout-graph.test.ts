import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  FINE_LIMIT,
  type LayoutOptions,
  LIBRARY_LIMIT,
  layoutGraph,
  nodeSize,
} from "../../../src/graph/layout/layout-graph.ts";
import { NODE_SHAPES, shapeOverhang, sideX } from "../../../src/graph/layout/node-shapes.ts";
import { expandNeurons } from "../../../src/graph/model/expand-neurons.ts";
import { trace } from "../../../src/graph/model/trace.ts";
import type { Layout, Trace } from "../../../src/graph/model/types.ts";
import { F, nn, tensor } from "../../../src/index.ts";
import { randomGraph } from "../../bench/graph/random-graph.ts";
import { chapter6Network, mlp221, ridge } from "../examples.ts";

/** The value, asserting that it is there (tests read arrays and maps they just built). */
function must<T>(value: T | undefined | null): T {
  assert.ok(value !== undefined && value !== null, "expected a value, found none");
  return value;
}

/** An nn.MLP 2-4-4-1 on three points: a layer graph with matrices. */
function mlp2441(): Trace {
  const model = new nn.MLP([2, 4, 4, 1], { activation: "tanh", seed: 1 });
  const x = tensor(
    [
      [1.0, 0.1],
      [-0.5, 0.3],
      [0.2, -0.8],
    ],
    { name: "x" },
  );
  const y = tensor([[0.5], [-0.2], [0.1]], { name: "y" });
  return trace(F.mseLoss(model.forward(x), y));
}

function assertNoOverlap(layout: Layout): void {
  const { nodes } = layout;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = must(nodes[i]);
      const b = must(nodes[j]);
      const apart =
        Math.abs(a.x - b.x) >= (a.width + b.width) / 2 ||
        Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
      assert.ok(apart, `${a.id} and ${b.id} overlap`);
    }
  }
}

const graphs: [string, () => Trace, LayoutOptions][] = [
  ["ridge", () => trace(ridge().J), {}],
  ["mlp 2-2-1", () => trace(mlp221().loss), {}],
  ["chapter 6's 2-2-1 network", () => trace(chapter6Network().loss), { rankSep: 12, nodeSep: 28 }],
  ["mlp 2-2-1 as neurons", () => trace(expandNeurons(mlp221().loss)), {}],
  ["nn.MLP 2-4-4-1", mlp2441, {}],
  ["a random 200-node graph", () => trace(randomGraph(200)), {}],
  ["a random 200-node graph with d3-dag", () => trace(randomGraph(200)), { engine: "d3-dag" }],
  ["ridge with the built-in layout", () => trace(ridge().J), { engine: "layered" }],
];

describe("layoutGraph(trace): leaves tucked beside the chain of ops", () => {
  const net = chapter6Network();
  const t = trace(net.loss, { names: net.names });
  const options = { rankSep: 12, nodeSep: 28 };
  const layout = layoutGraph(t, options);
  const box = (label: string) => {
    const node = must(t.nodes.find((n) => n.label === label));
    return must(layout.nodes.find((b) => b.id === node.id));
  };

  test("a wide parameter under a narrow op widens nothing: W⁽²⁾ reaches under a⁽¹⁾ and z⁽¹⁾", () => {
    const W2 = box("W⁽²⁾");
    const a1 = box("a⁽¹⁾");
    const z1 = box("z⁽¹⁾");
    assert.ok(W2.width > a1.width + 40, "W⁽²⁾ is the wider");
    // Its right side meets its op's column; its left reaches past a⁽¹⁾ (nothing stands below).
    assert.ok(W2.x - W2.width / 2 < a1.x - a1.width / 2, "W⁽²⁾ reaches left of a⁽¹⁾");
    // a⁽¹⁾ sits as close to z⁽¹⁾ as the gap between ranks, not pushed out by W⁽²⁾'s width.
    const gap = a1.x - a1.width / 2 - (z1.x + z1.width / 2);
    assert.ok(gap <= options.rankSep + 0.5, `a⁽¹⁾ is ${gap.toFixed(1)} px right of z⁽¹⁾`);
  });

  test("each leaf stands left of its op, and the drawing is narrower than its columns' widest nodes", () => {
    const x = new Map(layout.nodes.map((b) => [b.id, b]));
    for (const n of t.nodes.filter((n) => n.inputs.length === 0)) {
      const leaf = must(x.get(n.id));
      for (const e of t.edges.filter((e) => e.from === n.id)) {
        const op = must(x.get(e.to));
        assert.ok(leaf.x + leaf.width / 2 < op.x - op.width / 2, `${n.label} left of its op`);
      }
    }
    // Without tucking, every rank is as wide as its widest node.
    const untucked = layoutGraph(t, { ...options, engine: "layered" });
    assert.ok(layout.width < untucked.width - 100, `${layout.width} vs ${untucked.width}`);
  });
});

describe("layoutGraph(trace)", () => {
  for (const [name, make, options] of graphs) {
    const t = make();
    const layout = layoutGraph(t, options);

    test(`${name}: is deterministic`, () => {
      assert.deepEqual(layoutGraph(make(), options), layout);
    });

    test(`${name}: no two node boxes overlap, and every box and shape fits the drawing`, () => {
      assertNoOverlap(layout);
      const kinds = new Map(t.nodes.map((n) => [n.id, n.kind]));
      for (const box of layout.nodes) {
        const reach = shapeOverhang(NODE_SHAPES[must(kinds.get(box.id))]);
        assert.ok(box.x - box.width / 2 - reach >= 0, box.id);
        assert.ok(box.x + box.width / 2 + reach <= layout.width + 0.5, box.id);
        assert.ok(box.y - box.height / 2 >= 0 && box.y + box.height / 2 <= layout.height + 0.5);
      }
    });

    test(`${name}: runs left to right, the output last`, () => {
      const x = new Map(layout.nodes.map((n) => [n.id, n.x]));
      for (const e of t.edges)
        assert.ok(must(x.get(e.from)) < must(x.get(e.to)), `${e.from} → ${e.to}`);
      const last = Math.max(...x.values());
      assert.equal(x.get(t.output), last);
    });

    test(`${name}: every edge starts and ends on the outline drawn for its nodes' kinds`, () => {
      const box = new Map(layout.nodes.map((b) => [b.id, b]));
      const kind = new Map(t.nodes.map((n) => [n.id, n.kind]));
      for (const [k, e] of t.edges.entries()) {
        const { points } = must(layout.edges[k]);
        const [p0, p1] = points;
        const [q1, q0] = points.slice(-2);
        const s = must(box.get(e.from));
        const d = must(box.get(e.to));
        const outS = sideX(
          NODE_SHAPES[must(kind.get(e.from))],
          s.width,
          s.height,
          1,
          must(p0).y - s.y,
        );
        const outD = sideX(
          NODE_SHAPES[must(kind.get(e.to))],
          d.width,
          d.height,
          -1,
          must(q0).y - d.y,
        );
        assert.ok(Math.abs(must(p0).x - (s.x + outS)) < 1e-9, `${e.id} starts off ${e.from}`);
        assert.ok(Math.abs(must(q0).x - (d.x + outD)) < 1e-9, `${e.id} ends off ${e.to}`);
        assert.ok(Math.abs(must(q0).y - d.y) < d.height / 2, `${e.id} ends beside ${e.to}`);
        // Horizontal ends: leaves to the right, arrives from the left.
        assert.ok(
          must(p1).x > must(p0).x &&
            must(p1).y === must(p0).y &&
            must(q1).x < must(q0).x &&
            must(q1).y === must(q0).y,
          e.id,
        );
      }
    });
  }

  test("an edge from a parameter leaves from the hexagon's tip, not its box", () => {
    const t = trace(ridge().J);
    const layout = layoutGraph(t);
    const w1 = must(t.nodes.find((n) => n.label === "w₁"));
    assert.equal(NODE_SHAPES.parameter.type, "hexagon");
    const box = must(layout.nodes.find((b) => b.id === w1.id));
    const edge = must(layout.edges[t.edges.findIndex((e) => e.from === w1.id)]);
    assert.equal(
      must(edge.points[0]).x,
      box.x + box.width / 2 + shapeOverhang(NODE_SHAPES.parameter),
    );
  });

  test("x.mul(x) draws two edges that arrive at two different points", () => {
    const ex = ridge();
    const sq = trace(ex.w1.mul(ex.w1));
    const layout = layoutGraph(sq);
    assert.equal(layout.edges.length, 2);
    assert.notDeepEqual(must(layout.edges[0]).points.at(-1), must(layout.edges[1]).points.at(-1));
  });

  test("inputs arrive top to bottom in the order their sources sit, so they do not cross", () => {
    const layout = layoutGraph(trace(ridge().J));
    const y = new Map(layout.nodes.map((b) => [b.id, b.y]));
    const t = layout.trace;
    for (const node of t.nodes) {
      const ins = t.edges.map((e, k) => ({ e, k })).filter(({ e }) => e.to === node.id);
      const bySource = [...ins].sort((a, b) => must(y.get(a.e.from)) - must(y.get(b.e.from)));
      const ends = bySource.map(({ k }) => must(must(layout.edges[k]).points.at(-1)).y);
      assert.deepEqual(
        ends,
        [...ends].sort((a, b) => a - b),
        node.label,
      );
    }
  });

  test("boxes are sized from their text: at least the minimum width, taller for a 2×2", () => {
    const t = trace(mlp221().loss);
    for (const node of t.nodes) assert.ok(nodeSize(node).width >= 48);
    const W1 = must(t.nodes.find((n) => n.label === "W₁"));
    const z2 = must(t.nodes.find((n) => n.label === "z₂"));
    assert.ok(nodeSize(W1).height > nodeSize(z2).height);
  });

  test("the chain of ops runs along one line, its leaves above and below it", () => {
    const layout = layoutGraph(trace(mlp221().loss));
    const y = new Map(layout.nodes.map((b) => [b.id, b.y]));
    const spine = layout.trace.edges.filter((e) => {
      const ends = [e.from, e.to].map((id) => layout.trace.nodes.find((n) => n.id === id));
      return ends.every((n) => n && n.inputs.length > 0);
    });
    assert.ok(spine.length >= 6);
    for (const e of spine) assert.equal(y.get(e.from), y.get(e.to), `${e.from} → ${e.to}`);
  });

  test(`"auto" uses the fine operators up to FINE_LIMIT nodes and the fast ones above`, () => {
    const small = trace(expandNeurons(mlp221().loss));
    assert.ok(small.nodes.length <= FINE_LIMIT);
    assert.deepEqual(layoutGraph(small), layoutGraph(small, { quality: "fine" }));
    const big = trace(randomGraph(FINE_LIMIT + 20));
    assert.ok(big.nodes.length > FINE_LIMIT);
    assert.deepEqual(layoutGraph(big), layoutGraph(big, { quality: "fast" }));
    assert.notDeepEqual(layoutGraph(big).nodes, layoutGraph(big, { quality: "fine" }).nodes);
  });

  test(`"auto" gives d3-dag graphs up to LIBRARY_LIMIT nodes, the built-in layout above`, () => {
    const small = trace(randomGraph(LIBRARY_LIMIT - 10));
    assert.ok(small.nodes.length <= LIBRARY_LIMIT);
    assert.deepEqual(layoutGraph(small), layoutGraph(small, { engine: "d3-dag" }));
    const big = trace(randomGraph(LIBRARY_LIMIT + 20));
    assert.ok(big.nodes.length > LIBRARY_LIMIT);
    assert.deepEqual(layoutGraph(big), layoutGraph(big, { engine: "layered" }));
    assert.notDeepEqual(layoutGraph(big).nodes, layoutGraph(big, { engine: "d3-dag" }).nodes);
  });

  test("nodeSep and rankSep set the gaps between nodes and between ranks", () => {
    const t = trace(ridge().J);
    const tight = layoutGraph(t, { nodeSep: 20, rankSep: 20 });
    const loose = layoutGraph(t, { nodeSep: 60, rankSep: 60 });
    assert.ok(loose.width > tight.width && loose.height > tight.height);
  });

  test("a chain of one-input ops lies on one line, its edges straight", () => {
    const w = tensor(0.5, { requiresGrad: true, name: "w" });
    const layout = layoutGraph(trace(w.tanh().tanh()));
    assert.equal(new Set(layout.nodes.map((b) => b.y)).size, 1);
    for (const e of layout.edges) assert.equal(new Set(e.points.map((p) => p.y)).size, 1);
  });
});
