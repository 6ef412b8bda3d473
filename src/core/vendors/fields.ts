/**
 * How vendor JSON is read: the whole answer against its schema (`parseWith`), each field on its own
 * (`lenient` and the readers built on it), and lists row by row (`rows`), counting what could not be read.
 */
import * as z from 'zod/mini';
import { SpacesError } from '../errors';

/** Parses `data` with `schema`, turning a mismatch into one readable badResponse sentence. */
export function parseWith<T>(schema: z.ZodMiniType<T>, data: unknown, vendorName: string, what: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
  throw new SpacesError('badResponse', `${vendorName} answered ${what} in an unexpected shape${where}: ${issue?.message ?? 'invalid'}.`);
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
