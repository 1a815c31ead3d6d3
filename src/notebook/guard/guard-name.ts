/** The global function every guarded loop calls at the top of each iteration. */
export const GUARD_NAME = "__cellGuard";
