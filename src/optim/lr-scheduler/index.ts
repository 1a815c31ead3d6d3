export { CosineAnnealingLR } from "./cosine-annealing-lr.ts";
export { LRScheduler } from "./scheduler.ts";
export { StepLR } from "./step-lr.ts";
