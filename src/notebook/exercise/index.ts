export { type AnswerBoxOptions, answerBox, answerTolerance } from "./answer-box.ts";
export {
  checkGradient,
  type GradientCheckOptions,
  type GradientCheckResult,
  type GradientLike,
} from "./check-gradient.ts";
export { type CheckOutcome, readCheckResult } from "./check-result.ts";
export { type ExerciseOptions, exercise } from "./exercise-block.ts";
export { judge, type Misconception, type PredictOptions, predict } from "./predict-block.ts";
