// What a deck does with a message from its other window (audience ↔ presenter): follow its
// position, fragments and blank screen, answer a window that just opened, and hand the rest to
// the part of the deck it belongs to (mirrored controls, demo runs, pointer tools).
import type { DeckMode } from "./deck-url.ts";
import type { SyncMessage } from "./sync-message.ts";

/** A part of the deck that shows what the other window sent. */
interface Applies {
  apply(message: SyncMessage): void;
}

/** What the other window's messages need of the deck; the values as the message arrives. */
export interface RemoteHost {
  readonly mode: DeckMode;
  /** The 0-based current slide. */
  readonly slide: number;
  readonly blanked: boolean;
  /** Sends to the other window. */
  post(message: SyncMessage): void;
  /** Goes to a slide without telling the other window. */
  goTo(slide: number): void;
  /** Offers a fragment step to the current slide. */
  offerFragment(direction: "next" | "prev"): void;
  /** Blanks (or shows) this window's screen without telling the other window. */
  setBlank(on: boolean): void;
  /** Presenter window: shows whether the audience screen is blank. */
  showAudienceBlank(on: boolean): void;
  /** Presenter window: live demos follow the audience window's run while `on`. */
  followAudience(on: boolean): void;
  readonly mirror: Applies;
  readonly demos: Applies & { requestReports(): void };
  readonly tools: Applies & { announce(): void };
}

/** Answers one message from the other window. */
export function receiveRemote(message: SyncMessage, host: RemoteHost): void {
  switch (message.type) {
    case "goto":
      host.goTo(message.slide);
      return;
    case "fragment":
      host.goTo(message.slide);
      host.offerFragment(message.direction);
      return;
    case "blank":
      if (host.mode === "slides") host.setBlank(message.on);
      else host.showAudienceBlank(message.on);
      return;
    case "control":
    case "press":
      host.mirror.apply(message);
      return;
    case "hello":
      // A window opened (or reloaded): it takes this one's place in the deck.
      host.post({ type: "goto", slide: host.slide });
      host.tools.announce();
      if (host.mode === "slides") {
        host.post({ type: "blank", on: host.blanked });
        host.post({ type: "audience" });
        host.demos.requestReports();
      }
      return;
    case "audience":
    case "bye":
      if (host.mode === "presenter") host.followAudience(message.type === "audience");
      return;
    case "demo":
      if (host.mode === "presenter") host.demos.apply(message);
      return;
    case "laser":
    case "ink":
    case "zoom":
      host.tools.apply(message);
      return;
  }
}
