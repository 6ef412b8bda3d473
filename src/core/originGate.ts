/**
 * At most `limit` requests at a time to each origin; the others wait here, in the order they came. undici
 * keeps a queue of its own, but a request cancelled while it waits there still takes a connection when its
 * turn comes, and then closes it (60 requests with 54 cancelled cost the server 55 connections). A request
 * cancelled while it waits here leaves at once and never reaches a connection.
 */
export class OriginGate {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly limit: number) {}

  /** Runs `work` once `origin` has a free place, or rejects with `signal`'s reason if it ends first. */
  async run<T>(origin: string, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    await this.enter(origin, signal);
    try {
      return await work();
    } finally {
      this.leave(origin);
    }
  }

  private async enter(origin: string, signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    const running = this.running.get(origin) ?? 0;
    if (running < this.limit) this.running.set(origin, running + 1);
    // A request given its place keeps it even if cancelled at that moment: `run` hands it on when done.
    else if (!(await this.wait(origin, signal))) signal?.throwIfAborted();
  }

  /** Waits for a request under way to hand over its place (true), or for `signal` to end the wait (false). */
  private wait(origin: string, signal: AbortSignal | undefined): Promise<boolean> {
    const queue = this.waiting.get(origin) ?? [];
    this.waiting.set(origin, queue);
    return new Promise((resolve) => {
      const cancel = () => {
        queue.splice(queue.indexOf(admit), 1);
        resolve(false);
      };
      const admit = () => {
        signal?.removeEventListener('abort', cancel);
        resolve(true);
      };
      queue.push(admit);
      signal?.addEventListener('abort', cancel, { once: true });
    });
  }

  /** The place goes straight to the first request waiting, if any. */
  private leave(origin: string): void {
    const queue = this.waiting.get(origin);
    const next = queue?.shift();
    if (queue?.length === 0) this.waiting.delete(origin);
    if (next) return next();
    const running = (this.running.get(origin) ?? 1) - 1;
    if (running > 0) this.running.set(origin, running);
    else this.running.delete(origin);
  }
}
