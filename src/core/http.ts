/**
 * The one HTTP layer every vendor talks through: a size cap while streaming, a deadline per request,
 * bounded retries for GETs, same-origin redirects only, in-flight sharing and a TTL cache for GETs. How
 * it connects (proxy, TLS trust, per-origin cap, timeouts) is `connections.ts`; how each failure becomes
 * a SpacesError is `httpErrors.ts`.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import * as l10n from '@vscode/l10n';
import { request, type Dispatcher } from 'undici';
import { InFlight, TtlCache } from './cache';
import { createDispatcher, type ProxyOptions } from './connections';
import { SpacesError } from './errors';
import { formatBytes } from './format';
import { checkRedirect, errorCode, errorFor, hostOf, parseJson, redactUrl, toSpacesError, type ErrorReader } from './httpErrors';
import { NETWORK_SETTINGS } from './limits';
import { OriginGate } from './originGate';

export interface HttpRequest {
  readonly url: string;
  readonly method?: 'GET' | 'POST';
  /** Credentials go here; they are sent only to the request URL's origin and never logged. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Request body, sent as is (form-encoded or JSON; set content-type in `headers`). */
  readonly body?: string;
  readonly signal?: AbortSignal;
  /** GETs: `use` reads and fills the TTL cache (default), `refresh` fetches anew and fills it, `bypass` neither. */
  readonly cache?: 'use' | 'refresh' | 'bypass';
  /** The vendor's reading of a non-2xx answer: kind (default from the status) and one sentence. */
  readonly describeError?: ErrorReader;
}

export interface HttpClient {
  /**
   * The parsed JSON of a 2xx answer; anything else throws a SpacesError of the right kind. GET results
   * may be shared with other callers and the cache: treat them as read-only.
   */
  json(request: HttpRequest): Promise<unknown>;
}

export interface HttpOptions {
  /**
   * Connect, headers and body timeouts each (fractions allowed): how long the server may stay silent.
   * Each request as a whole also has a deadline (`deadlineSeconds`), so a server that keeps sending a
   * byte now and then cannot hold a request for ever.
   */
  readonly timeoutSeconds: number;
  readonly maxConcurrentPerOrigin: number;
  readonly maxResponseBytes: number;
  /** 0 turns the cache off. */
  readonly cacheTtlSeconds: number;
  readonly cacheMaxEntries?: number;
  /** The most bytes of answers (as received) the cache keeps in all. */
  readonly cacheMaxBytes?: number;
  /** The longest a `Retry-After` is waited for; a longer one fails at once, saying when to retry. */
  readonly maxRetryDelaySeconds?: number;
  /** First backoff after a connection reset (or a 429/503 without Retry-After); doubles, with jitter. */
  readonly retryBaseDelayMs?: number;
  readonly proxy?: ProxyOptions;
  /**
   * Extra trusted CA certificates (PEM), in addition to Node's roots, `NODE_EXTRA_CA_CERTS` and the
   * operating system's store (where the runtime can read it).
   */
  readonly ca?: readonly string[];
  /** One line per request: method, URL without secrets, status or error kind, duration, retries, cache hit or shared. Never a header or a body. */
  readonly log?: (line: string) => void;
}

type Tunables = Required<Omit<HttpOptions, 'proxy' | 'ca' | 'log'>>;

/** The settings' defaults (limits.ts, as package.json declares them), and the tunables no setting reaches. */
const DEFAULT_HTTP_OPTIONS: Tunables = {
  timeoutSeconds: NETWORK_SETTINGS.requestTimeoutSeconds.fallback,
  maxConcurrentPerOrigin: NETWORK_SETTINGS.maxConcurrentRequests.fallback,
  maxResponseBytes: NETWORK_SETTINGS.maxResponseMegabytes.fallback * 1024 * 1024,
  cacheTtlSeconds: NETWORK_SETTINGS.cacheTtlSeconds.fallback,
  cacheMaxEntries: 500,
  cacheMaxBytes: 32 * 1024 * 1024,
  maxRetryDelaySeconds: 30,
  retryBaseDelayMs: 250,
};

