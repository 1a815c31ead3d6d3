// The loop guard's run-time half, a module of its own: a page module imports it only when the
// page's cells have loops (the guarded calls' names and helpers stay in ../guard).
export {
  createLoopGuard,
  installLoopGuard,
  type LoopGuardOptions,
  LoopStopped,
} from "./loop-guard.ts";
