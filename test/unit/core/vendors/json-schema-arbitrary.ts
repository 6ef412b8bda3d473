// fast-check arbitraries from JSON Schema (the subset the vendors' documented responses use), the
// mutations a vendor's answer may go through (types changed, fields dropped, nulls, extra keys, huge
// strings, `__proto__` keys), and which documented fields an answer broke.
import fc from 'fast-check';

export interface JsonSchema {
  readonly type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null' | readonly ('string' | 'integer' | 'number' | 'boolean' | 'null' | 'object' | 'array')[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: JsonSchema;
  readonly items?: JsonSchema;
  readonly enum?: readonly (string | number | boolean | null)[];
  /** `unix-time`: a number of seconds since 1970 (this test's name for Onedata's `creationTime`). */
  readonly format?: 'date-time' | 'date' | 'unix-time' | 'email' | 'uuid';
  readonly minimum?: number;
  readonly minLength?: number;
  readonly maxItems?: number;
}

const text = fc.string({ unit: 'grapheme', maxLength: 24 });
const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true });

/** Values valid under `schema`. */
export function arbitraryFrom(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'object'];
  return fc.oneof(...types.map((type) => single(schema, type as Exclude<JsonSchema['type'], readonly unknown[] | undefined>)));
}

function single(schema: JsonSchema, type: Exclude<JsonSchema['type'], readonly unknown[] | undefined>): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: 2 ** 40 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: schema.minimum ?? -1e12, max: 1e12 });
    case 'string':
      switch (schema.format) {
        case 'date-time':
          return isoDate.map((d) => d.toISOString());
        case 'date':
          return isoDate.map((d) => d.toISOString().slice(0, 10));
        case 'email':
          return fc.emailAddress();
        case 'uuid':
          return fc.uuid();
        default:
          return schema.minLength ? fc.string({ unit: 'grapheme', minLength: schema.minLength, maxLength: 24 }) : text;
      }
    case 'array':
      return fc.array(arbitraryFrom(schema.items ?? {}), { maxLength: schema.maxItems ?? 6 });
    case 'object':
    default: {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, arbitraryFrom(value)]));
      const record = fc.record(properties, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
      if (!schema.additionalProperties) return record;
      return fc.tuple(record, fc.dictionary(fc.string({ minLength: 1, maxLength: 40 }), arbitraryFrom(schema.additionalProperties), { maxKeys: 6 })).map(([known, extra]) => ({ ...extra, ...known }));
    }
  }
}

export type Mutation =
  | { readonly kind: 'retype'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'drop' | 'null' | 'huge'; readonly at: number }
  | { readonly kind: 'extra' | 'proto'; readonly at: number; readonly key: string; readonly value: unknown };

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('retype' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constantFrom('drop' as const, 'null' as const, 'huge' as const), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('extra' as const, 'proto' as const), at: fc.nat(), key: fc.string({ maxLength: 12 }), value: fc.jsonValue({ maxDepth: 2 }) }),
);

type Container = Record<string, unknown> | unknown[];

/** Every place in `value` where a mutation can land: a container and one of its keys. */
function places(value: unknown): { parent: Container; key: string | number }[] {
  const found: { parent: Container; key: string | number }[] = [];
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      found.push({ parent: node as Container, key: Array.isArray(node) ? Number(key) : key });
      visit(child);
    }
  };
  visit(value);
  return found;
}

function containers(value: unknown): Container[] {
  const found: Container[] = [];
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    found.push(node as Container);
    for (const child of Object.values(node)) visit(child);
  };
  visit(value);
  return found;
}