export interface ClosableHttpClient extends HttpClient {
  close(): Promise<void>;
}

const MAX_TRIES = 3;
/**
 * A request's deadline as a whole (each try of it, redirects and body included): three timeouts, and at
 * least two seconds more than one, as undici checks its idle timeouts only about every half second.
 */
function deadlineSeconds(timeoutSeconds: number): number {
  return Math.round(Math.max(3 * timeoutSeconds, timeoutSeconds + 2) * 10) / 10;
}
const MAX_REDIRECTS = 5;
const RETRY_STATUSES = new Set([429, 503]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const RESET_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET']);

/** A 2xx answer: what callers get, and what the cache and shared callers keep. */
interface Answer {
  readonly value: unknown;
  readonly status: number;
  /** The size of the body as received: what the cache counts. */
  readonly bytes: number;
}

/** A final (non-redirect) response, its body read within the size cap. */
interface Received {
  readonly status: number;
  readonly headers: Dispatcher.ResponseData['headers'];
  readonly text: string;
}

/** One request as it is sent (no redirect followed yet). */
interface Sending {
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal?: AbortSignal;
}

/** What the log line reports beyond the outcome. */
interface Trace {
  retries: number;
  source?: 'cache hit' | 'shared';
}

type Settings = Tunables & HttpOptions;

export function createHttpClient(options: Partial<HttpOptions> = {}): ClosableHttpClient {
  const client = new Client({ ...DEFAULT_HTTP_OPTIONS, ...options });
  return { json: (req) => client.json(req), close: () => client.close() };
}

/**
 * The client behind `createHttpClient`: a request goes json → get (cache, shared flights) → exchange → its
 * tries (withRetries) → followRedirects, each a method below.
 */
class Client {
  private readonly dispatcher: Dispatcher;
  private readonly cache: TtlCache<Answer>;
  private readonly flights = new InFlight<Answer>();
  /** The per-origin cap, kept here so a cancelled request waiting for its turn takes no connection. */
  private readonly gate: OriginGate;
  /** One per request under way, so `close()` can end them all. */
  private readonly running = new Set<AbortController>();
  private closed = false;

  constructor(private readonly opts: Settings) {
    this.dispatcher = createDispatcher(opts);
    this.gate = new OriginGate(opts.maxConcurrentPerOrigin);
    this.cache = new TtlCache<Answer>({ ttlMs: opts.cacheTtlSeconds * 1000, maxEntries: opts.cacheMaxEntries, maxBytes: opts.cacheMaxBytes, sizeOf: (answer) => answer.bytes });
  }

  async json(req: HttpRequest): Promise<unknown> {
    const started = Date.now();
    const method = req.method ?? 'GET';
    const trace: Trace = { retries: 0 };
    let outcome = '-';
    const own = follow(req.signal);
    this.running.add(own.controller);
    try {
      if (this.closed) own.controller.abort();
      const request = { ...req, signal: own.controller.signal };
      const answer = method === 'GET' ? await this.get(request, trace) : await this.exchange(request, request.signal, trace);
      outcome = String(answer.status);
      return answer.value;
    } catch (err) {
      const error = toSpacesError(err, req.url, own.controller.signal, this.opts.timeoutSeconds);
      outcome = error.details.status === undefined ? error.kind : `${error.details.status} ${error.kind}`;
      throw error;
    } finally {
      own.dispose();
      this.running.delete(own.controller);
      this.opts.log?.(logLine(method, req.url, outcome, Date.now() - started, trace));
    }
  }

  /** Ends every request under way (they fail as `cancelled`) and the connections. */
  async close(): Promise<void> {
    this.closed = true;
    for (const controller of this.running) controller.abort();
    this.cache.clear();
    await this.dispatcher.close();
  }

  /** A GET: from the cache, or shared with the same request under way, or sent (and cached). */
  private async get(req: HttpRequest, trace: Trace): Promise<Answer> {
    const key = requestKey(req);
    const mode = req.cache ?? 'use';
    const cached = mode === 'use' ? this.cache.get(key) : undefined;
    if (cached) {
      trace.source = 'cache hit';
      return cached;
    }
    const flight = this.flights.run(key, req.signal, async (signal) => {
      const answer = await this.exchange(req, signal, trace);
      if (mode !== 'bypass') this.cache.set(key, answer);
      return answer;
    });
    if (flight.shared) trace.source = 'shared';
    return flight.promise;
  }

  /** One request with its retries; `signal` is the caller's, or the shared flight's for GETs. */
  private async exchange(req: HttpRequest, signal: AbortSignal | undefined, trace: Trace): Promise<Answer> {
    try {
      return await this.withRetries(req, signal, trace);
    } catch (err) {
      throw toSpacesError(err, req.url, signal, this.opts.timeoutSeconds);
    }
  }

  /**
   * Up to MAX_TRIES tries of a GET (one of anything else), each within the request's deadline: a reset
   * connection is tried again after a backoff, a 429 or 503 after its Retry-After (or a backoff).
   */
  private async withRetries(req: HttpRequest, signal: AbortSignal | undefined, trace: Trace): Promise<Answer> {
    const retryable = (req.method ?? 'GET') === 'GET';
    const deadline = deadlineSeconds(this.opts.timeoutSeconds);
    for (let tries = 1; ; tries++) {
      const last = !retryable || tries >= MAX_TRIES;
      const received = await this.tryOnce(req, signal, deadline, last);
      if (!received) {
        await pause(this.backoffMs(tries), signal, trace);
        continue;
      }
      const { status, headers, text } = received;
      if (status >= 200 && status < 300) return { value: parseJson(text, header(headers, 'content-type')), status, bytes: Buffer.byteLength(text) };
      if (!RETRY_STATUSES.has(status)) throw errorFor(status, text, req.url, req.describeError);
      const waitMs = retryAfterMs(headers);
      const retryAt = waitMs === undefined ? undefined : Date.now() + waitMs;
      // Waiting longer than the cap would leave the user staring at a spinner: say when to come back instead.
      const tooLong = waitMs !== undefined && waitMs > this.opts.maxRetryDelaySeconds * 1000;
      if (last || tooLong) throw errorFor(status, text, req.url, req.describeError, retryAt);
      await pause(waitMs ?? this.backoffMs(tries), signal, trace);
    }
  }

  /** One try within `deadline` seconds: the response, or undefined for a reset connection worth another try. */
  private async tryOnce(req: HttpRequest, signal: AbortSignal | undefined, deadline: number, last: boolean): Promise<Received | undefined> {
    const attempt = follow(signal, deadline * 1000);
    try {
      return await this.followRedirects(req, attempt.controller.signal);
    } catch (err) {
      if (attempt.expired()) {
        throw new SpacesError('timeout', l10n.t('{0} took longer than {1} seconds to answer in full.', hostOf(req.url), deadline), {}, { cause: err });
      }
      if (last || !RESET_CODES.has(errorCode(err))) throw err;
      return undefined;
    } finally {
      attempt.dispose();
    }
  }

  /** Sends the request, following same-origin redirects with the same headers; another origin is refused. */
  private async followRedirects(req: HttpRequest, signal: AbortSignal | undefined): Promise<Received> {
    let url = req.url;
    let method = req.method ?? 'GET';
    let body = req.body;
    for (let hops = 0; ; hops++) {
      const sending: Sending = { method, headers: { accept: 'application/json', ...req.headers }, body, signal };
      const response = await this.gate.run(new URL(url).origin, signal, () => this.send(url, sending));
      const location = header(response.headers, 'location');
      if (!REDIRECT_STATUSES.has(response.status) || !location) {
        await nextRequestFirst();
        return response;
      }
      const next = new URL(location, url);
      checkRedirect(new URL(url), next, response.status, hops, MAX_REDIRECTS);
      // As browsers do: 303, and 301/302 after a POST, continue as a GET without the body.
      if (response.status === 303 || (method === 'POST' && response.status <= 302)) {
        method = 'GET';
        body = undefined;
      }
      url = next.href;
    }
  }

  /** One request and its whole answer, holding its origin's place: a redirect's body dropped, any other read within the cap. */
  private async send(url: string, sending: Sending): Promise<Received> {
    const response = await request(url, { ...sending, dispatcher: this.dispatcher });
    const answer = { status: response.statusCode, headers: response.headers };
    if (REDIRECT_STATUSES.has(response.statusCode) && header(response.headers, 'location')) {
      await response.body.dump();
      return { ...answer, text: '' };
    }
    return { ...answer, text: await readCapped(response.body, this.opts.maxResponseBytes, url) };
  }

  private backoffMs(tries: number): number {
    const exponential = this.opts.retryBaseDelayMs * 2 ** (tries - 1);
    return exponential / 2 + (Math.random() * exponential) / 2;
  }
}

/**
 * A controller that aborts with `parent` and, given `ms`, on its own once that time is up (`expired()`).
 * `dispose()` lets go of the parent and the timer.
 */
function follow(parent: AbortSignal | undefined, ms?: number): { controller: AbortController; expired(): boolean; dispose(): void } {
  const controller = new AbortController();
  let expired = false;
  const onAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) onAbort();
  else parent?.addEventListener('abort', onAbort, { once: true });
  const timer =
    ms === undefined
      ? undefined
      : setTimeout(() => {
          expired = true;
          controller.abort();
        }, ms);
  timer?.unref?.();
  return {
    controller,
    expired: () => expired,
    dispose() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}

/** How long a 429/503 asks to wait: `retry-after-ms`, else `Retry-After` in seconds or as an HTTP date. */
function retryAfterMs(headers: Received['headers']): number | undefined {
  const ms = header(headers, 'retry-after-ms')?.trim();
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = header(headers, 'retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

async function pause(ms: number, signal: AbortSignal | undefined, trace: Trace): Promise<void> {
  await sleep(ms, undefined, { signal });
  trace.retries++;
}

function header(headers: Received['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Identifies a GET for sharing and caching: URL and every header (any may carry a credential), hashed so no secret is kept. */
function requestKey(req: HttpRequest): string {
  const headers = Object.entries(req.headers ?? {})
    .map(([name, value]) => [name.toLowerCase(), value])
    .sort(([a], [b]) => (a! < b! ? -1 : 1));
  return createHash('sha256').update(JSON.stringify([req.url, headers])).digest('hex');
}

/**
 * Lets the connection send its next waiting request before this answer's work begins: the reading, checking
 * and drawing it sets off would otherwise come first, and every round of a page's answers go out that much
 * later (3–10 ms a round, measured). Two turns of the event loop: the next request is handed over (`gate`)
 * as this one ends, and undici writes it onto the kept-alive connection from a `setImmediate` of its own.
 */
async function nextRequestFirst(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(err?: Error): unknown }, maxBytes: number, url: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      throw new SpacesError('badResponse', l10n.t('The answer from {0} is larger than {1} and was cut off.', hostOf(url), formatBytes(maxBytes, { trim: true })));
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function logLine(method: string, url: string, outcome: string, ms: number, trace: Trace): string {
  const retries = trace.retries === 0 ? '' : `, ${trace.retries} ${trace.retries === 1 ? 'retry' : 'retries'}`;
  return `${method} ${redactUrl(url)} ${outcome} ${ms}ms${retries}${trace.source ? `, ${trace.source}` : ''}`;
}
