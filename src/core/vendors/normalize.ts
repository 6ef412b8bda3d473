/** Small helpers the vendor files share to turn vendor JSON into SpaceDetails. */
import type * as z from 'zod/mini';
import { SpacesError } from '../errors';
import type { Fact, Value, ValueKind } from '../model';

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
  return new SpacesError('config', `No ${field} is set for this ${vendorName} account: use "Set Credentials…".`);
}
