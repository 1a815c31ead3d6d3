// What the audience window and the presenter window tell each other over BroadcastChannel.
import type { DemoSnapshot } from "../demo/index.ts";

// Both windows run the same page, so they exchange moves, not pixels: "go to slide 4",
// "the stepper on slide 3 took a step forward", "blank the screen", "the second slider on
// slide 5 now reads 0.3", "the first button on slide 5 was pressed".

/** One message between windows showing the same chapter. */
export type SyncMessage =
  | { readonly type: "goto"; readonly slide: number }
  | { readonly type: "fragment"; readonly slide: number; readonly direction: "next" | "prev" }
  | { readonly type: "blank"; readonly on: boolean }
  | { readonly type: "hello" }
  /** The audience window is there (it trains the live demos; the presenter window mirrors). */
  | { readonly type: "audience" }
  /** The audience window left the deck or closed. */
  | { readonly type: "bye" }
  /** The laser dot on a slide, in slide pixels; hidden when `visible` is false. */
  | {
      readonly type: "laser";
      readonly slide: number;
      readonly x: number;
      readonly y: number;
      readonly visible: boolean;
    }
  /** Every pen stroke on a slide, each flattened [x0, y0, x1, y1, …] in slide pixels. */
  | {
      readonly type: "ink";
      readonly slide: number;
      readonly strokes: readonly (readonly number[])[];
    }
  /** Zoom into (x, y) of a slide, or back out. */
  | {
      readonly type: "zoom";
      readonly slide: number;
      readonly x: number;
      readonly y: number;
      readonly on: boolean;
    }
  | {
      readonly type: "demo";
      readonly slide: number;
      /** Index among the slide's live demos, in document order. */
      readonly demo: number;
      readonly snapshot: DemoSnapshot;
    }
  | {
      readonly type: "control";
      readonly slide: number;
      /** Index among the slide's input, select and textarea elements, in document order. */
      readonly control: number;
      readonly value: string;
      readonly checked: boolean;
    }
  | {
      readonly type: "press";
      readonly slide: number;
      /** Index among the slide's buttons, in document order. */
      readonly control: number;
    };

/** A message as sent: the sender's id lets a window ignore its own echo. */
export interface SyncEnvelope {
  readonly from: string;
  readonly message: SyncMessage;
}

/**
 * The channel name for a page: one channel per chapter path and pairing id (deck-pair.ts), so
 * two lectures never mix and two tabs of one lecture never steer each other.
 */
export function syncChannelName(pathname: string, pair: string | null = null): string {
  return pair ? `backprop-slides:${pathname}:${pair}` : `backprop-slides:${pathname}`;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function isSlideIndex(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

/** Checks a received value; anything malformed (another version of the page?) is null. */
export function parseSyncEnvelope(data: unknown): SyncEnvelope | null {
  if (typeof data !== "object" || data === null) return null;
  const { from, message } = data as { from?: unknown; message?: unknown };
  if (typeof from !== "string" || typeof message !== "object" || message === null) return null;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case "goto":
      return isSlideIndex(m.slide) ? { from, message: { type: "goto", slide: m.slide } } : null;
    case "fragment":
      if (!isSlideIndex(m.slide) || (m.direction !== "next" && m.direction !== "prev")) return null;
      return { from, message: { type: "fragment", slide: m.slide, direction: m.direction } };
    case "blank":
      return typeof m.on === "boolean" ? { from, message: { type: "blank", on: m.on } } : null;
    case "hello":
    case "audience":
    case "bye":
      return { from, message: { type: m.type } };
    case "laser":
    case "zoom": {
      const flag = m.type === "laser" ? m.visible : m.on;
      if (!isSlideIndex(m.slide) || !isFiniteNumber(m.x) || !isFiniteNumber(m.y)) return null;
      if (typeof flag !== "boolean") return null;
      const { slide, x, y } = m;
      return m.type === "laser"
        ? { from, message: { type: "laser", slide, x, y, visible: flag } }
        : { from, message: { type: "zoom", slide, x, y, on: flag } };
    }
    case "ink": {
      const strokes = m.strokes;
      if (!isSlideIndex(m.slide) || !Array.isArray(strokes)) return null;
      if (!strokes.every((s) => Array.isArray(s) && s.every(isFiniteNumber))) return null;
      return { from, message: { type: "ink", slide: m.slide, strokes: strokes as number[][] } };
    }
    case "demo": {
      const snapshot = parseSnapshot(m.snapshot);
      if (!isSlideIndex(m.slide) || !isSlideIndex(m.demo) || !snapshot) return null;
      return { from, message: { type: "demo", slide: m.slide, demo: m.demo, snapshot } };
    }
    case "control": {
      const { slide, control, value, checked } = m;
      if (!isSlideIndex(slide) || !isSlideIndex(control)) return null;
      if (typeof value !== "string" || typeof checked !== "boolean") return null;
      return { from, message: { type: "control", slide, control, value, checked } };
    }
    case "press":
      if (!isSlideIndex(m.slide) || !isSlideIndex(m.control)) return null;
      return { from, message: { type: "press", slide: m.slide, control: m.control } };
    default:
      return null;
  }
}

/** A demo's snapshot as received; its `state` is the cell's own data, passed on as it came. */
function parseSnapshot(value: unknown): DemoSnapshot | null {
  if (typeof value !== "object" || value === null) return null;
  const { steps, playing, finished, speed, state } = value as Record<string, unknown>;
  if (!isSlideIndex(steps) || typeof playing !== "boolean" || typeof finished !== "boolean")
    return null;
  if (typeof speed !== "string") return null;
  return { steps, playing, finished, speed, state };
}
