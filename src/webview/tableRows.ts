// A table's data, apart from its DOM: which rows match the filter, in which order, and which of them a
// windowed table draws for a scroll position. Pure: no DOM, so the unit tests run it in Node.
import type { Group, GroupItem, ValueKind } from '../core/model';
import { filterWords, holdsEvery } from '../core/wordMatch';

const BUFFER_ROWS = 15;
/** Until a row is measured; the CSS sets the real height for windowed rows. */
export const DEFAULT_ROW_HEIGHT = 26;

/** The column a table is sorted by: `LABEL_KEY` for the first column, else a column's key. */
export interface TableSort {
  readonly key: string;
  readonly descending: boolean;
}

/** The sort key of the first column (the items' labels), which no vendor column uses. */
export const LABEL_KEY = '';

/** What survives a re-render (a refresh): the filter text, the sort and the scroll position, per group id. */
export interface TableMemory {
  filter: string;
  scrollTop: number;
  sort?: TableSort;
}

/** The page's table memories: one per group id, and word of a change. */
export interface TableMemories {
  of(groupId: string): TableMemory;
  changed(): void;
}

/** The rows to have in the DOM for a scroll position: those in view plus `buffer` either side. */
export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, buffer = BUFFER_ROWS): { start: number; end: number } {
  if (total <= 0) return { start: 0, end: 0 };
  const height = rowHeight > 0 ? rowHeight : DEFAULT_ROW_HEIGHT;
  const first = Math.floor(Math.max(0, scrollTop) / height);
  const inView = Math.ceil(Math.max(0, viewportHeight) / height) + 1;
  return { start: clamp(first - buffer, 0, total), end: clamp(first + inView + buffer, 0, total) };
}

/** What a filter matches against: the label, the description and every value as text. */
export function searchText(item: GroupItem): string {
  return [item.label, item.description ?? '', ...Object.values(item.values).map((v) => (v === null ? '' : String(v)))].join('\u0000').toLowerCase();
}

/** Indices of the rows whose text holds every word of `query` (case-insensitive); all rows for an empty query. */
export function matchingRows(texts: readonly string[], query: string): number[] {
  const words = filterWords(query);
  const rows: number[] = [];
  texts.forEach((text, index) => {
    if (holdsEvery(text, words)) rows.push(index);
  });
  return rows;
}

/**
 * `rows` (indices into `items`) ordered by the sorted column: numbers and sizes by value, dates by time,
 * text as people read it ("blueprint 2" before "blueprint 10"). Empty values go last either way; ties keep
 * the vendor's order.
 */
export function sortRows(items: readonly GroupItem[], rows: readonly number[], sort: TableSort, kind: ValueKind, locale?: string): number[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const keyOf = (item: GroupItem): string | number | null => {
    const value = sort.key === LABEL_KEY ? item.label : (item.values[sort.key] ?? null);
    if (value === null || value === '') return null;
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (kind === 'date' && typeof value === 'string') {
      const time = Date.parse(value);
      return Number.isNaN(time) ? value : time;
    }
    return value;
  };
  const keys = new Map(rows.map((index) => [index, keyOf(items[index]!)]));
  const direction = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = keys.get(a)!;
    const y = keys.get(b)!;
    if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return order === 0 ? a - b : order * direction;
  });
}

/** A header click cycles: ascending, descending, then the vendor's order again. */
export function nextSort(current: TableSort | undefined, key: string): TableSort | undefined {
  if (current?.key !== key) return { key, descending: false };
  return current.descending ? undefined : { key, descending: true };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** A group's rows as the reader has them: filtered by `memory.filter`, sorted by `memory.sort`. */
export class TableRows {
  private readonly texts: readonly string[];
  /** Indices into the group's items, in the order shown. */
  shown: readonly number[];

  constructor(
    readonly group: Group,
    readonly memory: TableMemory,
    private readonly locale?: string,
  ) {
    this.texts = group.items.map(searchText);
    this.shown = this.compute();
  }

  /** All the group's items: more than it holds in a cached copy kept short. */
  get total(): number {
    return this.group.itemCount ?? this.group.items.length;
  }

  /** A new filter: the rows matching it, from the top. */
  filter(query: string): void {
    this.memory.filter = query;
    this.memory.scrollTop = 0;
    this.shown = this.compute();
  }

  /** A header click on column `key`: ascending, descending, then the vendor's order. */
  sortBy(key: string): void {
    this.memory.sort = nextSort(this.memory.sort, key);
    this.shown = this.compute();
  }

  private compute(): number[] {
    const matching = matchingRows(this.texts, this.memory.filter);
    const { sort } = this.memory;
    if (!sort) return matching;
    const kind = this.group.columns.find((c) => c.key === sort.key)?.kind ?? 'text';
    return sortRows(this.group.items, matching, sort, kind, this.locale);
  }
}
