// data: small seeded data sets for the lecture's demos.
export {
  type BishopOptions,
  type BishopTarget,
  bishop,
  bishopTargets,
  type RegressionData,
} from "./bishop.ts";
export { type LogicData, xnor, xor } from "./logic.ts";
export { type TwoClassData, type TwoClassOptions, twoClass } from "./two-class.ts";
