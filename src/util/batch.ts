/**
 * Gathers items and hands them on together, at most once per `intervalMs`: the first item of a quiet spell
 * goes out on the next tick, the ones that follow it wait for the interval to pass. So a burst (a page of
 * answers arriving one by one) makes a few redraws a second rather than one per answer.
 */
export class Batch<T> {
  private readonly items = new Set<T>();
  private timer?: ReturnType<typeof setTimeout>;
  private last = -Infinity;

  constructor(
    private readonly flush: (items: T[]) => void,
    private readonly intervalMs: number,
  ) {}

  add(item: T): void {
    this.items.add(item);
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => this.send(), Math.max(0, this.last + this.intervalMs - Date.now()));
  }

  /** Drops what waits: nothing is handed on after this. */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.items.clear();
  }

  private send(): void {
    this.timer = undefined;
    this.last = Date.now();
    const items = [...this.items];
    this.items.clear();
    if (items.length > 0) this.flush(items);
  }
}
