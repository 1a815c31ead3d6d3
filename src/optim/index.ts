// optim: optimisers and learning-rate schedules, named as in torch.optim.
export { Adam, type AdamOptions } from "./adam.ts";
export * as lrScheduler from "./lr-scheduler/index.ts";
export { Optimizer } from "./optimizer.ts";
export { SGD, type SGDOptions } from "./sgd.ts";
