export { GUARD_NAME } from "./guard-name.ts";
export {
  createLoopGuard,
  installLoopGuard,
  type LoopGuardOptions,
  LoopStopped,
} from "./loop-guard.ts";
export { mapColumn } from "./map-column.ts";
export { stopMessage } from "./stop-message.ts";
