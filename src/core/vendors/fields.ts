/**
 * How vendor JSON is read: the whole answer against its schema (`parseWith`), each field on its own
 * (`lenient` and the readers built on it), and lists row by row (`rows`), counting what could not be read;
 * and which documented fields an answer broke (`fieldProblems`), so that a space shown despite them says so.
 */
import * as z from 'zod/mini';
import * as l10n from '@vscode/l10n';
import { SpacesError } from '../errors';
import { isRecord } from '../json';
import type { FieldProblem } from '../model';
import { parseIsoDate } from './dates';

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

/** An object's fields, each with its reader: what `z.looseObject` takes. */
export type Fields = Readonly<Record<string, z.ZodMiniType>>;

/**
 * What `fieldProblems` asks of a field's reader, where whether it read anything does not say whether the value
 * could be read: a date read as text, a list read in part, a nested object read field by field.
 */
interface FieldCheck {
  readonly readable?: (value: unknown) => boolean;
  readonly fields?: Fields;
}

const CHECKS = new WeakMap<z.ZodMiniType, FieldCheck>();

/** `schema`, whose values `fieldProblems` counts as read only when `readable` says so. */
export function readableWhen<S extends z.ZodMiniType>(schema: S, readable: (value: unknown) => boolean): S {
  CHECKS.set(schema, { readable });
  return schema;
}

export const lenientText = lenient(z.string());
export const lenientNumber = lenient(z.number());
export const lenientBoolean = lenient(z.boolean());
/** ISO 8601 text (see `parseIsoDate`), kept as sent: text that is no date is absent from the space, and reported. */
export const lenientIsoDate = readableWhen(lenient(z.string()), (value) => parseIsoDate(value) !== undefined);
/** A list of strings: the strings in it (anything else left out, and the field reported), or absent when it is no list. */
export const lenientTexts = readableWhen(
  z.pipe(
    lenient(z.array(z.unknown())),
    z.transform((list) => list?.filter((item): item is string => typeof item === 'string')),
  ),
  (value) => Array.isArray(value) && value.every((item) => typeof item === 'string'),
);
/** A JSON object, kept as sent to be read key by key, or absent when it is none. */
export const lenientRecord = lenient(z.custom<Readonly<Record<string, unknown>>>(isRecord));

/** A nested object read field by field (see `lenient`), or absent when it is none; `fieldProblems` names its fields by their path. */
export function lenientObject<F extends Fields>(fields: F) {
  const schema = lenient(z.looseObject(fields));
  CHECKS.set(schema, { readable: isRecord, fields });
  return schema;
}

/** What a vendor's documentation says of the fields of an answer: which it requires, and which of those may be null. */
export interface Documented {
  readonly required?: readonly string[];
  readonly nullable?: readonly string[];
}

/**
 * The documented fields (`fields`, each with its reader) that `answer`, the object as sent, broke: each sent
 * but not readable, and each `required` one not sent or null (unless `nullable`). Once each, nested objects'
 * fields by their path (`workspace.name`). Null for an optional field is as good as leaving it out, and rows are
 * no fields: a group counts the rows it could not read (see `rows`).
 */
export function fieldProblems(fields: Fields, answer: unknown, documented: Documented = {}, prefix = ''): FieldProblem[] {
  if (!isRecord(answer)) return [];
  const problems: FieldProblem[] = [];
  for (const [key, reader] of Object.entries(fields)) {
    const field = `${prefix}${key}`;
    const value = Object.hasOwn(answer, key) ? answer[key] : undefined;
    const check = CHECKS.get(reader);
    if (value === undefined || value === null) {
      const allowed = value === null && documented.nullable?.includes(key);
      if (!allowed && documented.required?.includes(key)) problems.push({ field, kind: 'missing' });
    } else if (!(check?.readable ? check.readable(value) : reader.safeParse(value).data !== undefined)) problems.push({ field, kind: 'unreadable' });
    else if (check?.fields) problems.push(...fieldProblems(check.fields, value, {}, `${field}.`));
  }
  return problems;
}

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

/** A list of rows, each read with `item` (see `readRows`). Absent when it is no list (and then reported by `fieldProblems`). */
export function rows<S extends z.ZodMiniType>(item: S) {
  const schema = z.pipe(
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
  return readableWhen(schema, Array.isArray);
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
