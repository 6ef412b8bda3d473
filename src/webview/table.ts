// A group as a table. Long groups (Blueworks' thousands of artifacts) get a filter box and windowed
// rendering: rows have a fixed height inside a scroller, and only the rows in view (plus a buffer) exist
// in the DOM, between two spacer rows that keep the scrollbar honest.
import type { Column, Group, GroupItem } from '../core/model';
import type { PanelStrings } from '../panel/protocol';
import { barCell, chartMax } from './chart';
import { el, fill, icon, type Child } from './dom';
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
}

/** What survives a re-render (a refresh): the filter text and the scroll position, per group id. */
export interface TableMemory {
  filter: string;
  scrollTop: number;
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

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

let tableCount = 0;

export function groupTable(group: Group, context: TableContext, memory: TableMemory): HTMLElement {
  const id = `group-${++tableCount}`;
  const { strings } = context;
  const windowed = group.items.length > WINDOW_MIN_ROWS;
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

  const tbody = el('tbody');
  const table = el(
    'table',
    { className: windowed ? 'windowed' : '', attrs: { 'aria-rowcount': group.items.length + 1, 'aria-labelledby': `${id}-title` } },
    el(
      'thead',
      {},
      el(
        'tr',
        { attrs: { 'aria-rowindex': 1 } },
        el('th', { attrs: { scope: 'col' }, className: 'label-cell' }, strings.labelColumn[group.kind]),
        showDescription ? el('th', { attrs: { scope: 'col' } }) : null,
        ...group.columns.map((column) => el('th', { attrs: { scope: 'col' }, className: cellClass(column, group) }, column.label)),
      ),
    ),
    tbody,
  );
  table.style.setProperty('--columns', String(columnCount));
  const scroller = el('div', { className: windowed ? 'table-scroll windowed' : 'table-scroll', attrs: { tabindex: 0, role: 'region', 'aria-labelledby': `${id}-title` } }, table);
  const noMatches = el('p', { className: 'no-matches' }, strings.noMatches);
  noMatches.hidden = true;
  const shown = el('span', { className: 'shown', attrs: { 'aria-live': 'polite' } });

  const texts = group.items.map(searchText);
  let rows = group.items.map((_, index) => index);
  let rowHeight = DEFAULT_ROW_HEIGHT;
  let drawn = { start: -1, end: -1 };

  const row = (index: number): HTMLTableRowElement => el('tr', { attrs: { 'aria-rowindex': index + 2 } }, ...cells(group.items[index]!));
  const spacer = (height: number): HTMLTableRowElement => {
    const cell = el('td', { attrs: { colspan: columnCount } });
    const tr = el('tr', { className: 'spacer', attrs: { 'aria-hidden': 'true' } }, cell);
    tr.style.height = `${height}px`;
    return tr;
  };

  const draw = (force = false): void => {
    if (!windowed) {
      tbody.replaceChildren(...rows.map(row));
      return;
    }
    const head = table.tHead?.getBoundingClientRect().height ?? 0;
    const range = visibleRange(scroller.scrollTop - head, scroller.clientHeight, rowHeight, rows.length);
    if (!force && range.start === drawn.start && range.end === drawn.end) return;
    drawn = range;
    tbody.replaceChildren(spacer(range.start * rowHeight), ...rows.slice(range.start, range.end).map(row), spacer((rows.length - range.end) * rowHeight));
    // The CSS fixes the height; measure once so the spacers match it at any font size.
    const measured = tbody.rows[1]?.getBoundingClientRect().height;
    if (measured && Math.abs(measured - rowHeight) > 0.5 && range.end > range.start) {
      rowHeight = measured;
      draw(true);
    }
  };

  const applyFilter = (): void => {
    rows = matchingRows(texts, memory.filter);
    shown.textContent = fill(strings.rowsShown, rows.length.toLocaleString(context.locale), group.items.length.toLocaleString(context.locale));
    noMatches.hidden = rows.length > 0;
    scroller.hidden = rows.length === 0;
    draw(true);
  };

  let filterBox: HTMLElement | null = null;
  if (group.items.length > FILTER_MIN_ROWS) {
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
        scroller.scrollTop = 0;
        applyFilter();
      }, 80);
    });
    filterBox = el('div', { className: 'filter-box' }, icon('filter'), input, shown);
  }

  if (windowed) {
    let pending = false;
    scroller.addEventListener('scroll', () => {
      memory.scrollTop = scroller.scrollTop;
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
      el('h2', { attrs: { id: `${id}-title` } }, group.label, ' ', el('span', { className: 'count' }, group.items.length.toLocaleString(context.locale))),
      group.total ? el('span', { className: 'group-total' }, `${group.total.label}: `, el('strong', {}, valueNode(group.total.value, group.total.kind, context))) : null,
      filterBox,
    ),
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
