export { CosineAnnealingLR } from "./cosine-annealing-lr.ts";
export { ExponentialLR } from "./exponential-lr.ts";
export { LambdaLR } from "./lambda-lr.ts";
export { MultiStepLR } from "./multi-step-lr.ts";
export { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from "./reduce-lr-on-plateau.ts";
export { LRScheduler } from "./scheduler.ts";
export { StepLR } from "./step-lr.ts";