/** A deep copy of `value` with `mutations` applied, each at a place picked by its `at`. */
export function mutate(value: unknown, mutations: readonly Mutation[]): unknown {
  const copy: unknown = structuredClone(value);
  for (const mutation of mutations) {
    if (mutation.kind === 'extra' || mutation.kind === 'proto') {
      const objects = containers(copy).filter((c): c is Record<string, unknown> => !Array.isArray(c));
      const target = objects[mutation.at % Math.max(1, objects.length)];
      if (!target) continue;
      // An own property, as JSON.parse makes it: `target.__proto__ = …` would set the prototype instead.
      const key = mutation.kind === 'proto' ? '__proto__' : mutation.key;
      Object.defineProperty(target, key, { value: mutation.value, enumerable: true, configurable: true, writable: true });
      continue;
    }
    const spots = places(copy);
    const spot = spots[mutation.at % Math.max(1, spots.length)];
    if (!spot) continue;
    const { parent, key } = spot;
    const set = (v: unknown) => ((parent as Record<string | number, unknown>)[key] = v);
    if (mutation.kind === 'drop') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
    } else if (mutation.kind === 'null') set(null);
    else if (mutation.kind === 'huge') set('x'.repeat(100_000));
    else if (mutation.kind === 'retype') set(mutation.value);
  }
  return copy;
}

/** A documented field an answer broke: sent but not readable, or required and not sent. */
export interface BrokenField {
  readonly field: string;
  readonly kind: 'unreadable' | 'missing';
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const typesOf = (schema: JsonSchema): readonly string[] => (typeof schema.type === 'object' ? schema.type : [schema.type ?? 'object']);
const DATE_FORMATS: ReadonlySet<JsonSchema['format']> = new Set(['date-time', 'date', 'unix-time']);

/**
 * The fields of `value` (an object documented by `schema`) that a reader must report: each required one not
 * sent (or null where null is not allowed) as missing, each sent one it cannot read as unreadable; the fields of
 * a nested object by their path (`workspace.name`). Rows (the items of a list of objects, the entries of a map)
 * are no fields: their group counts the ones it cannot read.
 *
 * What can be read is what the documentation allows, with the leniency the readers promise: null for an
 * optional field is as good as leaving it out; a string enum takes any string (a vendor's new state is shown as
 * sent); numbers need not be whole or in range; an e-mail address or uuid is any string; a 0/1 flag may be a
 * boolean; and a date is what the vendor's date reader reads (`readsDate`).
 */
export function brokenFields(schema: JsonSchema, value: unknown, readsDate: (value: unknown) => boolean, prefix = ''): BrokenField[] {
  if (!isObject(value)) return [];
  const broken: BrokenField[] = [];
  for (const [key, field] of Object.entries(schema.properties ?? {})) {
    const name = `${prefix}${key}`;
    const sent = Object.hasOwn(value, key) ? value[key] : undefined;
    if (sent === undefined || (sent === null && !typesOf(field).includes('null'))) {
      if (schema.required?.includes(key)) broken.push({ field: name, kind: 'missing' });
    } else if (sent !== null && !readable(field, sent, readsDate)) broken.push({ field: name, kind: 'unreadable' });
    else if (field.properties && isObject(sent)) broken.push(...brokenFields(field, sent, readsDate, `${name}.`));
  }
  return broken;
}

/** Whether a reader can read `value` (not null) as `schema` documents it, with the readers' leniency (see `brokenFields`). */
function readable(schema: JsonSchema, value: unknown, readsDate: (value: unknown) => boolean): boolean {
  if (DATE_FORMATS.has(schema.format)) return readsDate(value);
  if (schema.enum) {
    if (schema.enum.every((option) => typeof option === 'string')) return typeof value === 'string';
    const flag = schema.enum.length === 2 && schema.enum.includes(0) && schema.enum.includes(1);
    return schema.enum.includes(value as never) || (flag && typeof value === 'boolean');
  }
  return typesOf(schema).some((type) => {
    switch (type) {
      case 'string':
        return typeof value === 'string';
      case 'integer':
      case 'number':
        return typeof value === 'number';
      case 'boolean':
        return typeof value === 'boolean';
      case 'array': {
        if (!Array.isArray(value)) return false;
        const items = schema.items ?? {};
        // A list of objects is rows; a list of strings is one field, read whole.
        return typesOf(items).includes('object') || value.every((item) => readable(items, item, readsDate));
      }
      case 'object':
        return isObject(value);
      default:
        return false;
    }
  });
}
