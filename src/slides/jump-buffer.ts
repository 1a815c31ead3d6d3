// "12 Enter" jumps to slide 12: the digits typed so far, kept as a short string.

/** Most decks have fewer than 10,000 slides; longer input is a stuck key, not a slide number. */
const MAX_DIGITS = 4;

/** Appends a typed digit to the buffer (ignored past four digits). */
export function pushDigit(buffer: string, digit: string): string {
  if (!/^[0-9]$/.test(digit)) {
    throw new RangeError(`pushDigit: expected one digit 0–9, found "${digit}"`);
  }
  return buffer.length >= MAX_DIGITS ? buffer : buffer + digit;
}

/**
 * The 0-based slide a buffer of 1-based digits asks for, clamped into the deck,
 * or null when the buffer is empty or names slide 0.
 */
export function jumpTarget(buffer: string, count: number): number | null {
  if (buffer === "" || count <= 0) return null;
  const wanted = Number.parseInt(buffer, 10);
  if (!Number.isFinite(wanted) || wanted < 1) return null;
  return Math.min(wanted, count) - 1;
}
