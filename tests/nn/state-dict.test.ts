import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { nn, randn, rng } from "../../src/index.ts";

function net(seed: number) {
  return new nn.Sequential(
    new nn.Linear(2, 3, { seed }),
    new nn.BatchNorm1d(3),
    new nn.ReLU(),
    new nn.Linear(3, 1, { seed: seed + 1 }),
  );
}

/** A state as plain numbers, to compare two states. */
const plain = (state: Record<string, { shape: readonly number[]; data: Float64Array }>) =>
  Object.fromEntries(Object.entries(state).map(([k, t]) => [k, [t.shape, Array.from(t.data)]]));

/** A Storage stand-in: what nn.saveModel and nn.loadModel need of localStorage. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => {
      items.set(k, v);
    },
  };
}

describe("module.stateDict() and module.loadStateDict(state)", () => {
  test("names every parameter and buffer by its dotted path, as copies", () => {
    const model = net(0);
    const state = model.stateDict();
    assert.deepEqual(Object.keys(state), [
      "0.weight",
      "0.bias",
      "1.weight",
      "1.bias",
      "3.weight",
      "3.bias",
      "1.runningMean",
      "1.runningVar",
    ]);
    assert.deepEqual(state["0.weight"].shape, [3, 2]);
    const before = state["0.weight"].data[0];
    model.parameters()[0].data[0] += 1;
    assert.equal(state["0.weight"].data[0], before);
  });

  test("loading another model's state makes the two compute the same", () => {
    const a = net(0);
    a.call(randn([4, 2], rng(5))); // moves a's running statistics
    const b = net(10).loadStateDict(a.stateDict());
    a.eval();
    b.eval();
    const x = randn([5, 2], rng(1));
    assert.deepEqual(Array.from(b.call(x).data), Array.from(a.call(x).data));
  });

  test("refuses a state of another shape, naming the entry, and changes nothing", () => {
    const model = net(0);
    const other = new nn.Sequential(
      new nn.Linear(2, 4),
      new nn.BatchNorm1d(4),
      new nn.ReLU(),
      new nn.Linear(4, 1),
    );
    const before = model.stateDict();
    assert.throws(
      () => model.loadStateDict(other.stateDict()),
      /^Error: loadStateDict: "0\.weight" is \[3,2\] in the model but \[4,2\] in the state$/,
    );
    assert.deepEqual(plain(model.stateDict()), plain(before));
  });

  test("names missing and unexpected entries; { strict: false } loads the names both have", () => {
    const model = net(0);
    const state = model.stateDict();
    const { "3.bias": _dropped, ...partial } = state;
    assert.throws(
      () => model.loadStateDict({ ...partial, extra: state["3.bias"] }),
      /^Error: loadStateDict: the state does not fit this model — missing "3\.bias"; unexpected "extra" \(pass \{ strict: false \} to load the names both have\)$/,
    );
    const fresh = net(3).loadStateDict(partial, { strict: false });
    assert.deepEqual(
      Array.from(fresh.stateDict()["0.weight"].data),
      Array.from(state["0.weight"].data),
    );
    assert.throws(
      () => model.loadStateDict(5 as never),
      /^Error: loadStateDict: expected a state such as model\.stateDict\(\) \(names to tensors\), found the number 5$/,
    );
  });

  test("takes nested arrays and its own JSON form", () => {
    const lin = new nn.Linear(2, 1, { seed: 0 });
    lin.loadStateDict({ weight: [[1, 2]], bias: [3] });
    assert.deepEqual(Array.from(lin.call([[1, 1]]).data), [6]);
    const copy = new nn.Linear(2, 1).loadStateDict(
      JSON.parse(JSON.stringify(nn.stateToJSON(lin.stateDict()))),
    );
    assert.deepEqual(Array.from(copy.weight.data), [1, 2]);
  });
});

describe("nn.saveModel(model, key) and nn.loadModel(model, key)", () => {
  test("keep a trained model in the storage and bring it back", () => {
    const storage = memoryStorage();
    const model = net(0);
    nn.saveModel(model, "digits-cnn", storage);
    assert.ok(storage.items.get("digits-cnn")?.startsWith('{"format":'));
    const other = net(7);
    assert.equal(nn.loadModel(other, "digits-cnn", storage), true);
    assert.deepEqual(plain(other.stateDict()), plain(model.stateDict()));
    assert.equal(nn.loadModel(other, "nothing-here", storage), false);
  });

  test("say what is wrong: no storage, a bad key, a full storage, a key holding something else", () => {
    assert.throws(
      () => nn.saveModel(net(0), "m"),
      /^Error: nn\.saveModel: no storage here \(a page's localStorage, or pass one with getItem and setItem\), found undefined$/,
    );
    assert.throws(
      () => nn.saveModel(net(0), "", memoryStorage()),
      /^Error: nn\.saveModel: expected a name to keep the model under, such as "digits-cnn", found a string \(""\)$/,
    );
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    assert.throws(
      () => nn.saveModel(net(0), "m", full),
      /the storage refused \d+ kB under "m" \(QuotaExceededError\) — is it full\?$/,
    );
    const storage = memoryStorage();
    storage.setItem("notes", "hello");
    assert.throws(
      () => nn.loadModel(net(0), "notes", storage),
      /^Error: nn\.loadModel: "notes" does not hold a model kept by nn\.saveModel$/,
    );
  });
});

describe("module.modules(), namedModules() and apply(fn)", () => {
  test("list the module and everything inside it, outermost first", () => {
    const model = net(0);
    const names = model
      .namedModules()
      .map(([name, m]) => `${name}:${m.constructor === nn.Sequential ? "seq" : ""}`);
    assert.deepEqual(names, [":seq", "0:", "1:", "2:", "3:"]);
    assert.equal(model.modules().length, 5);
    assert.ok(model.modules()[1] instanceof nn.Linear);
  });

  test("apply visits children before their parent and returns the module", () => {
    const model = net(0);
    const order: string[] = [];
    const same = model.apply((m) => {
      order.push(
        m instanceof nn.Linear
          ? "L"
          : m instanceof nn.BatchNorm1d
            ? "B"
            : m instanceof nn.ReLU
              ? "R"
              : "S",
      );
    });
    assert.equal(same, model);
    assert.deepEqual(order, ["L", "B", "R", "L", "S"]);
    model.apply((m) => {
      if (m instanceof nn.Linear) nn.init.zeros(m.weight);
    });
    assert.ok(model.parameters()[0].data.every((w) => w === 0));
    assert.throws(
      () => model.apply(3 as never),
      /^Error: Module\.apply: expected a function of a module, found number$/,
    );
  });
});
