export { CosineAnnealingLR } from "./cosineAnnealingLR.ts";
export { LRScheduler } from "./scheduler.ts";
export { StepLR } from "./stepLR.ts";
