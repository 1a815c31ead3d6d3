// Live demos in cells: `demo.train({ step, draw, … })` trains while its slide (or its place on
// the page) is shown, with play/pause, start over and a speed menu; the deck mirrors its run to
// the presenter window.
export {
  DEMO_ATTRIBUTE,
  DEMO_MIRROR,
  DEMO_REPORT,
  DEMO_STATE,
  type DemoSnapshot,
  FOLLOW_ATTRIBUTE,
} from "./demo-events.ts";
export {
  adaptBudget,
  type DemoSpeed,
  FIRST_BUDGET,
  type FrameBudget,
  framePeriod,
  MAX_BUDGET_MS,
  MIN_BUDGET_MS,
  parseSpeed,
  runFrame,
  SPEEDS,
  speedLabel,
} from "./demo-speed.ts";
export { TrainDemo, type TrainOptions, train } from "./train-demo.ts";
