// Pacing for the presenter: front matter `duration: 50` gives the lecture 50 minutes, and speaker
// notes that begin "About 3 minutes" say how long a slide takes. The plan puts each slide at the
// sum of the minutes before it (slides whose notes say nothing share what the others leave of
// the duration); the presenter bar compares the clock with the plan. Pure, so tested in Node.

const WORD_NUMBERS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  fifteen: 15,
  twenty: 20,
};

/** The minutes a note names ("About 3 minutes", "about a minute", "About 2.5 minutes"), or null. */
export function notesMinutes(text: string): number | null {
  const match = /\babout\s+(\d+(?:\.\d+)?|[a-z]+)\s+minutes?\b/i.exec(text);
  if (!match?.[1]) return null;
  const word = match[1].toLowerCase();
  const minutes = /^\d/.test(word) ? Number.parseFloat(word) : WORD_NUMBERS[word];
  return minutes !== undefined && Number.isFinite(minutes) && minutes > 0 ? minutes : null;
}

/** When each slide should start and end, in milliseconds from the start of the lecture. */
export interface SlidePlan {
  readonly start: number;
  readonly end: number;
}

/**
 * Plans `minutes` (per slide, null where the notes name none, 0 for a slide that takes no time
 * such as the cover) into a lecture of `duration` minutes (null: the named minutes alone,
 * unnamed slides get none). Unnamed slides share what the duration leaves, but none gets more
 * than the named slides' average: a slide nobody timed is not planned as the lecture's longest,
 * and the time left over is slack at the end.
 */
export function planSlides(
  minutes: readonly (number | null)[],
  duration: number | null,
): SlidePlan[] {
  const timed = minutes.filter((m): m is number => m !== null && m > 0);
  const named = timed.reduce((sum, m) => sum + m, 0);
  const unnamed = minutes.filter((m) => m === null).length;
  const left = duration !== null && unnamed > 0 ? Math.max(0, duration - named) / unnamed : 0;
  const share = timed.length > 0 ? Math.min(left, named / timed.length) : left;
  let at = 0;
  return minutes.map((m) => {
    const start = at;
    at += (m ?? share) * 60_000;
    return { start, end: at };
  });
}

/** The presenter bar's pacing: time left, and how far ahead of or behind the plan. */
export interface Pace {
  /** Milliseconds left of the duration (negative once over), null without a duration. */
  readonly remaining: number | null;
  /** Milliseconds behind the plan (positive) or ahead of it (negative); 0 when on time. */
  readonly behind: number;
}

/** The pace at `elapsed` ms into the lecture, showing `slide` of a deck planned as `plan`. */
export function paceAt(
  plan: readonly SlidePlan[],
  slide: number,
  elapsed: number,
  duration: number | null,
): Pace {
  const remaining = duration === null ? null : duration * 60_000 - elapsed;
  const window = plan[slide];
  if (!window) return { remaining, behind: 0 };
  // On time anywhere inside the slide's window; before it, ahead; after it, behind.
  const behind =
    elapsed > window.end
      ? elapsed - window.end
      : elapsed < window.start
        ? elapsed - window.start
        : 0;
  return { remaining, behind };
}
