// Which of a group's rows a table shows, and in which order: the filter's words and the sorted column. The
// panel's page draws them (webview/tableRows.ts) and the extension exports them (panel/exportTable.ts), so a
// table exported under a filter and a sort holds the rows the reader sees, in their order.
import type { Group, GroupItem, ValueKind } from './model';
import { filterWords, holdsEvery } from './wordMatch';

/** The column a table is sorted by: `LABEL_KEY` for the first column, else a column's key. */
export interface TableSort {
  readonly key: string;
  readonly descending: boolean;
}

/** The sort key of the first column (the items' labels), which no vendor column uses. */
export const LABEL_KEY = '';

/** A table's filter is at most this long (its input stops there): what is saved and sent stays small. */
export const MAX_FILTER_CHARS = 1000;

/** What decides a table's rows: its filter text and its sort (none: the vendor's order). */
export interface TableView {
  readonly filter: string;
  readonly sort?: TableSort;
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

/**
 * The rows of `group` under `view`, as indices into its items in the order shown. `texts` are the items'
 * `searchText`s where the caller keeps them (the page filters on every keystroke); made here otherwise.
 */
export function shownRows(group: Group, view: TableView, locale?: string, texts: readonly string[] = group.items.map(searchText)): number[] {
  const matching = matchingRows(texts, view.filter);
  const { sort } = view;
  if (!sort) return matching;
  const kind = group.columns.find((c) => c.key === sort.key)?.kind ?? 'text';
  return sortRows(group.items, matching, sort, kind, locale);
}
