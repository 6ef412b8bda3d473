// The panel page's saved state, defined once for both sides: the page reads it back after it is recreated,
// and the extension's serializer reads it to restore a panel after a window reload. VS Code keeps it with
// the window, across versions of this extension, so a cached space of an older (or damaged) shape must not
// reach the renderer: it would throw halfway through a redraw. Such a space is dropped (the page shows
// Loading until fresh data); the identity and the reading position are kept when they are sound.
// Pure: no DOM, no `vscode`.
import type { Column, Fact, Group, GroupItem, GroupKind, Status, Tone, ValueKind } from '../core/model';
import { isVendorId } from '../core/vendors/catalog';
import { isRecord } from '../core/json';
import { MAX_FILTER_CHARS } from '../core/tableOrder';
import type { PanelIdentity, PanelSpace } from './protocol';

/**
 * The page's saved state: the identity, the last space it showed (the cached copy after a reload) and
 * how it was being read, so hiding and showing the panel (which recreates the page) loses neither.
 */
export interface PanelState extends PanelIdentity {
  readonly space?: PanelSpace;
  readonly view?: PanelViewMemory;
}

/** Where the reader was: the page's scroll, and each table that is not as first drawn. */
export interface PanelViewMemory {
  readonly scrollY: number;
  readonly tables: readonly SavedTable[];
}

/** A table's filter, sort and scroll, by its group's id. */
export interface SavedTable {
  readonly group: string;
  readonly filter: string;
  readonly scrollTop: number;
  readonly sort?: { readonly key: string; readonly descending: boolean };
}

type Check = (value: unknown) => boolean;

/** At most this many tables are remembered (filters are cut to `MAX_FILTER_CHARS`): the state stays small. */
export const MAX_TABLES = 100;

// Records over each union, so the compiler notices when the model gains a kind.
const TONES: Readonly<Record<Tone, true>> = { ok: true, warn: true, error: true, neutral: true };
const VALUE_KINDS: Readonly<Record<ValueKind, true>> = { text: true, date: true, bytes: true, count: true, boolean: true, email: true, url: true, duration: true };
const GROUP_KINDS: Readonly<Record<GroupKind, true>> = {
  members: true,
  providers: true,
  subspaces: true,
  goals: true,
  artifacts: true,
  conversations: true,
  usage: true,
  permissions: true,
  other: true,
};

const isString: Check = (value) => typeof value === 'string';
const isBoolean: Check = (value) => typeof value === 'boolean';
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const oneOf =
  (names: Readonly<Record<string, true>>): Check =>
  (value) =>
    typeof value === 'string' && Object.hasOwn(names, value);
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);
const arrayOf =
  (check: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(check);
/**
 * An object with at least the fields of `T`, each passing its check (other fields are left alone). The
 * checks name every field of `T`, no more and no fewer, so the compiler notices when the model changes.
 */
const shape =
  <T>(fields: { readonly [K in keyof T]-?: Check }): Check =>
  (value) =>
    isRecord(value) && Object.entries<Check>(fields).every(([key, check]) => check(value[key]));

const isValue: Check = (value) => value === null || typeof value === 'string' || typeof value === 'boolean' || isFiniteNumber(value);
const isFact = shape<Fact>({ label: isString, value: isValue, kind: oneOf(VALUE_KINDS) });
const isItem = shape<GroupItem>({
  id: isString,
  label: isString,
  description: optional(isString),
  spaceId: optional(isString),
  values: (value) => isRecord(value) && Object.values(value).every(isValue),
});
const isGroup = shape<Group>({
  id: isString,
  label: isString,
  kind: oneOf(GROUP_KINDS),
  columns: arrayOf(shape<Column>({ key: isString, label: isString, kind: oneOf(VALUE_KINDS) })),
  items: arrayOf(isItem),
  chart: optional(shape<NonNullable<Group['chart']>>({ valueKey: isString, unit: oneOf({ bytes: true, count: true }) })),
  total: optional(isFact),
  itemCount: optional(isFiniteNumber),
  unreadable: optional(isFiniteNumber),
});
const isSpace = shape<PanelSpace>({
  vendor: isVendorId,
  accountId: isString,
  id: isString,
  name: isString,
  description: optional(shape<NonNullable<PanelSpace['description']>>({ text: isString, markdown: isBoolean })),
  status: optional(shape<Status>({ label: isString, tone: oneOf(TONES), detail: optional(isString) })),
  created: optional(isString),
  updated: optional(isString),
  webUrl: optional(isString),
  facts: arrayOf(isFact),
  groups: arrayOf(isGroup),
  fieldProblemsNote: optional(isString),
  fetchedAt: isFiniteNumber,
});

/** The identity (and the cached name, for the tab title) from saved state, or undefined when it is not ours. */
export function parsePanelState(state: unknown): (PanelIdentity & { readonly name?: string }) | undefined {
  const saved = readState(state);
  if (!saved) return undefined;
  const { vendor, accountId, spaceId, space } = saved;
  return { vendor, accountId, spaceId, name: space?.name };
}

/** Whether a saved space has the shape the page renders. */
export function isPanelSpace(value: unknown): value is PanelSpace {
  return isSpace(value);
}

/**
 * The saved state, or undefined when it names no space of ours. A cached space of the wrong shape is
 * dropped, and so is any part of the reading position that is not sound; the rest is kept.
 */
export function readState(raw: unknown): PanelState | undefined {
  if (!isRecord(raw)) return undefined;
  const { vendor, accountId, spaceId } = raw;
  if (!isVendorId(vendor) || typeof accountId !== 'string' || !accountId || typeof spaceId !== 'string' || !spaceId) return undefined;
  return {
    vendor,
    accountId,
    spaceId,
    space: isPanelSpace(raw.space) ? raw.space : undefined,
    view: readView(raw.view),
  };
}

function readView(raw: unknown): PanelViewMemory | undefined {
  if (!isRecord(raw)) return undefined;
  const scrollY = isFiniteNumber(raw.scrollY) && raw.scrollY > 0 ? raw.scrollY : 0;
  const tables = Array.isArray(raw.tables) ? raw.tables.slice(0, MAX_TABLES).flatMap(readTable) : [];
  return { scrollY, tables };
}

/** One remembered table, or nothing when it is not sound (the others still count). */
function readTable(raw: unknown): SavedTable[] {
  if (!isRecord(raw) || typeof raw.group !== 'string' || typeof raw.filter !== 'string') return [];
  const scrollTop = isFiniteNumber(raw.scrollTop) && raw.scrollTop > 0 ? raw.scrollTop : 0;
  const sort = raw.sort;
  const sound = isRecord(sort) && typeof sort.key === 'string' && typeof sort.descending === 'boolean';
  const table: SavedTable = { group: raw.group, filter: raw.filter.slice(0, MAX_FILTER_CHARS), scrollTop };
  return [sound ? { ...table, sort: { key: sort.key as string, descending: sort.descending as boolean } } : table];
}
