import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as vega from "vega";
import * as vl from "vega-lite";
import { replaceRows } from "../../src/plots/replace-rows.ts";

type Row = { x: number; y: number };
const curve = (n: number, shift: number): Row[] =>
  Array.from({ length: n }, (_, i) => ({ x: i, y: Math.sin(i / 10 + shift) }));

/** A Vega-Lite line over a named dataset, as the live plots draw it, run headless. */
async function lineView(rows: Row[]): Promise<vega.View> {
  const spec = vl.compile({
    data: { name: "curve" },
    datasets: { curve: rows },
    mark: "line",
    encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } },
  } as vl.TopLevelSpec).spec;
  const view = new vega.View(vega.parse(spec), { renderer: "none" });
  await view.runAsync();
  return view;
}

async function replace(view: vega.View, rows: unknown[]): Promise<void> {
  view.change("curve", replaceRows(vega.changeset(), view.data("curve"), rows));
  await view.runAsync();
}

/** The values of every dataset Vega derived from `curve` (the one the line is drawn from). */
const derived = (view: vega.View): Row[] => view.data("data_0") as Row[];

const plain = (rows: unknown[]): Row[] =>
  rows.map((r) => Object.fromEntries(Object.entries(r as Row)) as Row);
const ids = (rows: unknown[]): number[] => rows.map((r) => vega.tupleid(r as object));

describe("replaceRows(changes, current, rows)", () => {
  it("writes new rows into the tuples the view holds, so no tuple id is ever spent again", async () => {
    const view = await lineView(curve(121, 0));
    const before = ids(view.data("curve"));
    for (let frame = 1; frame <= 50; frame++) await replace(view, curve(121, frame));
    assert.deepEqual(ids(view.data("curve")), before);
    assert.deepEqual(plain(view.data("curve")), curve(121, 50));
    // The derived dataset follows the modified tuples too.
    assert.deepEqual(
      plain(derived(view)).sort((a, b) => a.x - b.x),
      curve(121, 50),
    );
  });

  it("inserts rows past the current count and removes tuples beyond the new count", async () => {
    const view = await lineView(curve(5, 0));
    await replace(view, curve(8, 1));
    assert.deepEqual(plain(view.data("curve")), curve(8, 1));
    await replace(view, curve(3, 2));
    assert.deepEqual(plain(view.data("curve")), curve(3, 2));
    await replace(view, []);
    assert.deepEqual(view.data("curve"), []);
  });

  it("copies a row that is itself one of the view's tuples before inserting it", async () => {
    const view = await lineView(curve(4, 0));
    const held = view.data("curve") as Row[];
    // Thinning a history hands back some of the tuples already drawn.
    const kept = [held[0], held[2], held[3], { x: 9, y: 9 }, { x: 10, y: 10 }];
    const expected = plain(kept);
    await replace(view, kept);
    assert.deepEqual(plain(view.data("curve")), expected);
    const now = ids(view.data("curve"));
    assert.equal(new Set(now).size, now.length, "every tuple has an id of its own");
  });

  it("drops fields a new row leaves out", async () => {
    const view = await lineView([{ x: 0, y: 1 }]);
    await replace(view, [{ x: 2 }]);
    assert.deepEqual(plain(view.data("curve")), [{ x: 2, y: undefined }]);
  });
});
