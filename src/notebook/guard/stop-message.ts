// Runaway code the loop guard cannot see (recursion without end, a size far too large) ends in
// a RangeError from the engine, whose words ("Maximum call stack size exceeded", "Invalid array
// length") do not say what the student did. These say it, in the guard's words.

/** A student's message for an engine error that stopped runaway code, or null for any other. */
export function stopMessage(error: unknown): string | null {
  if (!(error instanceof RangeError)) return null;
  const { message } = error;
  if (/call stack/i.test(message))
    return `stopped: the calls went too deep (${message}): is there a function that calls itself without end?`;
  if (
    /allocation failed|invalid (typed )?array length|array buffer|out of memory|string length/i.test(
      message,
    )
  )
    return `stopped: that asks for more memory than the page can have (${message}): is a size much larger than you meant?`;
  return null;
}
