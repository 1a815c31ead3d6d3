// Keeps the audience window and the presenter window on the same slide and the same stepper
// step, in both directions, through a BroadcastChannel named for the chapter's path.
import { parseSyncEnvelope, type SyncMessage, syncChannelName } from "./sync-message.ts";

/** One window's end of the channel. */
export class SlideSync {
  /** Tells this window's messages from the others' (a channel can reach several windows). */
  readonly id = Math.random().toString(36).slice(2);
  private channel: BroadcastChannel | null = null;

  constructor(private readonly receive: (message: SyncMessage) => void) {}

  /** Joins the channel for `pathname` and `pair` (no-op where BroadcastChannel is missing). */
  open(pathname: string, pair: string | null = null): void {
    if (this.channel || typeof BroadcastChannel !== "function") return;
    const channel = new BroadcastChannel(syncChannelName(pathname, pair));
    channel.onmessage = (event: MessageEvent) => {
      const envelope = parseSyncEnvelope(event.data);
      if (envelope && envelope.from !== this.id) this.receive(envelope.message);
    };
    this.channel = channel;
  }

  /** Sends a message to the other windows of the same chapter. */
  post(message: SyncMessage): void {
    this.channel?.postMessage({ from: this.id, message });
  }

  /** Leaves the channel. */
  close(): void {
    this.channel?.close();
    this.channel = null;
  }
}
