/**
 * How vendor JSON is read: the whole answer against its schema (`parseWith`), each field on its own
 * (`lenient` and the readers built on it), and lists row by row (`rows`), counting what could not be read.
 */
import * as z from 'zod/mini';
import * as l10n from '@vscode/l10n';
import { SpacesError } from '../errors';
import { isRecord } from '../json';

/** Parses `data` with `schema`, turning a mismatch into one readable badResponse sentence. `what`: the request, translated. */
export function parseWith<T>(schema: z.ZodMiniType<T>, data: unknown, vendorName: string, what: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // zod's own words for the mismatch stay as they are: they name the schema, not the user's situation.
  const why = issue?.message ?? 'invalid';
  const message = issue?.path.length
    ? l10n.t('{0} answered {1} in an unexpected shape at "{2}": {3}.', vendorName, what, issue.path.join('.'), why)
    : l10n.t('{0} answered {1} in an unexpected shape: {2}.', vendorName, what, why);
  throw new SpacesError('badResponse', message);
}

/** Where in the JSON a mismatch is (` at "users.0.name"`), for the log; nothing at the top. */
function at(path: readonly PropertyKey[] | undefined): string {
  return path?.length ? ` at "${path.join('.')}"` : '';
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
/** A JSON object, kept as sent to be read key by key, or absent when it is none. */
export const lenientRecord = lenient(z.custom<Readonly<Record<string, unknown>>>(isRecord));

/** The rows of a group, read one by one: the readable ones, and how many were not (with why, for the log). */
export interface Rows<T> {
  readonly items: readonly T[];
  readonly unreadable: number;
  readonly reasons: readonly string[];
}

/** How many reasons a group keeps for the log: the first few say what is wrong with the rest. */
const MAX_REASONS = 3;

/**
 * Rows read one by one: `read` gives each entry's row or, where it cannot, why. An unreadable entry is left
 * out and counted, never the whole group.
 */
export function readRows<T, R>(entries: Iterable<T>, read: (entry: T, index: number) => { readonly row: R } | { readonly reason: string }): Rows<R> {
  const items: R[] = [];
  const reasons: string[] = [];
  let unreadable = 0;
  let index = 0;
  for (const entry of entries) {
    const result = read(entry, index++);
    if ('row' in result) items.push(result.row);
    else if (++unreadable <= MAX_REASONS) reasons.push(result.reason);
  }
  return { items, unreadable, reasons };
}

/** A list of rows, each read with `item` (see `readRows`). Absent when it is no list. */
export function rows<S extends z.ZodMiniType>(item: S) {
  return z.pipe(
    lenient(z.array(z.unknown())),
    z.transform((list): Rows<z.infer<S>> | undefined =>
      list
        ? readRows<unknown, z.infer<S>>(list, (row, index) => {
            const parsed = item.safeParse(row);
            if (parsed.success) return { row: parsed.data };
            const issue = parsed.error.issues[0];
            return { reason: `row ${index + 1}${at(issue?.path)}: ${issue?.message ?? 'unreadable'}` };
          })
        : undefined,
    ),
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
