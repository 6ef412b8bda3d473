// Every way a request can fail, as a SpacesError in the extension's words: a refused redirect, an answer
// that is not JSON, a non-2xx status (in the vendor's words where it has some), a timeout, a TLS or network
// failure. URLs in messages and logs go through `redactUrl`.
import * as l10n from '@vscode/l10n';
import { cancelledError, kindForStatus, SpacesError, type ErrorKind } from './errors';

/** A vendor's reading of a non-2xx answer: kind (default from the status) and one sentence. */
export type ErrorReader = (status: number, body: unknown) => { readonly kind?: ErrorKind; readonly message: string } | undefined;

/** Refuses a redirect to another origin (saying where, without secrets), or one hop more than `maxHops`. */
export function checkRedirect(from: URL, to: URL, status: number, hops: number, maxHops: number): void {
  if (to.origin !== from.origin) {
    const location = redactUrl(to.href);
    throw new SpacesError('redirect', l10n.t('{0} redirected to {1}, another server, so the request was not followed there.', from.host, location), { status, location });
  }
  if (hops >= maxHops) throw new SpacesError('redirect', l10n.t('{0} redirected more than {1} times.', from.host, maxHops), { status });
}

/** A 2xx answer's JSON; an HTML page (a login form, a proxy's error page) or broken JSON is `badResponse`. */
export function parseJson(text: string, contentType = ''): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const html = /text\/html/i.test(contentType) || /^\s*</.test(text);
    throw new SpacesError('badResponse', html ? l10n.t('The server answered with an HTML page instead of JSON.') : l10n.t('The server answered with incomplete or malformed JSON.'));
  }
}

/** A non-2xx answer in the vendor's words where it has some; `retryAt` when the server said when to come back. */
export function errorFor(status: number, text: string, url: string, reader: ErrorReader | undefined, retryAt?: number): SpacesError {
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the vendor's reader gets the text
  }
  const described = reader?.(status, body);
  const host = hostOf(url);
  const fallback = retryAt === undefined ? l10n.t('{0} answered with status {1}.', host, status) : l10n.t('{0} asks to wait {1} before the next request.', host, formatWait(retryAt - Date.now()));
  return new SpacesError(described?.kind ?? kindForStatus(status), described?.message ?? fallback, retryAt === undefined ? { status } : { status, retryAt });
}

// Keyed by an error's `code`: Maps, so no code can reach an object's own properties (`constructor`…).
const TIMEOUTS = new Map<string, (host: string, seconds: string) => string>([
  ['UND_ERR_CONNECT_TIMEOUT', (host, s) => l10n.t('Connecting to {0} took longer than {1} seconds.', host, s)],
  ['UND_ERR_HEADERS_TIMEOUT', (host, s) => l10n.t('{0} did not start answering within {1} seconds.', host, s)],
  ['UND_ERR_BODY_TIMEOUT', (host, s) => l10n.t('{0} stopped sending its answer for {1} seconds.', host, s)],
]);

const NETWORK = new Map<string, (host: string) => string>([
  ['ECONNREFUSED', (host) => l10n.t('{0} refused the connection.', host)],
  ['ENOTFOUND', (host) => l10n.t('The name of {0} could not be resolved.', host)],
  ['EAI_AGAIN', (host) => l10n.t('The name of {0} could not be resolved.', host)],
  ['ECONNRESET', (host) => l10n.t('The connection to {0} was closed unexpectedly.', host)],
  ['UND_ERR_SOCKET', (host) => l10n.t('The connection to {0} was closed unexpectedly.', host)],
]);

/** Any failure of a request (undici's, Node's, a cancel) as a SpacesError of the right kind, naming the host. */
export function toSpacesError(err: unknown, url: string, signal: AbortSignal | undefined, timeoutSeconds: number): SpacesError {
  if (err instanceof SpacesError) return err;
  if (signal?.aborted) return cancelledError(err);
  const host = hostOf(url);
  const code = errorCode(err);
  const timeout = TIMEOUTS.get(code);
  if (timeout) return new SpacesError('timeout', timeout(host, String(timeoutSeconds)), {}, { cause: err });
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/.test(code)) {
    return new SpacesError('tls', l10n.t('The certificate of {0} is not trusted ({1}).', host, code), {}, { cause: err });
  }
  const proxyStatus = /Proxy response \((\d+)\)/.exec(err instanceof Error ? err.message : '')?.[1];
  if (proxyStatus) return new SpacesError('network', l10n.t('The proxy refused to connect to {0} (status {1}).', host, proxyStatus), {}, { cause: err });
  const message = NETWORK.get(code)?.(host) ?? (code ? l10n.t('Could not reach {0} ({1}).', host, code) : l10n.t('Could not reach {0}.', host));
  return new SpacesError('network', message, {}, { cause: err });
}

export function errorCode(err: unknown): string {
  const { code, cause } = (err ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  const found = typeof code === 'string' ? code : cause?.code;
  return typeof found === 'string' ? found : '';
}

// Credential words in a query name. Long ones count anywhere in it (`x-amz-security-token`, `JSESSIONID`); short
// ones only as a whole part between `-`, `_`, `.` or a camelCase step, so `code` is masked but `zipcode` is not.
const SECRET_WORDS = /token|key|secret|password|passwd|signature|auth|credential|session|assertion|jwt/i;
const SECRET_PARTS = new Set(['code', 'otp', 'pass', 'pwd', 'sid', 'sig']);

function isSecretName(name: string): boolean {
  return SECRET_WORDS.test(name) || name.split(/[-_.\s]+|(?<=[a-z\d])(?=[A-Z])/).some((part) => SECRET_PARTS.has(part.toLowerCase()));
}

/** One `name=value` of a query as written, its value masked when the decoded name is a credential's. */
function maskPair(pair: string): string {
  const [name = '', value = ''] = [...new URLSearchParams(pair)][0] ?? [];
  return value && isSecretName(name) ? `${pair.slice(0, pair.indexOf('='))}=***` : pair;
}

/** The URL without user info, fragment and credential-looking query values: safe for logs and messages. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    // Pair by pair on the text, so a repeated name keeps all its pairs and the rest keeps its spelling.
    if (url.search) url.search = `?${url.search.slice(1).split('&').map(maskPair).join('&')}`;
    // A fragment never reaches the server, but OAuth's implicit flow returns tokens in it: none of it is shown.
    if (url.hash) url.hash = '***';
    return url.toString();
  } catch {
    return '(invalid URL)';
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(invalid URL)';
  }
}

function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  const minutes = Math.round(seconds / 60);
  if (seconds < 120) return seconds === 1 ? l10n.t('1 second') : l10n.t('{0} seconds', seconds);
  if (minutes < 120) return l10n.t('{0} minutes', minutes);
  return l10n.t('{0} hours', Math.round(minutes / 60));
}
