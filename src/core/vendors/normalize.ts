/** Small helpers the vendor files share to turn vendor JSON into SpaceDetails. */
import * as z from 'zod/mini';
import { SpacesError } from '../errors';
import type { HttpClient, HttpRequest } from '../http';
import type { Fact, Value, ValueKind } from '../model';
import type { FetchOptions } from './vendor';

/**
 * An ISO 8601 string in UTC, or undefined. Accepts ISO strings, Blueworks' `+0000` offsets (no colon,
 * which ECMAScript's date format does not allow), and epoch numbers in `unit`.
 */
export function toIsoDate(value: unknown, unit: 'ms' | 's' = 'ms'): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  let date: Date;
  if (typeof value === 'number') date = new Date(unit === 's' ? value * 1000 : value);
  else if (typeof value === 'string') date = new Date(value.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  else return undefined;
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Facts with no value are left out, so every view shows only what the vendor said. */
export function facts(...entries: readonly (readonly [label: string, value: Value | undefined, kind: ValueKind])[]): Fact[] {
  return entries.filter(([, value]) => value !== undefined && value !== null && value !== '').map(([label, value, kind]) => ({ label, value: value as Value, kind }));
}

/** Alumio-style 0/1 flags (and real booleans) as booleans. */
export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  if (value === '0' || value === '1') return value === '1';
  return undefined;
}

/**
 * A field read on its own: missing, null or of another type, it is simply absent. Vendors add fields and
 * leave optional ones out; one odd value must not hide the rest of a space (the raw JSON keeps it).
 */
export function lenient<S extends z.ZodMiniType>(schema: S) {
  return z.catch(z.nullish(schema), undefined);
}

export const lenientText = lenient(z.string());
export const lenientNumber = lenient(z.number());
export const lenientBoolean = lenient(z.boolean());
/** A list of strings: the strings in it (anything else left out), or absent when it is no list. */
export const lenientTexts = z.pipe(
  lenient(z.array(z.unknown())),
  z.transform((list) => list?.filter((item): item is string => typeof item === 'string')),
);

/** The rows of a group, read one by one: the readable ones, and how many were not (with why, for the log). */
export interface Rows<T> {
  readonly items: readonly T[];
  readonly unreadable: number;
  readonly reasons: readonly string[];
}

/** How many reasons a group keeps for the log: the first few say what is wrong with the rest. */
const MAX_REASONS = 3;

/** A list of rows, each read with `item`: an unreadable row is left out and counted, never the whole space. Absent when it is no list. */
export function rows<S extends z.ZodMiniType>(item: S) {
  return z.pipe(
    lenient(z.array(z.unknown())),
    z.transform((list): Rows<z.infer<S>> | undefined => {
      if (!list) return undefined;
      const items: z.infer<S>[] = [];
      const reasons: string[] = [];
      let unreadable = 0;
      list.forEach((row, index) => {
        const parsed = item.safeParse(row);
        if (parsed.success) {
          items.push(parsed.data as z.infer<S>);
          return;
        }
        unreadable++;
        const issue = parsed.error.issues[0];
        if (reasons.length < MAX_REASONS) reasons.push(`row ${index + 1}${issue?.path.length ? ` at "${issue.path.join('.')}"` : ''}: ${issue?.message ?? 'unreadable'}`);
      });
      return { items, unreadable, reasons };
    }),
  );
}

/** A group's count of unreadable rows, to spread into the group. */
export function unreadableOf(read: Rows<unknown> | undefined): { unreadable?: number } {
  return read && read.unreadable > 0 ? { unreadable: read.unreadable } : {};
}

/** The line for the log about a group's unreadable rows, if it has any (none: an empty list). */
export function problemOf(label: string, read: Rows<unknown> | undefined): string[] {
  if (!read || read.unreadable === 0) return [];
  return [`${label}: ${read.unreadable} of ${read.items.length + read.unreadable} rows could not be read (${read.reasons.join('; ')})`];
}

/** Parses `data` with `schema`, turning a mismatch into one readable badResponse sentence. */
export function parseWith<T>(schema: z.ZodMiniType<T>, data: unknown, vendorName: string, what: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
  throw new SpacesError('badResponse', `${vendorName} answered ${what} in an unexpected shape${where}: ${issue?.message ?? 'invalid'}.`);
}

/** A short readable text from an unknown error body (string or object), cut to a sensible length. */
export function clip(text: string, max = 300): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** The missing-credentials error every vendor raises before sending anything. */
export function missingSecret(vendorName: string, field: string): SpacesError {
  return new SpacesError('config', `No ${field} is set for this ${vendorName} account: use "Update Credentials…".`);
}

