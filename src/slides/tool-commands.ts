// The commands that change the room rather than the position: full screen, the theme and the
// pointer tools. Each answers with a toast, since the lecturer pressed a key and wants to know it
// took.
import { toggleFullscreen, toggleSiteTheme } from "./browser-actions.ts";
import type { DeckTools } from "./deck-tools.ts";
import type { DeckCommand } from "./plan-action.ts";

/** The commands runToolCommand carries out. */
export type ToolCommand = Extract<
  DeckCommand,
  { type: "fullscreen" | "theme" | "tool" | "clear-ink" | "zoom" | "print-ink" }
>;

/** What the tool commands need of the deck. */
export interface ToolCommandHost {
  readonly doc: Document;
  readonly view: Window;
  readonly tools: DeckTools;
  /** True in the presenter window (zoom shows on the projector, so it says so here). */
  readonly presenter: boolean;
  toast(text: string): void;
}

/** What the toast says when a pointer tool is taken up or put down. */
const TOOL_NAMES = {
  none: "Pointer",
  laser: "Laser pointer (L again to put it away)",
  draw: "Pen: draw on the slide (E erases, X clears, Esc puts it down)",
  erase: "Eraser: drag over a stroke (D draws again)",
} as const;

/** Carries out one tool command and says what it did. */
export function runToolCommand(command: ToolCommand, host: ToolCommandHost): void {
  switch (command.type) {
    case "fullscreen":
      void toggleFullscreen(host.doc).then((done) => {
        if (!done) host.toast("Full screen is not available here (try F11).");
      });
      break;
    case "theme": {
      const theme = toggleSiteTheme(host.doc, host.view);
      host.toast(theme === "dark" ? "Dark theme" : "Light theme");
      break;
    }
    case "tool":
      host.tools.setTool(command.tool);
      host.toast(TOOL_NAMES[command.tool]);
      break;
    case "clear-ink":
      host.tools.clearInk();
      host.toast("Drawing cleared from this slide");
      break;
    case "zoom":
      host.tools.setZoom(command.on);
      if (host.presenter) host.toast(command.on ? "Zoomed in on the projector" : "Zoom ended");
      break;
    case "print-ink":
      host.toast(
        host.tools.togglePrintInk()
          ? "Drawings will print with the slides"
          : "Drawings will not print",
      );
      break;
  }
}
