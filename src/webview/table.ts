// A group as a table. Long groups (Blueworks' thousands of artifacts) get a filter box and windowed
// rendering: rows have a fixed height inside a scroller, and only the rows in view (plus a buffer) exist
// in the DOM, between two spacer rows that keep the scrollbar honest.
import type { Column, Group, GroupItem, ValueKind } from '../core/model';
import type { PanelStrings } from '../panel/protocol';
import { barCell, chartMax } from './chart';
import { el, fill, icon, replaceKeepingFocus, type Child } from './dom';
import { booleanMark, valueNode, type ValueContext } from './values';

/** Groups longer than this are windowed. */
export const WINDOW_MIN_ROWS = 100;
/** Groups longer than this get a filter box. */
export const FILTER_MIN_ROWS = 10;
const BUFFER_ROWS = 15;
/** Until a row is measured; the CSS sets the real height for windowed rows. */
const DEFAULT_ROW_HEIGHT = 26;

export interface TableContext extends ValueContext {
  readonly strings: PanelStrings;
  openSubspace(spaceId: string): void;
  /** Called after a table's memory changed (filter, sort, scroll), so the page can save it. */
  remember(): void;
}

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
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const rows: number[] = [];
  texts.forEach((text, index) => {
    if (words.every((word) => text.includes(word))) rows.push(index);
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

let tableCount = 0;

export function groupTable(group: Group, context: TableContext, memory: TableMemory): HTMLElement {
  const id = `group-${++tableCount}`;
  const { strings } = context;
  const windowed = group.items.length > WINDOW_MIN_ROWS;
  /** All the group's items: more than it holds in a cached copy kept short. */
  const total = group.itemCount ?? group.items.length;
  const max = chartMax(group);
  // Without columns, the items' descriptions are the second column.
  const showDescription = group.columns.length === 0 && group.items.some((item) => item.description);
  const columnCount = 1 + group.columns.length + (showDescription ? 1 : 0);

  const cells = (item: GroupItem): Node[] => [
    el('th', { attrs: { scope: 'row' }, className: 'label-cell' }, labelNode(item, context)),
    ...(showDescription ? [el('td', {}, item.description ?? '')] : []),
    ...group.columns.map((column) => {
      const td = el('td', { className: cellClass(column, group) }, cellNode(item, column, group, max, context));
      // Windowed rows cut long text with an ellipsis: the whole text stays on hover.
      if (windowed && column.kind !== 'boolean' && td.textContent) td.setAttribute('title', td.textContent);
      return td;
    }),
  ];

  // Headers sort their column (with two rows or more): a button each, its state in `aria-sort`.
  const sortable = group.items.length > 1;
  const headers = new Map<string, HTMLTableCellElement>();
  const header = (key: string, label: string, className: string): HTMLTableCellElement => {
    const th = el('th', { attrs: { scope: 'col' }, className });
    if (!sortable) {
      th.append(label);
      return th;
    }
    const button = el('button', { className: 'sort', attrs: { type: 'button', title: fill(strings.sortBy, label) } }, el('span', {}, label), icon('arrow-up', 'sort-mark'));
    button.dataset.focusKey = `sort:${group.id}:${key}`;
    button.addEventListener('click', () => {
      memory.sort = nextSort(memory.sort, key);
      showSort();
      applyFilter();
      context.remember();
    });
    th.append(button);
    headers.set(key, th);
    return th;
  };
  const showSort = (): void => {
    for (const [key, th] of headers) {
      const state = memory.sort?.key === key ? (memory.sort.descending ? 'descending' : 'ascending') : 'none';
      th.setAttribute('aria-sort', state);
    }
  };
  const kindOf = (key: string): ValueKind => group.columns.find((c) => c.key === key)?.kind ?? 'text';

  const tbody = el('tbody');
  const table = el(
    'table',
    // aria-rowcount is set by applyFilter: the rows shown, plus the header row.
    { className: windowed ? 'windowed' : '', attrs: { 'aria-labelledby': `${id}-title` } },
    el(
      'thead',
      {},
      el(
        'tr',
        { attrs: { 'aria-rowindex': 1 } },
        header(LABEL_KEY, strings.labelColumn[group.kind], 'label-cell'),
        showDescription ? el('th', { attrs: { scope: 'col' } }) : null,
        ...group.columns.map((column) => header(column.key, column.label, cellClass(column, group))),
      ),
    ),
    tbody,
  );
  showSort();
  table.style.setProperty('--columns', String(columnCount));
  const scroller = el('div', { className: windowed ? 'table-scroll windowed' : 'table-scroll', attrs: { tabindex: 0, role: 'region', 'aria-labelledby': `${id}-title` } }, table);
  // A refresh redraws the page: the region keeps focus through it.
  scroller.dataset.focusKey = `scroll:${group.id}`;
  const noMatches = el('p', { className: 'no-matches' }, strings.noMatches);
  noMatches.hidden = true;
  const shown = el('span', { className: 'shown', attrs: { 'aria-live': 'polite' } });

  const texts = group.items.map(searchText);
  let rows = group.items.map((_, index) => index);
  let rowHeight = DEFAULT_ROW_HEIGHT;
  let drawn = { start: -1, end: -1 };

  /** Row `index` of the items, drawn at `position` among the rows shown (after the header, row 1). */
  const row = (index: number, position: number): HTMLTableRowElement => {
    const item = group.items[index]!;
    const tr = el('tr', { attrs: { 'aria-rowindex': position + 2 } }, ...cells(item));
    // Keys for the row's links and buttons, so a redraw (scrolling a windowed table) keeps keyboard focus.
    tr.querySelectorAll<HTMLElement>('a, button').forEach((control, n) => (control.dataset.focusKey = `${group.id}:${item.id}:${n}`));
    return tr;
  };
  const spacer = (height: number): HTMLTableRowElement => {
    const cell = el('td', { attrs: { colspan: columnCount } });
    const tr = el('tr', { className: 'spacer', attrs: { 'aria-hidden': 'true' } }, cell);
    tr.style.height = `${height}px`;
    return tr;
  };

  const draw = (force = false): void => {
    if (!windowed) {
      replaceKeepingFocus(tbody, rows.map((index, position) => row(index, position)), scroller);
      return;
    }
    const head = table.tHead?.getBoundingClientRect().height ?? 0;
    const range = visibleRange(scroller.scrollTop - head, scroller.clientHeight, rowHeight, rows.length);
    if (!force && range.start === drawn.start && range.end === drawn.end) return;
    drawn = range;
    // A focused row scrolled out of the window hands focus to the scroller, so the keys still scroll the table.
    replaceKeepingFocus(tbody, [spacer(range.start * rowHeight), ...rows.slice(range.start, range.end).map((index, n) => row(index, range.start + n)), spacer((rows.length - range.end) * rowHeight)], scroller);
    // The CSS fixes the height; measure once so the spacers match it at any font size.
    const measured = tbody.rows[1]?.getBoundingClientRect().height;
    if (measured && Math.abs(measured - rowHeight) > 0.5 && range.end > range.start) {
      rowHeight = measured;
      draw(true);
    }
  };

  const applyFilter = (): void => {
    const matching = matchingRows(texts, memory.filter);
    rows = memory.sort ? sortRows(group.items, matching, memory.sort, kindOf(memory.sort.key), context.locale) : matching;
    shown.textContent = fill(strings.rowsShown, rows.length.toLocaleString(context.locale), total.toLocaleString(context.locale));
    table.setAttribute('aria-rowcount', String(rows.length + 1));
    noMatches.hidden = rows.length > 0;
    scroller.hidden = rows.length === 0;
    draw(true);
  };

  let filterBox: HTMLElement | null = null;
  if (total > FILTER_MIN_ROWS) {
    const input = el('input', {
      className: 'filter',
      attrs: { type: 'search', placeholder: strings.filter, 'aria-label': fill(strings.filterLabel, group.label), spellcheck: 'false', autocomplete: 'off' },
    });
    input.value = memory.filter;
    input.dataset.focusKey = `filter:${group.id}`;
    let timer: ReturnType<typeof setTimeout> | undefined;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        memory.filter = input.value;
        memory.scrollTop = 0;
        scroller.scrollTop = 0;
        applyFilter();
        context.remember();
      }, 80);
    });
    filterBox = el('div', { className: 'filter-box' }, icon('filter'), input, shown);
  }

  if (windowed) {
    let pending = false;
    scroller.addEventListener('scroll', () => {
      // A cached copy cut short caps the scroll: where the reader was is kept for the whole table.
      if (total === group.items.length) {
        memory.scrollTop = scroller.scrollTop;
        context.remember();
      }
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        draw();
      });
    });
    const resized = new ResizeObserver(() => {
      // A refresh replaces the table: let the old one go.
      if (scroller.isConnected) draw();
      else if (drawn.end >= 0) resized.disconnect();
    });
    resized.observe(scroller);
  }

  const section = el(
    'section',
    { className: `group group-${group.kind}`, attrs: { 'aria-labelledby': `${id}-title` } },
    el(
      'div',
      { className: 'group-header' },
      el('h2', { attrs: { id: `${id}-title` } }, group.label, ' ', el('span', { className: 'count' }, total.toLocaleString(context.locale))),
      group.total ? el('span', { className: 'group-total' }, `${group.total.label}: `, el('strong', {}, valueNode(group.total.value, group.total.kind, context))) : null,
      filterBox,
    ),
    group.unreadable ? el('p', { className: 'unreadable', attrs: { role: 'note' } }, fill(strings.unreadableRows, group.unreadable.toLocaleString(context.locale))) : null,
    group.items.length === 0 ? el('p', { className: 'empty' }, strings.empty) : null,
    group.items.length === 0 ? null : scroller,
    noMatches,
  );
  if (group.items.length > 0) applyFilter();
  if (windowed) {
    // After layout: the scroller must be in the document to have a height and to take the old position.
    requestAnimationFrame(() => {
      scroller.scrollTop = memory.scrollTop;
      draw(true);
    });
  }
  return section;
}

