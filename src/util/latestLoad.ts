/** How a load ended: its value, or what it threw. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** Fetches the value; `refresh` asks for it anew rather than from a cache. */
export type Fetch<T> = (signal: AbortSignal, refresh: boolean) => Promise<T>;

/**
 * One value loaded at a time, the latest load winning. Starting a load aborts the one under way; only the
 * latest load's outcome reaches `settle` and its callers (a superseded or cancelled load gives `undefined`, at
 * once), so an old answer arriving late never overwrites a newer one. A settled load is kept until a new one
 * starts, is marked stale, or is forgotten.
 */
export class LatestLoad<T> {
  private controller?: AbortController;
  private last?: Promise<Outcome<T> | undefined>;
  private refreshNext = false;

  constructor(
    private readonly fetch: Fetch<T>,
    /** Called with the latest load's outcome, before its callers see it. */
    private readonly settle: (outcome: Outcome<T>) => void = () => undefined,
  ) {}

  /** Whether a load is under way. */
  get busy(): boolean {
    return this.controller !== undefined;
  }

  /** Whether the next load is to fetch anew (marked stale and not loaded since). */
  get stale(): boolean {
    return this.refreshNext;
  }

  /** The load under way or settled; starts one when there is none (anew when marked stale). */
  current(): Promise<Outcome<T> | undefined> {
    if (this.last && !this.refreshNext) return this.last;
    return this.start(false);
  }

  /** Starts a load, aborting the one under way. */
  start(refresh: boolean): Promise<Outcome<T> | undefined> {
    refresh ||= this.refreshNext;
    this.refreshNext = false;
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const load = new Promise<T>((resolve) => resolve(this.fetch(controller.signal, refresh))).then(
      (value): Outcome<T> => ({ ok: true, value }),
      (error: unknown): Outcome<T> => ({ ok: false, error }),
    );
    const reported = load.then((outcome) => {
      if (controller.signal.aborted || this.controller !== controller) return undefined;
      this.controller = undefined;
      this.settle(outcome);
      return outcome;
    });
    // Whoever waits on a load that is aborted hears at once, whenever the fetch itself gives up.
    const aborted = new Promise<undefined>((resolve) => controller.signal.addEventListener('abort', () => resolve(undefined), { once: true }));
    const latest = Promise.race([reported, aborted]);
    this.last = latest;
    return latest;
  }

  /** Waits until no load is under way and returns the latest outcome (following loads that replace it). */
  async settled(): Promise<Outcome<T> | undefined> {
    let load: Promise<Outcome<T> | undefined>;
    let outcome: Outcome<T> | undefined;
    do outcome = await (load = this.current());
    while (load !== this.last);
    return outcome;
  }

  /** Aborts an unfinished load (the next `current()` starts again); a settled one is kept. */
  cancel(): void {
    if (!this.controller) return;
    this.controller.abort();
    this.controller = undefined;
    this.last = undefined;
  }

  /** Cancels, and forgets the settled load too: the next `current()` loads again. */
  forget(): void {
    this.cancel();
    this.last = undefined;
  }

  /** Forgets, and has the next load fetch anew; what was shown stays until then. */
  markStale(): void {
    this.forget();
    this.refreshNext = true;
  }
}
