// optim: optimisers and learning-rate schedules, named as in torch.optim.
export { Adagrad, type AdagradOptions } from "./adagrad.ts";
export { Adam, type AdamOptions, AdamW } from "./adam.ts";
export * as lrScheduler from "./lr-scheduler/index.ts";
export { Optimizer, type ParamGroup, type ParamGroupOptions } from "./optimizer.ts";
export { RMSprop, type RMSpropOptions } from "./rmsprop.ts";
export { SGD, type SGDOptions } from "./sgd.ts";
