/**
 * Generic building blocks for not asking a server the same thing twice: a TTL cache with a size bound
 * (least recently used entries go first) and in-flight sharing of identical concurrent work.
 */

export interface TtlCacheOptions<V> {
  /** How long an entry stays fresh; 0 or less turns the cache off. */
  readonly ttlMs: number;
  /** The most entries kept; beyond it the least recently used ones are dropped. */
  readonly maxEntries: number;
  /** The most bytes kept in all (by `sizeOf`); beyond it the least recently used ones are dropped. */
  readonly maxBytes?: number;
  /** An entry's size in bytes (default 0: only the entry count bounds the cache). */
  readonly sizeOf?: (value: V) => number;
  readonly now?: () => number;
}

interface Entry<V> {
  readonly value: V;
  readonly bytes: number;
  readonly expiresAt: number;
}

export class TtlCache<V> {
  // A Map iterates in insertion order, so re-inserting on every read keeps the LRU entry first.
  private readonly entries = new Map<string, Entry<V>>();
  private readonly now: () => number;
  private total = 0;

  constructor(private readonly options: TtlCacheOptions<V>) {
    this.now = options.now ?? Date.now;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.remove(key, entry);
    if (this.now() >= entry.expiresAt) return undefined;
    this.insert(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    const { ttlMs, maxEntries, maxBytes = Infinity, sizeOf } = this.options;
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    const bytes = sizeOf?.(value) ?? 0;
    if (ttlMs <= 0 || maxEntries <= 0 || bytes > maxBytes) return;
    const now = this.now();
    // Expired entries go first, however recently used: nothing stale holds memory for long.
    for (const [k, entry] of this.entries) if (now >= entry.expiresAt) this.remove(k, entry);
    this.insert(key, { value, bytes, expiresAt: now + ttlMs });
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= maxEntries && this.total <= maxBytes) break;
      this.remove(oldest, entry);
    }
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The bytes held in all (by `sizeOf`). */
  get bytes(): number {
    return this.total;
  }

  private insert(key: string, entry: Entry<V>): void {
    this.entries.set(key, entry);
    this.total += entry.bytes;
  }

  private remove(key: string, entry: Entry<V>): void {
    this.entries.delete(key);
    this.total -= entry.bytes;
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
    if (signal?.aborted) return { promise: Promise.reject(reasonOf(signal)), shared: false };
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
        reject(reasonOf(signal));
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

/** Why `signal` aborted, as an error (an `AbortError` unless the caller gave its own reason). */
function reasonOf(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException(String(reason), 'AbortError');
}
