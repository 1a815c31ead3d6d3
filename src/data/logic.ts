// The four corners of the unit square labelled by a Boolean function: XOR and XNOR are the
// smallest problems no single perceptron solves, since no line separates their classes.
import { Tensor } from "../tensor/index.ts";

/** A small classification set: tensors plus the rows as plain numbers. */
export interface LogicData {
  /** Inputs [4, 2]: (0,0), (0,1), (1,0), (1,1). */
  x: Tensor;
  /** Targets [4, 1], 0 or 1. */
  y: Tensor;
  inputs: [number, number][];
  labels: number[];
}

const CORNERS: [number, number][] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

function logicData(gate: (a: number, b: number) => number): LogicData {
  const labels = CORNERS.map(([a, b]) => gate(a, b));
  return {
    x: new Tensor(Float64Array.from(CORNERS.flat()), [4, 2]),
    y: new Tensor(Float64Array.from(labels), [4, 1]),
    inputs: CORNERS.map(([a, b]) => [a, b]),
    labels,
  };
}

/** `data.xor()`: label 1 when exactly one input is 1. */
export function xor(): LogicData {
  return logicData((a, b) => (a !== b ? 1 : 0));
}

/** `data.xnor()`: label 1 when both inputs are equal. */
export function xnor(): LogicData {
  return logicData((a, b) => (a === b ? 1 : 0));
}