/** The row's label; a subspace's label opens its own panel. */
function labelNode(item: GroupItem, context: TableContext): Child {
  if (item.spaceId === undefined) return el('span', { className: 'text', attrs: { dir: 'auto', title: item.label } }, item.label);
  const spaceId = item.spaceId;
  const link = el('button', { className: 'link', attrs: { type: 'button', title: fill(context.strings.openSubspace, item.label) } }, icon('folder-library'), el('span', { attrs: { dir: 'auto' } }, item.label));
  link.addEventListener('click', () => context.openSubspace(spaceId));
  return link;
}

function cellNode(item: GroupItem, column: Column, group: Group, max: number, context: TableContext): Node {
  const value = item.values[column.key] ?? null;
  if (column.kind === 'boolean') return booleanMark(value, context);
  const node = valueNode(value, column.kind, context);
  return group.chart?.valueKey === column.key ? barCell(value, max, node) : node;
}

/** Alignment (and, in windowed tables, width) by what the column holds. */
function cellClass(column: Column, group: Group): string {
  if (group.chart?.valueKey === column.key) return 'chart';
  if (column.kind === 'boolean') return 'center';
  if (column.kind === 'date') return 'date';
  return column.kind === 'bytes' || column.kind === 'count' || column.kind === 'duration' ? 'number' : '';
}
