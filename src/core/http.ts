/**
 * The one HTTP layer every vendor talks through (see DESIGN.md, "HTTP behaviour").
 * First cut: keep-alive agent, timeouts, size cap, status and body mapping. Retries, redirects,
 * in-flight sharing, the TTL cache, proxies and extra CAs come on top of this.
 */
import { Agent, request, type Dispatcher } from 'undici';
import { kindForStatus, SpacesError, type ErrorKind } from './errors';

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
  readonly describeError?: (status: number, body: unknown) => { readonly kind?: ErrorKind; readonly message: string } | undefined;
}

export interface HttpClient {
  /** The parsed JSON of a 2xx answer; anything else throws a SpacesError of the right kind. */
  json(request: HttpRequest): Promise<unknown>;
}

export interface HttpOptions {
  readonly timeoutSeconds: number;
  readonly maxConcurrentPerOrigin: number;
  readonly maxResponseBytes: number;
  readonly cacheTtlSeconds: number;
  /** One line per request: method, URL without secrets, status, duration, retries. Never a header or a body. */
  readonly log?: (line: string) => void;
}

export const DEFAULT_HTTP_OPTIONS: HttpOptions = {
  timeoutSeconds: 30,
  maxConcurrentPerOrigin: 6,
  maxResponseBytes: 10 * 1024 * 1024,
  cacheTtlSeconds: 300,
};

export interface ClosableHttpClient extends HttpClient {
  close(): Promise<void>;
}

export function createHttpClient(options: Partial<HttpOptions> = {}): ClosableHttpClient {
  const opts = { ...DEFAULT_HTTP_OPTIONS, ...options };
  const timeout = opts.timeoutSeconds * 1000;
  const agent = new Agent({
    connections: opts.maxConcurrentPerOrigin,
    connectTimeout: timeout,
    headersTimeout: timeout,
    bodyTimeout: timeout,
  });

  async function json(req: HttpRequest): Promise<unknown> {
    const started = Date.now();
    const method = req.method ?? 'GET';
    let status: number | string = '-';
    try {
      const response = await send(agent, req, method);
      status = response.statusCode;
      const text = await readCapped(response.body, opts.maxResponseBytes, req.url);
      if (response.statusCode < 200 || response.statusCode >= 300) throw errorFor(response.statusCode, text, req);
      return parseJson(text, String(response.headers['content-type'] ?? ''));
    } catch (err) {
      throw toSpacesError(err, req);
    } finally {
      opts.log?.(`${method} ${redactUrl(req.url)} ${status} ${Date.now() - started}ms`);
    }
  }

  return { json, close: () => agent.close() };
}

function send(dispatcher: Dispatcher, req: HttpRequest, method: 'GET' | 'POST') {
  return request(req.url, { method, headers: { accept: 'application/json', ...req.headers }, body: req.body, signal: req.signal, dispatcher });
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(err?: Error): unknown }, maxBytes: number, url: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      throw new SpacesError('badResponse', `The answer from ${new URL(url).host} is larger than ${formatMegabytes(maxBytes)} MB and was cut off.`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string, contentType: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const html = /text\/html/i.test(contentType) || /^\s*</.test(text);
    throw new SpacesError('badResponse', html ? 'The server answered with an HTML page instead of JSON.' : 'The server answered with incomplete or malformed JSON.');
  }
}

function errorFor(status: number, text: string, req: HttpRequest): SpacesError {
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the vendor's reader gets the text
  }
  const described = req.describeError?.(status, body);
  return new SpacesError(described?.kind ?? kindForStatus(status), described?.message ?? `The server answered ${status}.`, { status });
}

function toSpacesError(err: unknown, req: HttpRequest): SpacesError {
  if (err instanceof SpacesError) return err;
  const host = new URL(req.url).host;
  const code = (err as { code?: string; cause?: { code?: string } })?.code ?? (err as { cause?: { code?: string } })?.cause?.code;
  if (req.signal?.aborted || (err as Error)?.name === 'AbortError') return new SpacesError('cancelled', 'The request was cancelled.', {}, { cause: err });
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new SpacesError('timeout', `${host} did not answer in time.`, {}, { cause: err });
  }
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) {
    return new SpacesError('tls', `The certificate of ${host} is not trusted (${code}).`, {}, { cause: err });
  }
  return new SpacesError('network', `Could not reach ${host}${code ? ` (${code})` : ''}.`, {}, { cause: err });
}

const SECRET_PARAM = /token|key|secret|password|signature|auth/i;

/** The URL without user info and with secret-looking query values masked: safe for logs and messages. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    for (const name of [...url.searchParams.keys()]) if (SECRET_PARAM.test(name)) url.searchParams.set(name, '***');
    return url.toString();
  } catch {
    return '(invalid URL)';
  }
}

function formatMegabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
}
