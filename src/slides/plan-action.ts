// What an action means depends on what is open: → moves the overview's selection while the
// overview shows, only lifts the blank screen while blanked, Esc closes the help before the
// overview before the deck. These rules are a pure function, so they are tested in Node.
import type { DeckAction } from "./deck-keys.ts";
import { jumpTarget, pushDigit } from "./jump-buffer.ts";

/** What the deck shows when an action arrives. */
export interface DeckContext {
  readonly mode: "slides" | "presenter";
  readonly count: number;
  readonly helpOpen: boolean;
  readonly overviewOpen: boolean;
  /** The overview's selected slide, 0-based. */
  readonly selection: number;
  readonly blanked: boolean;
  /** Digits typed so far for "12 Enter". */
  readonly jumpDigits: string;
  /** The pointer tool in hand (laser, pen, eraser), "none" without. */
  readonly tool?: DeckTool;
  readonly zoomed?: boolean;
}

/** What the pointer does on a slide. */
export type DeckTool = "none" | "laser" | "draw" | "erase";

/** One thing for the deck to do; an action becomes zero or more of these, in order. */
export type DeckCommand =
  | { readonly type: "step"; readonly direction: "next" | "prev" }
  | { readonly type: "go"; readonly slide: number }
  | { readonly type: "select"; readonly slide: number }
  | { readonly type: "select-row"; readonly rows: number }
  | { readonly type: "open-tile"; readonly slide: number }
  | { readonly type: "digits"; readonly digits: string }
  | { readonly type: "help"; readonly open: boolean }
  | { readonly type: "overview"; readonly open: boolean }
  | { readonly type: "blank"; readonly on: boolean }
  | { readonly type: "leave" }
  | { readonly type: "fullscreen" }
  | { readonly type: "presenter" }
  | { readonly type: "theme" }
  | { readonly type: "tool"; readonly tool: DeckTool }
  | { readonly type: "clear-ink" }
  | { readonly type: "zoom"; readonly on: boolean }
  | { readonly type: "print-ink" };

/** The commands for `action` (from `key`, when it came from the keyboard) in `context`. */
export function planAction(action: DeckAction, context: DeckContext, key = ""): DeckCommand[] {
  const plan: DeckCommand[] = [];
  if (action.type !== "digit" && action.type !== "enter" && context.jumpDigits !== "") {
    // Any other key abandons a half-typed slide number; Esc does only that.
    plan.push({ type: "digits", digits: "" });
    if (action.type === "escape") return plan;
  }
  const { overviewOpen, selection, count } = context;
  switch (action.type) {
    case "next":
    case "prev": {
      const delta = action.type === "next" ? 1 : -1;
      // A lecturer coming back from a blank screen wants the same slide back, not the next one.
      if (context.blanked && context.mode === "slides") plan.push({ type: "blank", on: false });
      else if (overviewOpen && (key === "ArrowDown" || key === "ArrowUp")) {
        plan.push({ type: "select-row", rows: key === "ArrowDown" ? 1 : -1 });
      } else if (overviewOpen) plan.push({ type: "select", slide: selection + delta });
      else plan.push({ type: "step", direction: action.type });
      return plan;
    }
    case "first":
    case "last": {
      const slide = action.type === "first" ? 0 : count - 1;
      plan.push(overviewOpen ? { type: "select", slide } : { type: "go", slide });
      return plan;
    }
    case "digit":
      plan.push({ type: "digits", digits: pushDigit(context.jumpDigits, action.digit) });
      return plan;
    case "enter": {
      const target = jumpTarget(context.jumpDigits, count);
      if (context.jumpDigits !== "") plan.push({ type: "digits", digits: "" });
      if (target !== null) {
        if (overviewOpen) plan.push({ type: "overview", open: false });
        plan.push({ type: "go", slide: target });
      } else if (overviewOpen) plan.push({ type: "open-tile", slide: selection });
      return plan;
    }
    case "escape":
      if (context.helpOpen) plan.push({ type: "help", open: false });
      else if (overviewOpen) plan.push({ type: "overview", open: false });
      else if (context.zoomed) plan.push({ type: "zoom", on: false });
      else if (context.tool && context.tool !== "none") plan.push({ type: "tool", tool: "none" });
      else if (context.mode === "slides") plan.push({ type: "leave" });
      return plan;
    case "laser":
    case "draw":
    case "erase": {
      if (overviewOpen) return plan;
      const tool = context.tool === action.type ? "none" : action.type;
      plan.push({ type: "tool", tool });
      return plan;
    }
    case "clear-ink":
    case "print-ink":
      if (!overviewOpen) plan.push({ type: action.type });
      return plan;
    case "zoom":
      if (!overviewOpen) plan.push({ type: "zoom", on: !context.zoomed });
      return plan;
    case "blank":
      plan.push({ type: "blank", on: !context.blanked });
      return plan;
    case "overview":
      plan.push({ type: "overview", open: !overviewOpen });
      return plan;
    case "help":
      plan.push({ type: "help", open: !context.helpOpen });
      return plan;
    case "presenter":
      // The presenter window does not open a presenter window of its own.
      if (context.mode === "slides") plan.push({ type: "presenter" });
      return plan;
    case "fullscreen":
    case "theme":
      plan.push({ type: action.type });
      return plan;
  }
}
