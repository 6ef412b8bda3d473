import * as l10n from '@vscode/l10n';

/** The error kinds of the error contract: every failure the UI shows is one of these. */
const ERROR_KINDS = [
  'auth',
  'forbidden',
  'notFound',
  'rateLimited',
  'server',
  'timeout',
  'network',
  'tls',
  'badResponse',
  'redirect',
  'config',
  'cancelled',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Something to do about a failure besides Retry and Show Log: new credentials, or another setting. */
export type ErrorAction = 'credentials' | 'settings';

/**
 * What each kind of failure offers, in one table: the tree's error rows carry it in their context value
 * (`error.<kind>.credentials.settings`, which package.json's menus match) and the connection test's
 * notification shows it as buttons.
 */
export const ERROR_ACTIONS: Readonly<Record<ErrorKind, readonly ErrorAction[]>> = {
  auth: ['credentials'],
  // Other credentials may be allowed what these are not.
  forbidden: ['credentials'],
  notFound: [],
  rateLimited: [],
  server: [],
  timeout: [],
  network: [],
  // The trusted certificates, or the URL.
  tls: ['settings'],
  badResponse: [],
  redirect: ['settings'],
  // A missing setting or a missing credential: the message says which.
  config: ['credentials', 'settings'],
  cancelled: [],
};

export interface SpacesErrorDetails {
  /** HTTP status, where there was a response. */
  readonly status?: number;
  /** rateLimited: when the vendor said to try again (epoch ms). */
  readonly retryAt?: number;
  /** redirect: where the vendor pointed (already stripped of credentials). */
  readonly location?: string;
}

/**
 * One error type for everything that can go wrong talking to a vendor. `message` is one readable
 * sentence for the user; it never holds a credential, a header value or a whole response body.
 */
export class SpacesError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details: SpacesErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SpacesError';
  }

  /** `<kind>: <message>`, as tree rows and the panel show it. */
  override toString(): string {
    return `${this.kind}: ${this.message}`;
  }
}

/**
 * Structural, not `instanceof`: the network stack is a separate bundle from the extension, so an error
 * thrown there is an instance of that bundle's copy of the class.
 */
export function isSpacesError(value: unknown): value is SpacesError {
  return (
    value instanceof Error &&
    value.name === 'SpacesError' &&
    (ERROR_KINDS as readonly string[]).includes((value as { kind?: unknown }).kind as string)
  );
}

/** The kind an HTTP status means when the vendor's body says nothing more specific. */
export function kindForStatus(status: number): ErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 429) return 'rateLimited';
  if (status >= 500) return 'server';
  if (status >= 300 && status < 400) return 'redirect';
  return 'badResponse';
}

/** A request the caller gave up on (its signal aborted), said the same wherever it is noticed. */
export function cancelledError(cause?: unknown): SpacesError {
  return new SpacesError('cancelled', l10n.t('The request was cancelled.'), {}, cause === undefined ? undefined : { cause });
}

/** Any failure as a SpacesError: one already is (structurally); anything else was an answer we could not use. */
export function asSpacesError(err: unknown): SpacesError {
  if (isSpacesError(err)) return err;
  return new SpacesError('badResponse', err instanceof Error ? err.message : String(err));
}
