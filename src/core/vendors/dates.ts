/** Vendor dates as the model keeps them: ISO 8601 strings in UTC. */

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
