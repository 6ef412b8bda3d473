/**
 * Every vendor's dates, read into what the model keeps: an ISO 8601 string in UTC, or undefined when the
 * value is no date. One function per format, named for it; the vendor files call the one their vendor sends:
 * - `parseIsoDate`: ISO 8601 text with `Z` or a `±hh:mm` offset (Alumio, Openlayer, Sharely);
 * - `parseBlueworksDate`: the same with a `±hhmm` offset, as Blueworks writes it;
 * - `fromEpochSeconds`: Unix time in seconds (Onedata's `creationTime`).
 * Text is read by ECMAScript's `Date`, whose engine also takes some other shapes for dates; the table in
 * test/unit/core/vendors/dates.test.ts shows which.
 */

/** Blueworks' offset without its colon (`+0000`, `-0500`) at the end of the text. */
const OFFSET_WITHOUT_COLON = /([+-]\d{2})(\d{2})$/;

/** The date as ISO 8601 in UTC, or undefined when it is invalid (not a date, or beyond ±100,000,000 days of 1970). */
function isoOf(date: Date): string | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Text such as `2024-03-01T09:15:00+00:00` or `2025-01-15T10:30:00Z`, surrounding whitespace ignored; anything else is no date. */
export function parseIsoDate(value: unknown): string | undefined {
  return typeof value === 'string' ? isoOf(new Date(value.trim())) : undefined;
}

/**
 * A Blueworks date: text such as `2017-01-13T04:34:47.073+0000` (Java's `Z` pattern), its offset given the
 * colon ECMAScript's date format requires (V8 reads it without, but the standard does not promise that, and
 * with the colon an offset alone, `+0000`, is no date rather than the year 2000), or a number, read as epoch
 * milliseconds.
 */
export function parseBlueworksDate(value: unknown): string | undefined {
  if (typeof value === 'number') return isoOf(new Date(value));
  return typeof value === 'string' ? parseIsoDate(value.trim().replace(OFFSET_WITHOUT_COLON, '$1:$2')) : undefined;
}

/** Unix time in seconds (Onedata's `1576152793`), fractions and negatives included; anything but a number is no date. */
export function fromEpochSeconds(value: unknown): string | undefined {
  return typeof value === 'number' ? isoOf(new Date(value * 1000)) : undefined;
}
