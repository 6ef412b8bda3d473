// A panel table as the rows of an export: the columns the table shows, the rows its filter and sort give
// (core/tableOrder.ts). A CSV is for spreadsheets, so it holds the values themselves (ISO 8601 dates, exact
// byte counts, true/false); Markdown is for reading, so it holds them as the panel shows them.
import type { Cell, ExportTable } from './export';
import { formatValue } from './format';
import type { Group, GroupItem, Value, ValueKind } from './model';

export type TableFormat = 'csv' | 'markdown';

/** The words a table's export needs from the display language. */
export interface TableWords {
  /** The first column's header (the items' labels), as the panel names it for the group's kind. */
  readonly label: string;
  readonly description: string;
  readonly locale: string;
  readonly yes: string;
  readonly no: string;
}

/** Without columns, a group's items' descriptions are its table's second column (when any item has one). */
export function showsDescription(group: Group): boolean {
  return group.columns.length === 0 && group.items.some((item) => item.description);
}

/** Rows `rows` (indices into the group's items, in order) of `group`, with its headers, for `format`. */
export function tableForExport(group: Group, rows: readonly number[], format: TableFormat, words: TableWords): ExportTable {
  const description = showsDescription(group);
  const headers = [words.label, ...(description ? [words.description] : []), ...group.columns.map((column) => column.label)];
  const cell = format === 'csv' ? dataCell : (value: Value, kind: ValueKind) => shownCell(value, kind, words);
  const cells = (item: GroupItem): Cell[] => [item.label, ...(description ? [item.description ?? null] : []), ...group.columns.map((column) => cell(item.values[column.key] ?? null, column.kind))];
  return { headers, rows: rows.map((index) => cells(group.items[index]!)) };
}

/** The value itself: a number stays a number, a boolean is `true` or `false`, a date its ISO 8601 text. */
function dataCell(value: Value): Cell {
  return typeof value === 'boolean' ? String(value) : value;
}

/** The value as the panel shows it (dates in the display language, sizes in units, booleans as words). */
function shownCell(value: Value, kind: ValueKind, words: TableWords): Cell {
  return value === null ? null : formatValue(value, kind, words);
}
