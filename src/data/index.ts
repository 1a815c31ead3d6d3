// data: small seeded data sets for the lecture's demos.
export {
  type BishopOptions,
  type BishopTarget,
  bishop,
  bishopTargets,
  type RegressionData,
} from "./bishop.ts";
export { DataLoader, type DataLoaderOptions } from "./data-loader.ts";
export type { Dataset } from "./dataset.ts";
export { DIGITS_COUNT, type DigitsData, type DigitsOptions, digits } from "./digits.ts";
export { type LogicData, xnor, xor } from "./logic.ts";
export { type RandomSplitOptions, randomSplit, Subset } from "./random-split.ts";
export { TensorDataset } from "./tensor-dataset.ts";
export { type TwoClassData, type TwoClassOptions, twoClass } from "./two-class.ts";
