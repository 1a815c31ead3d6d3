/** The global function every guarded loop calls at the top of each iteration. */
export const GUARD_NAME = "__cellGuard";

/**
 * Milliseconds a chapter's own cell may loop within one task of the page before the guard stops
 * it: longer than the 2 s an edited cell gets, since an author's heavier computations are
 * deliberate, yet short enough that no cell freezes the tab (and the presenter window with it).
 */
export const AUTHORED_LOOP_BUDGET = 5000;
