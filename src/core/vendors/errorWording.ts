/**
 * How a vendor's failures read: the error answers of its API (`describeHttpError`, one status → sentence
 * mapping for every vendor), with the vendor's own words masked and clipped, and the settings or
 * credentials missing before anything is sent.
 */
import { kindForStatus, SpacesError } from '../errors';
import type { HttpRequest } from '../http';

/**
 * The missing-credentials error, raised before anything is sent: by every vendor, and by the extension for
 * an account with nothing to fetch. `envName`: the account reads this credential from that environment
 * variable, so Update Credentials would not help.
 */
export function missingSecret(vendorName: string, field: string, envName?: string): SpacesError {
  if (envName !== undefined) return new SpacesError('config', `The environment variable ${envName} (the ${field}) is not set for the extension host.`);
  return new SpacesError('config', `No ${field} is set for this ${vendorName} account: use "Update Credentials…".`);
}

/** The missing-setting error (e.g. a workspace id), raised before sending anything. */
export function missingSetting(vendorName: string, label: string, why?: string): SpacesError {
  return new SpacesError('config', `This ${vendorName} account has no ${label}${why ? ` (${why})` : ''}: add it in the settings.`);
}

export type DescribeError = NonNullable<HttpRequest['describeError']>;

export interface ErrorWording {
  readonly vendorName: string;
  /** What was asked for: "space", "workspace". */
  readonly what: string;
  /**
   * The request named in full, where a client makes several kinds (`space "x"`, `the list of spaces`):
   * the sentences then say which request failed. Without it they speak of "this <what>".
   */
  readonly subject?: string;
  /** What the request authenticated with: "API key", "access token". */
  readonly credentials: string;
  /** The account's secret values, masked wherever the vendor echoes them. */
  readonly secrets?: readonly (string | undefined)[];
  /** Words the usual shapes miss (Alumio's `violations`). */
  readonly moreWords?: (body: unknown) => string | undefined;
  /** Where in the body the vendor's words are, when the usual shapes would pick others (Onedata's nested `authError`). */
  readonly wordsIn?: (body: unknown) => unknown;
  /** The status an answer stands for, where its body says more than its status (Onedata answers a bad token with 400). */
  readonly statusOf?: (status: number, body: unknown) => number;
  /** The vendor's own lead for a status, in place of the usual one (Blueworks' likely reasons for a 403). */
  readonly leads?: Readonly<Partial<Record<number, string>>>;
}

/** API keys like `sk-…`, JWTs and bearer values: masked even when they are not this account's. */
const TOKEN_SHAPED = /\bsk-[\w-]{6,}|\beyJ[\w-]+\.[\w-]+\.[\w-]*|\bBearer\s+\S+/g;

/**
 * A vendor's reading of an error answer: one sentence that says what failed, then the vendor's own
 * words (`errorText`), e.g. "Sharely.ai has no space with this id: Space not found." The kind follows
 * the status (`statusOf`'s, where the vendor gives one).
 */
export function describeHttpError(wording: ErrorWording): DescribeError {
  const { secrets = [], moreWords, wordsIn = (body: unknown) => body, statusOf, leads = {} } = wording;
  return (answered, body) => {
    const status = statusOf?.(answered, body) ?? answered;
    const words = [errorText(wordsIn(body), secrets), moreWords?.(body)].map((w) => w?.replace(/[.\s]+$/, '')).filter((w) => w);
    const said = words.length ? clip(scrubSecrets(words.join(': '), secrets).replace(TOKEN_SHAPED, '***')) : undefined;
    return { kind: kindForStatus(status), message: sentence(leads[status] ?? usualLead(status, wording), said) };
  };
}

/** What failed, by status: how every vendor's error sentence starts unless it has its own lead. */
function usualLead(status: number, { vendorName, what, subject, credentials }: ErrorWording): string {
  const asked = subject ?? `this ${what}`;
  const naming = subject ? ` for ${subject}` : '';
  if (status === 401) return `${vendorName} did not accept the ${credentials}`;
  if (status === 403) return `${vendorName} refused access to ${asked}`;
  if (status === 404) return `${vendorName} has no ${what} with this id`;
  if (status === 429) return `${vendorName} is limiting requests${naming} (HTTP 429)`;
  if (status >= 500) return `${vendorName} could not answer${naming} (HTTP ${status})`;
  return `${vendorName} did not accept the request for ${asked} (HTTP ${status})`;
}

/** `text` with every secret value masked, so no error message repeats a credential. */
function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  return secrets.reduce<string>((out, secret) => (secret && secret.length >= 4 ? out.split(secret).join('***') : out), text);
}

/**
 * The vendor's own words from an error body of the usual shapes (plain text, `message`, `description`,
 * OAuth's `error_description`, `{error: {...}}`, `errors[0]`), masked and clipped; HTML pages say nothing.
 */
export function errorText(body: unknown, secrets: readonly (string | undefined)[] = []): string | undefined {
  const text = pickErrorText(body, 0);
  return text ? clip(scrubSecrets(text, secrets)) : undefined;
}

function pickErrorText(body: unknown, depth: number): string | undefined {
  if (typeof body === 'string') return /^\s*</.test(body) ? undefined : body.trim() || undefined;
  if (typeof body !== 'object' || body === null || depth > 2) return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ['error_description', 'description', 'message', 'detail', 'title']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  if (record.error !== undefined) return pickErrorText(record.error, depth + 1);
  if (Array.isArray(record.errors)) return pickErrorText(record.errors[0], depth + 1);
  return undefined;
}

/** A short readable text from an unknown error body (string or object), cut to a sensible length. */
function clip(text: string, max = 300): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** One sentence: our lead, then the vendor's words when it gave any ("<lead>: <said>."). */
export function sentence(lead: string, said?: string): string {
  const text = said ? `${lead}: ${said}` : lead;
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
