// The presenter window's live demos show the audience window's run instead of training their
// own while an audience window answers. Opening the presenter window follows at once (so no demo
// starts a run of its own before the audience answers) and gives up after a spell of silence.
import { FOLLOW_ATTRIBUTE } from "../demo/index.ts";

/** Switches the page's follow attribute, with a timer that gives up on a silent audience. */
export class AudienceFollow {
  private timer = 0;

  constructor(
    private readonly doc: Document,
    private readonly view: Window,
  ) {}

  /** Follows while `on`; with `until`, stops again after that many milliseconds. */
  set(on: boolean, { until }: { until?: number } = {}): void {
    this.view.clearTimeout(this.timer);
    this.timer = 0;
    this.doc.documentElement.toggleAttribute(FOLLOW_ATTRIBUTE, on);
    if (on && until !== undefined) {
      this.timer = this.view.setTimeout(() => this.set(false), until);
    }
  }
}
