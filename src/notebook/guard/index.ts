export { AUTHORED_LOOP_BUDGET, GUARD_NAME } from "./guard-name.ts";
export { type Insertion, mapColumn } from "./map-column.ts";
export { removeInsertions } from "./remove-insertions.ts";
export { stopMessage } from "./stop-message.ts";
