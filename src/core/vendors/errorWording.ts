/**
 * How a vendor's failures read: the error answers of its API (`describeHttpError`, one status → sentence
 * mapping for every vendor), with the vendor's own words masked and clipped, and the settings or
 * credentials missing before anything is sent.
 */
import * as l10n from '@vscode/l10n';
import { kindForStatus, SpacesError } from '../errors';
import type { HttpRequest } from '../http';

/**
 * The missing-credentials error, raised before anything is sent: by every vendor, and by the extension for
 * an account with nothing to fetch. `field`: the credential's translated name. `envName`: the account reads
 * this credential from that environment variable, so Update Credentials would not help.
 */
export function missingSecret(vendorName: string, field: string, envName?: string): SpacesError {
  if (envName !== undefined) return new SpacesError('config', l10n.t('The environment variable {0} (the {1}) is not set for the extension host.', envName, field));
  return new SpacesError('config', l10n.t('No {0} is set for this {1} account: use "Update Credentials…".', field, vendorName));
}

/** The missing-setting error (e.g. a workspace id), raised before sending anything. `label` and `why` are translated. */
export function missingSetting(vendorName: string, label: string, why?: string): SpacesError {
  const message = why
    ? l10n.t('This {0} account has no {1} ({2}): add it in the settings.', vendorName, label, why)
    : l10n.t('This {0} account has no {1}: add it in the settings.', vendorName, label);
  return new SpacesError('config', message);
}

export type DescribeError = NonNullable<HttpRequest['describeError']>;

export interface ErrorWording {
  readonly vendorName: string;
  /** What was asked for, translated: "space", "workspace". */
  readonly what: string;
  /**
   * The request named in full and translated, where a client makes several kinds (`space "x"`, `the list
   * of spaces`): the sentences then say which request failed. Without it they speak of "this <what>".
   */
  readonly subject?: string;
  /** What the request authenticated with, translated: "API key", "access token". */
  readonly credentials: string;
  /** The account's secret values, masked wherever the vendor echoes them. */
  readonly secrets?: readonly (string | undefined)[];
  /** Words the usual shapes miss (Alumio's `violations`). */
  readonly moreWords?: (body: unknown) => string | undefined;
  /** Where in the body the vendor's words are, when the usual shapes would pick others (Onedata's nested `authError`). */
  readonly wordsIn?: (body: unknown) => unknown;
  /** The status an answer stands for, where its body says more than its status (Onedata answers a bad token with 400). */
  readonly statusOf?: (status: number, body: unknown) => number;
  /** The vendor's own (translated) lead for a status, in place of the usual one (Blueworks' likely reasons for a 403). */
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

/**
 * What failed, by status: how every vendor's error sentence starts unless it has its own lead. Whole
 * sentences with placeholders, so each language can order them its own way.
 */
function usualLead(status: number, { vendorName, what, subject, credentials }: ErrorWording): string {
  const asked = subject ?? l10n.t('this {0}', what);
  if (status === 401) return l10n.t('{0} did not accept the {1}', vendorName, credentials);
  if (status === 403) return l10n.t('{0} refused access to {1}', vendorName, asked);
  if (status === 404) return l10n.t('{0} has no {1} with this id', vendorName, what);
  if (status === 429) return subject ? l10n.t('{0} is limiting requests for {1} (HTTP 429)', vendorName, subject) : l10n.t('{0} is limiting requests (HTTP 429)', vendorName);
  if (status >= 500) return subject ? l10n.t('{0} could not answer for {1} (HTTP {2})', vendorName, subject, status) : l10n.t('{0} could not answer (HTTP {1})', vendorName, status);
  return l10n.t('{0} did not accept the request for {1} (HTTP {2})', vendorName, asked, status);
}

/** `text` with every secret value masked, so no error message repeats a credential. */
function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  return secrets.reduce<string>((out, secret) => (secret && secret.length >= 4 ? out.split(secret).join('***') : out), text);
}

/**
 * The vendor's own words from an error body of the usual shapes (plain text, `message`, `description`,
 * OAuth's `error_description`, `{error: {...}}`, `errors[0]`), masked and clipped; HTML pages say nothing.
 */
function errorText(body: unknown, secrets: readonly (string | undefined)[] = []): string | undefined {
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
function sentence(lead: string, said?: string): string {
  const text = said ? `${lead}: ${said}` : lead;
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