/**
 * `base` plus path segments, each percent-encoded: ids are opaque and may hold `/`, `?`, `#` or spaces.
 * `.` and `..` survive encoding and would climb the path (to another endpoint, with the credentials), so
 * they are refused.
 */
export function apiUrl(base: string, ...segments: readonly string[]): string {
  const climbing = segments.find((segment) => segment === '.' || segment === '..' || segment === '');
  if (climbing !== undefined) throw new SpacesError('config', `"${climbing}" is not a valid id.`);
  return [base.replace(/\/+$/, ''), ...segments.map(encodeURIComponent)].join('/');
}

/** The missing-setting error (e.g. a workspace id), raised before sending anything. */
export function missingSetting(vendorName: string, label: string, why?: string): SpacesError {
  return new SpacesError('config', `This ${vendorName} account has no ${label}${why ? ` (${why})` : ''}: add it in the settings.`);
}

export type DescribeError = NonNullable<HttpRequest['describeError']>;

/** A GET through the shared client: Refresh skips cached copies, the vendor words the errors. */
export function getJson(http: HttpClient, url: string, headers: Record<string, string>, describeError: DescribeError, options: FetchOptions = {}): Promise<unknown> {
  return http.json({ url, headers, signal: options.signal, cache: options.refresh ? 'refresh' : 'use', describeError });
}

export interface ErrorWording {
  readonly vendorName: string;
  /** What was asked for: "space", "workspace". */
  readonly what: string;
  /** What the request authenticated with: "API key", "access token". */
  readonly credentials: string;
  /** The account's secret values, masked wherever the vendor echoes them. */
  readonly secrets?: readonly (string | undefined)[];
  /** Words the usual shapes miss (Alumio's `violations`). */
  readonly moreWords?: (body: unknown) => string | undefined;
}

/** API keys like `sk-…`, JWTs and bearer values: masked even when they are not this account's. */
const TOKEN_SHAPED = /\bsk-[\w-]{6,}|\beyJ[\w-]+\.[\w-]+\.[\w-]*|\bBearer\s+\S+/g;

/**
 * A vendor's reading of an error answer: one sentence that says what failed, then the vendor's own
 * words (`errorText`), e.g. "Sharely.ai has no space with this id: Space not found."
 */
export function describeHttpError({ vendorName, what, credentials, secrets = [], moreWords }: ErrorWording): DescribeError {
  return (status, body) => {
    const words = [errorText(body, secrets), moreWords?.(body)].map((w) => w?.replace(/[.\s]+$/, '')).filter((w) => w);
    const said = words.length ? clip(scrubSecrets(words.join(': '), secrets).replace(TOKEN_SHAPED, '***')) : undefined;
    const lead =
      status === 401
        ? `${vendorName} did not accept the ${credentials}`
        : status === 403
          ? `${vendorName} refused access to this ${what}`
          : status === 404
            ? `${vendorName} has no ${what} with this id`
            : status === 429
              ? `${vendorName} is limiting requests (HTTP 429)`
              : status >= 500
                ? `${vendorName} could not answer (HTTP ${status})`
                : `${vendorName} did not accept the request for this ${what} (HTTP ${status})`;
    return { message: sentence(lead, said) };
  };
}

/** `past_due` → `Past due`, `ACTIVE` → `Active`: a vendor's status code as a label. Other text stays as it is. */
export function humanize(code: string): string {
  if (!/^[A-Za-z]+(?:[_-][A-Za-z]+)*$/.test(code)) return code;
  const spaced = code.replace(/[_-]+/g, ' ').trim();
  const words = spaced === spaced.toUpperCase() ? spaced.toLowerCase() : spaced;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `text` with every secret value masked, so no error message repeats a credential. */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
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

/** One sentence: our lead, then the vendor's words when it gave any ("<lead>: <said>."). */
export function sentence(lead: string, said?: string): string {
  const text = said ? `${lead}: ${said}` : lead;
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** Keeps group item ids unique: the first use of an id stays as it is, repeats get `#2`, `#3`… */
export function uniqueIds(): (id: string) => string {
  const seen = new Map<string, number>();
  return (id) => {
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id}#${count}`;
  };
}

/** A list of tags or names as one text value, or undefined when there are none. */
export function listText(values: readonly string[] | null | undefined): string | undefined {
  return values && values.length > 0 ? values.join(', ') : undefined;
}
