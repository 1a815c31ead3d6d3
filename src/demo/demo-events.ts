// How a live demo and the slide deck talk, through DOM events on the demo's element, so neither
// imports the other: the demo that trains reports its state after each frame (`demo-state`),
// the deck sends it to the other window, where the deck hands it to the same demo on the same
// slide (`demo-mirror`). A window whose <html> carries `data-demo-follow` (the presenter window
// while the projector's window is open) never trains on its own: it shows the projector's run.

/** Attribute on each demo's root element; the deck finds a slide's demos by it. */
export const DEMO_ATTRIBUTE = "data-demo";
/** Attribute on <html>: set, this window's demos only mirror the other window's. */
export const FOLLOW_ATTRIBUTE = "data-demo-follow";
/** Event name: a training demo's state after a frame, a pause, a restart. */
export const DEMO_STATE = "demo-state";
/** Event name: report your state now (a presenter window has just opened). */
export const DEMO_REPORT = "demo-report";
/** Event name: the other window's state for this demo, to show. */
export const DEMO_MIRROR = "demo-mirror";

/** What a demo reports and what its mirror shows: plain data (it crosses windows). */
export interface DemoSnapshot {
  /** Steps trained since the start (or the last restart). */
  readonly steps: number;
  readonly playing: boolean;
  readonly finished: boolean;
  /** The speed menu's value ("5", "max"). */
  readonly speed: string;
  /** The cell's own state (its `save()`), e.g. the networks' parameters and losses. */
  readonly state: unknown;
}
