// A deck's line to its other window (audience ↔ presenter): the pair that joins the two, the
// channel, the greetings on arriving and leaving, and opening the presenter window. What a
// message does when it arrives is in remote-messages.ts.
import { AudienceFollow } from "./audience-follow.ts";
import { openPresenterWindow } from "./browser-actions.ts";
import { audiencePair, presenterPair, withPair } from "./deck-pair.ts";
import { deckUrl } from "./deck-url.ts";
import { SlideSync } from "./slide-sync.ts";
import type { SyncMessage } from "./sync-message.ts";

/** One window's link to the other window of its deck. */
export class DeckLink {
  private readonly sync: SlideSync;
  /** In the presenter window: demos follow the audience window's run. */
  private readonly follow: AudienceFollow;
  /** Pairs this window with its presenter (or audience) window; null for one opened by hand. */
  private pairId: string | null = null;

  constructor(
    private readonly doc: Document,
    private readonly view: Window,
    receive: (message: SyncMessage) => void,
  ) {
    this.sync = new SlideSync(receive);
    this.follow = new AudienceFollow(doc, view);
  }

  /** The pair this window belongs to (see pairUp). */
  get pair(): string | null {
    return this.pairId;
  }

  /** Finds this window's pair: the presenter's from its address, the audience's its own. */
  pairUp(mode: "slides" | "presenter"): string | null {
    this.pairId =
      mode === "presenter" ? presenterPair(this.doc.location.href) : audiencePair(this.view);
    return this.pairId;
  }

  /** Joins the pair's channel and says hello. */
  open(mode: "slides" | "presenter"): void {
    this.sync.open(this.doc.location.pathname, this.pairId);
    // Whichever window opens (or reloads) second takes the other's place in the deck.
    this.sync.post({ type: "hello" });
    if (mode === "slides") this.sync.post({ type: "audience" });
    else this.follow.set(true, { until: 1500 });
  }

  /** Sends a message to the other window (nothing while the channel is closed). */
  post(message: SyncMessage): void {
    this.sync.post(message);
  }

  /** Presenter window: live demos show the audience window's run while `on`. */
  followAudience(on: boolean): void {
    this.follow.set(on);
  }

  /** Leaving the deck: the audience window says goodbye and the presenter stops following. */
  part(audience: boolean): void {
    if (audience) this.sync.post({ type: "bye" });
    this.follow.set(false);
  }

  /** Leaves the channel. */
  close(): void {
    this.sync.close();
  }

  /**
   * Opens the presenter window at `slide`, paired with this one. Returns null, or the address to
   * open by hand when the browser blocked the window.
   */
  openPresenter(slide: number): string | null {
    const pair = this.pairId ?? audiencePair(this.view);
    const href = withPair(deckUrl(this.doc.location.href, { mode: "presenter", slide }), pair);
    return openPresenterWindow(this.view, href, this.doc.location.pathname, pair) ? null : href;
  }
}
