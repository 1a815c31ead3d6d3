// Labels for every tensor of a traced computation: the caller's map first, then the tensor's
// own `name`, then the lecture's letters — z₁/a₁ around activations (and z for a linear layer
// after the last one), v₁, v₂, … for other intermediates, ℓ for an unnamed output, the number
// itself for a constant.
import type { Tensor } from "../../tensor/tensor.ts";
import { formatNumber, texNumber } from "./format.ts";
import { indexedLabel, type Label, labelFromName, texToPlain } from "./labels.ts";
import { isActivation } from "./op-definitions.ts";

/** Tensor → TeX label, as a Map or as `{ "\\hat{y}": yhat }`. */
export type NameMap = ReadonlyMap<Tensor, string> | Readonly<Record<string, Tensor>>;

function lookup(names: NameMap | undefined): Map<Tensor, string> {
  const map = new Map<Tensor, string>();
  if (!names) return map;
  if (names instanceof Map) {
    for (const [t, tex] of names) map.set(t, tex);
  } else {
    for (const [tex, t] of Object.entries(names as Readonly<Record<string, Tensor>>))
      map.set(t, tex);
  }
  return map;
}

/** Labels for `order` (topological, the output last). */
export function nameNodes(
  order: readonly Tensor[],
  root: Tensor,
  names?: NameMap,
): Map<Tensor, Label> {
  const given = lookup(names);
  const labels = new Map<Tensor, Label>();
  for (const t of order) {
    const tex = given.get(t);
    if (tex !== undefined) labels.set(t, { label: texToPlain(tex), tex });
    else if (t.name) labels.set(t, labelFromName(t.name));
  }
  // Layers first: an activation's unnamed input is its pre-activation z of the same layer.
  let layer = 0;
  for (const t of order) {
    const fn = t.gradFn;
    if (!fn || !isActivation(fn.op)) continue;
    layer += 1;
    if (!labels.has(t) && t !== root) labels.set(t, indexedLabel("a", layer));
    const z = fn.inputs[0];
    if (
      z &&
      !labels.has(z) &&
      z !== root &&
      ["add", "matmul", "linear"].includes(z.gradFn?.op ?? "")
    ) {
      labels.set(z, indexedLabel("z", layer));
    }
  }
  // A layer with no activation after it (the usual linear output layer) still has a z: the
  // one after the last activation's a.
  const biased = new Set(order.map((t) => (t.gradFn?.op === "add" ? t.gradFn.inputs[0] : null)));
  const taken = new Set([...labels.values()].map((l) => l.tex));
  for (const t of order) {
    // z = W a + b is the bias add, not the product before it.
    if (labels.has(t) || t === root || (t.gradFn?.op === "matmul" && biased.has(t))) continue;
    const input = layerInput(t);
    const z = input ? nextLayerZ(labels.get(input)) : null;
    if (z && !taken.has(z.tex)) {
      labels.set(t, z);
      taken.add(z.tex);
    }
  }
  let v = 0;
  let p = 0;
  let u = 0;
  for (const t of order) {
    if (labels.has(t)) continue;
    if (t === root) labels.set(t, { label: "ℓ", tex: "\\ell" });
    else if (t.isConstant) {
      const x = t.data[0] ?? 0;
      labels.set(t, { label: formatNumber(x), tex: texNumber(x) });
    } else if (!t.gradFn) {
      labels.set(t, t.requiresGrad ? indexedLabel("\\theta", ++p) : indexedLabel("u", ++u));
    } else labels.set(t, productLabel(t, labels) ?? indexedLabel("v", ++v));
  }
  return labels;
}

/** The input a of a layer z = W a + b, z = a W + b or nn.Linear's z = a Wᵀ + b; else null. */
function layerInput(t: Tensor): Tensor | null {
  const fn = t.gradFn;
  if (!fn) return null;
  if (fn.op === "linear") return fn.inputs[0] ?? null;
  const product = fn.op === "add" ? fn.inputs[0] : t;
  const m = product?.gradFn;
  if (m?.op !== "matmul" || m.inputs.length !== 2) return null;
  const [left, right] = m.inputs as [Tensor, Tensor];
  const isWeight = (w: Tensor): boolean => !w.gradFn && w.requiresGrad;
  return isWeight(left) ? right : isWeight(right) ? left : null;
}

/** `a_{l}` → `z_{l+1}` and `a^{(l)}` → `z^{(l+1)}`: the pre-activation of the next layer. */
function nextLayerZ(a: Label | undefined): Label | null {
  const low = a && /^a_\{(\d+)\}$/.exec(a.tex);
  if (low) return indexedLabel("z", Number(low[1]) + 1);
  const high = a && /^a\^\{\((\d+)\)\}$/.exec(a.tex);
  if (!high) return null;
  const tex = `z^{(${Number(high[1]) + 1})}`;
  return { label: texToPlain(tex), tex };
}

/** `W₁x` for an unnamed product of two short labels (what a lecturer writes on the board). */
function productLabel(t: Tensor, labels: ReadonlyMap<Tensor, Label>): Label | null {
  const fn = t.gradFn;
  if (!fn || (fn.op !== "mul" && fn.op !== "matmul") || fn.inputs.length !== 2) return null;
  const [a, b] = fn.inputs.map((x) => (x.isConstant ? undefined : labels.get(x)));
  if (!a || !b || [...a.label].length > 6 || [...b.label].length > 6) return null;
  // x·x keeps its dot: "xx" would hide that one tensor is used twice.
  if (fn.inputs[0] === fn.inputs[1])
    return { label: `${a.label}·${b.label}`, tex: `${a.tex} \\cdot ${b.tex}` };
  return { label: `${a.label}${b.label}`, tex: `${a.tex} ${b.tex}` };
}
