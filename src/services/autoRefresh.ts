/**
 * When the tree and the panels refresh themselves: every `minutes` (0, the default, never), and only while
 * the window has focus. A refresh that falls due while the window is in the background waits, and runs as
 * soon as the window has focus again. No `vscode` import: the timers are given, so the tests drive them.
 */

/** The timers: the global ones, or a test's. */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const GLOBAL_TIMERS: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class AutoRefresh {
  private minutes = 0;
  private focused = true;
  private due = false;
  private timer?: unknown;

  constructor(
    private readonly refresh: () => void,
    private readonly timers: Timers = GLOBAL_TIMERS,
  ) {}

  /** Minutes between refreshes (0: never). */
  get interval(): number {
    return this.minutes;
  }

  /** Refreshes every `minutes` from now on (0 or less: never). */
  every(minutes: number): void {
    this.minutes = minutes > 0 ? minutes : 0;
    this.due = false;
    this.schedule();
  }

  /** The window gained or lost focus: a refresh due meanwhile runs when it comes back. */
  setFocused(focused: boolean): void {
    this.focused = focused;
    if (focused && this.due) this.now();
  }

  dispose(): void {
    this.stop();
  }

  private stop(): void {
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.stop();
    if (this.minutes > 0) this.timer = this.timers.setTimeout(() => this.fire(), this.minutes * 60_000);
  }

  private fire(): void {
    this.timer = undefined;
    if (this.focused) this.now();
    else this.due = true;
  }

  /** Refreshes now, as the timer does, and counts the interval from here. */
  now(): void {
    this.due = false;
    this.refresh();
    this.schedule();
  }
}
