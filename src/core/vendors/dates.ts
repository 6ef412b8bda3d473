/** Vendor dates as the model keeps them: ISO 8601 strings in UTC. */

/**
 * An ISO 8601 string in UTC, or undefined. Accepts ISO strings and epoch numbers in `unit`. (Blueworks'
 * `+0000` offsets, which ECMAScript's date format does not allow, are mended in blueworks.ts.)
 */
export function toIsoDate(value: unknown, unit: 'ms' | 's' = 'ms'): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  let date: Date;
  if (typeof value === 'number') date = new Date(unit === 's' ? value * 1000 : value);
  else if (typeof value === 'string') date = new Date(value.trim());
  else return undefined;
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
