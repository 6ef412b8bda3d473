/**
 * Generic building blocks for not asking a server the same thing twice: a TTL cache with a size bound
 * (least recently used entries go first) and in-flight sharing of identical concurrent work.
 */

export interface TtlCacheOptions {
  /** How long an entry stays fresh; 0 or less turns the cache off. */
  readonly ttlMs: number;
  /** The most entries kept; beyond it the least recently used one is dropped. */
  readonly maxEntries: number;
  readonly now?: () => number;
}

export class TtlCache<V> {
  // A Map iterates in insertion order, so re-inserting on every read keeps the LRU entry first.
  private readonly entries = new Map<string, { readonly value: V; readonly expiresAt: number }>();
  private readonly now: () => number;

  constructor(private readonly options: TtlCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.now() >= entry.expiresAt) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    if (this.options.ttlMs <= 0 || this.options.maxEntries <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.options.ttlMs });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

interface Flight<V> {
  readonly promise: Promise<V>;
  readonly controller: AbortController;
  waiters: number;
}

/**
 * Concurrent calls with the same key share one run of the work. Each caller may leave through its own
 * signal without disturbing the others; the work itself is aborted only when every caller has left.
 */
export class InFlight<V> {
  private readonly flights = new Map<string, Flight<V>>();

  /** `shared` is true when the call joined work another caller had started. */
  run(key: string, signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<V>): { readonly promise: Promise<V>; readonly shared: boolean } {
    if (signal?.aborted) return { promise: Promise.reject(signal.reason), shared: false };
    const existing = this.flights.get(key);
    const flight = existing ?? this.start(key, work);
    flight.waiters++;
    return { promise: this.wait(key, flight, signal), shared: existing !== undefined };
  }

  /** How many distinct pieces of work are running. */
  get size(): number {
    return this.flights.size;
  }

  private start(key: string, work: (signal: AbortSignal) => Promise<V>): Flight<V> {
    const controller = new AbortController();
    const promise = work(controller.signal).finally(() => {
      if (this.flights.get(key) === flight) this.flights.delete(key);
    });
    // Every caller may have left before the work ends: its outcome must not become an unhandled rejection.
    promise.catch(() => undefined);
    const flight: Flight<V> = { promise, controller, waiters: 0 };
    this.flights.set(key, flight);
    return flight;
  }

  private wait(key: string, flight: Flight<V>, signal: AbortSignal | undefined): Promise<V> {
    if (!signal) return flight.promise;
    return new Promise<V>((resolve, reject) => {
      const leave = () => {
        reject(signal.reason);
        if (--flight.waiters > 0) return;
        // Nobody wants the answer any more: stop the work, and let the next caller start afresh.
        if (this.flights.get(key) === flight) this.flights.delete(key);
        flight.controller.abort(signal.reason);
      };
      signal.addEventListener('abort', leave, { once: true });
      flight.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
    });
  }
}
