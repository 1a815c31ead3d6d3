// What the deck shows over the slide on its chrome: the blank screen, the key help, the "go to
// slide" prompt and the toast, plus the live region that screen readers hear. Each is a plain
// switch; the deck decides when (plan-action.ts) and tells the other window.
import { type DeckChrome, showToast } from "./deck-chrome.ts";

/** The deck's overlays and their state. */
export class DeckPanels {
  /** True while this window's (or, in the presenter window, the audience's) screen is blank. */
  blanked = false;
  /** Digits typed so far for "12 Enter". */
  private digits = "";

  constructor(
    private readonly view: Window,
    private readonly liveRegion: HTMLElement,
    /** The chrome while the deck shows; null in reading mode. */
    private readonly chrome: () => DeckChrome | null,
  ) {}

  get jumpDigits(): string {
    return this.digits;
  }

  get helpOpen(): boolean {
    const chrome = this.chrome();
    return chrome ? !chrome.help.hidden : false;
  }

  /** Shows or hides the blank screen in this window. */
  showBlank(on: boolean): void {
    const chrome = this.chrome();
    if (chrome) chrome.blank.hidden = !on;
  }

  /** Opens the key help (focused) or closes it, giving the focus to `back`. */
  setHelp(open: boolean, back: HTMLElement | undefined): void {
    const help = this.chrome()?.help;
    if (!help) return;
    help.hidden = !open;
    if (open) help.focus({ preventScroll: true });
    else back?.focus({ preventScroll: true });
  }

  /** Shows the half-typed slide number ("" hides the prompt). */
  setJumpDigits(digits: string): void {
    this.digits = digits;
    const prompt = this.chrome()?.jumpPrompt;
    if (!prompt) return;
    prompt.hidden = digits === "";
    prompt.textContent = `Go to slide ${digits} — Enter`;
  }

  /** A short note at the bottom of the screen, gone after a few seconds. */
  toast(text: string): void {
    const chrome = this.chrome();
    if (chrome) showToast(chrome, this.view, text);
  }

  /** Says `text` to screen readers. */
  announce(text: string): void {
    this.liveRegion.textContent = text;
  }
}
