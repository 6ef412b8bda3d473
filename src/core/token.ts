/**
 * A bearer token that is fetched on first use, reused until shortly before it expires, and fetched
 * anew once when the vendor rejects it (401). Shared by every vendor whose auth exchanges credentials
 * for a short-lived token (Blueworks OAuth, Sharely access tokens).
 */
import { InFlight } from './cache';
import { cancelledError, isSpacesError } from './errors';

export interface IssuedToken {
  readonly token: string;
  /** Lifetime from now, in seconds. */
  readonly expiresInSeconds: number;
}

export class CachedToken {
  private current?: { token: string; expiresAt: number };
  /** The issue request, shared by concurrent callers: each may leave through its own signal; it is aborted only when all have. */
  private readonly pending = new InFlight<string>();

  constructor(
    private readonly issue: (signal?: AbortSignal) => Promise<IssuedToken>,
    /** Renew this long before expiry, so a token never expires in flight. */
    private readonly marginSeconds = 60,
    private readonly now: () => number = Date.now,
  ) {}

  async get(signal?: AbortSignal): Promise<string> {
    if (this.current && this.now() < this.current.expiresAt) return this.current.token;
    // Concurrent callers share one issue request, which none of them can cancel for the others.
    const { promise } = this.pending.run('token', signal, async (shared) => {
      const { token, expiresInSeconds } = await this.issue(shared);
      const lifetime = Math.max(0, expiresInSeconds - Math.min(this.marginSeconds, expiresInSeconds / 2));
      this.current = { token, expiresAt: this.now() + lifetime * 1000 };
      return token;
    });
    try {
      return await promise;
    } catch (err) {
      // A caller that left rejects with its signal's reason: report it as the HTTP layer does.
      if (signal?.aborted && !isSpacesError(err)) throw cancelledError(err);
      throw err;
    }
  }

  invalidate(token?: string): void {
    if (token === undefined || this.current?.token === token) this.current = undefined;
  }

  /** Runs `call` with a token; on `auth` it drops that token and tries once more with a fresh one. */
  async use<T>(call: (token: string) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const token = await this.get(signal);
    try {
      return await call(token);
    } catch (err) {
      if (!isSpacesError(err) || err.kind !== 'auth') throw err;
      this.invalidate(token);
      return call(await this.get(signal));
    }
  }
}
