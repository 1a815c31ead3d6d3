// The stepper as a pure state machine: the view feeds it key presses, button clicks and timer
// ticks, and redraws from the state it returns.

/** Where the stepper stands. */
export interface StepperState {
  /** 0 = start, count − 1 = the last backward step. */
  readonly position: number;
  readonly count: number;
  readonly playing: boolean;
  /** Steps per second while playing. */
  readonly speed: number;
}

export type StepperAction =
  | { readonly type: "next" | "prev" | "reset" | "end" | "play" | "pause" | "toggle" | "tick" }
  | { readonly type: "goto"; readonly position: number }
  | { readonly type: "speed"; readonly speed: number };

/** Speeds offered by the speed control, steps per second. */
export const SPEEDS: readonly number[] = [0.5, 1, 2, 4, 8];

/** A stepper at the start of a timeline with `count` positions. */
export function initialStepper(count: number, speed = 1): StepperState {
  return { position: 0, count: Math.max(1, count), playing: false, speed };
}

function clamp(state: StepperState, position: number): number {
  return Math.min(state.count - 1, Math.max(0, Math.round(position)));
}

/** The state after an action. Returns the same object when nothing changed. */
export function stepperReducer(state: StepperState, action: StepperAction): StepperState {
  const last = state.count - 1;
  const with_ = (patch: Partial<StepperState>): StepperState => {
    const next = { ...state, ...patch };
    return next.position === state.position &&
      next.playing === state.playing &&
      next.speed === state.speed
      ? state
      : next;
  };
  switch (action.type) {
    case "next":
      return with_({ position: clamp(state, state.position + 1), playing: false });
    case "prev":
      return with_({ position: clamp(state, state.position - 1), playing: false });
    case "reset":
      return with_({ position: 0, playing: false });
    case "end":
      return with_({ position: last, playing: false });
    case "goto":
      return with_({ position: clamp(state, action.position), playing: false });
    case "play":
      // Playing from the end starts over, as a lecturer expects from a replay button.
      return with_({ playing: last > 0, position: state.position >= last ? 0 : state.position });
    case "pause":
      return with_({ playing: false });
    case "toggle":
      return stepperReducer(state, { type: state.playing ? "pause" : "play" });
    case "tick": {
      if (!state.playing) return state;
      const position = clamp(state, state.position + 1);
      return with_({ position, playing: position < last });
    }
    case "speed":
      return with_({ speed: action.speed > 0 ? action.speed : state.speed });
  }
}
