/** What an author's check said, read the same way whatever form it took. */
export interface CheckOutcome {
  pass: boolean;
  message: string;
}

/**
 * Reads an author's check result: `true` or `{ pass: true }` passes; a string is the message
 * of an answer that is not right yet; `false` says only that; `{ pass, message }` says both.
 */
export function readCheckResult(result: unknown): CheckOutcome {
  if (result === true) return { pass: true, message: "" };
  if (result === false || result === undefined || result === null)
    return { pass: false, message: "Not yet: compare your answer with the question again." };
  if (typeof result === "string") return { pass: false, message: result };
  if (typeof result === "object" && "pass" in result) {
    const r = result as { pass: unknown; message?: unknown };
    return { pass: r.pass === true, message: typeof r.message === "string" ? r.message : "" };
  }
  return {
    pass: false,
    message: `the check returned ${typeof result}; it should return true or a message.`,
  };
}
