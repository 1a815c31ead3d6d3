// The presenter's elapsed-time clock: start, pause, resume, reset. The time source is passed
// in, so the tests control it and a paused lecture does not keep counting.

/** A stopwatch: `runningSince` is the time it was last started, null while paused. */
export interface Stopwatch {
  readonly runningSince: number | null;
  /** Milliseconds counted before the last start. */
  readonly banked: number;
}

/** A stopwatch at zero, not running. */
export const STOPPED: Stopwatch = { runningSince: null, banked: 0 };

/** Starts (or resumes) counting at time `now`; a running stopwatch is left as it is. */
export function startStopwatch(watch: Stopwatch, now: number): Stopwatch {
  return watch.runningSince === null ? { ...watch, runningSince: now } : watch;
}

/** Pauses at time `now`, keeping what has been counted. */
export function pauseStopwatch(watch: Stopwatch, now: number): Stopwatch {
  if (watch.runningSince === null) return watch;
  return { runningSince: null, banked: watch.banked + Math.max(0, now - watch.runningSince) };
}

/** Milliseconds counted up to time `now`. */
export function elapsed(watch: Stopwatch, now: number): number {
  const running = watch.runningSince === null ? 0 : Math.max(0, now - watch.runningSince);
  return watch.banked + running;
}

/** "4:05" below an hour, "1:04:05" from an hour on (whole seconds, rounded down). */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}
