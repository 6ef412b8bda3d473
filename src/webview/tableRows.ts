// A table's data, apart from its DOM: the rows its filter and sort give (core/tableOrder.ts, shared with the
// export), kept in its memory, and which of them a windowed table draws for a scroll position. Pure: no DOM,
// so the unit tests run it in Node.
import type { Group } from '../core/model';
import { nextSort, searchText, shownRows, type TableSort } from '../core/tableOrder';

const BUFFER_ROWS = 15;
/** Until a row is measured; the CSS sets the real height for windowed rows. */
export const DEFAULT_ROW_HEIGHT = 26;

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
    return shownRows(this.group, this.memory, this.locale, this.texts);
  }
}
