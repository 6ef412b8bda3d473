// A group as a table (its DOM; which rows, in which order, is tableRows.ts). Long groups (Blueworks' thousands of artifacts) get a filter box and windowed
// rendering: rows have a fixed height inside a scroller, and only the rows in view (plus a buffer) exist
// in the DOM, between two spacer rows that keep the scrollbar honest.
import type { Column, Group, GroupItem } from '../core/model';
import { showsDescription } from '../core/tableExport';
import { LABEL_KEY, MAX_FILTER_CHARS, type TableView } from '../core/tableOrder';
import type { PanelStrings, TableExport } from '../panel/protocol';
import { barCell, chartMax } from './chart';
import { button, el, fill, icon, replaceKeepingFocus, type Child } from './dom';
import { DEFAULT_ROW_HEIGHT, TableRows, visibleRange, type TableMemory } from './tableRows';
import { booleanMark, valueNode, type ValueContext } from './values';

/** Groups longer than this are windowed. */
const WINDOW_MIN_ROWS = 100;
/** Groups longer than this get a filter box. */
const FILTER_MIN_ROWS = 10;

export interface TableContext extends ValueContext {
  readonly strings: PanelStrings;
  openSubspace(spaceId: string): void;
  /** Copy or save the rows the table shows (the extension builds the text from its own copy of the space). */
  exportTable(groupId: string, action: TableExport, view: TableView): void;
  /** Called after a table's memory changed (filter, sort, scroll), so the page can save it. */
  remember(): void;
}

let tableCount = 0;

/** A group as a `<section>`: its heading, filter box and table. */
export function groupTable(group: Group, context: TableContext, memory: TableMemory): HTMLElement {
  return new GroupTable(group, context, memory).section;
}

/** The DOM of one group's table; which rows it shows comes from `TableRows`. */
class GroupTable {
  readonly section: HTMLElement;
  private readonly id = `group-${++tableCount}`;
  private readonly rows: TableRows;
  private readonly windowed: boolean;
  private readonly max: number;
  /** Without columns, the items' descriptions are the second column. */
  private readonly showDescription: boolean;
  private readonly columnCount: number;
  /** Sortable headers (a group of two rows or more), by column key. */
  private readonly headers = new Map<string, HTMLTableCellElement>();
  private readonly tbody = el('tbody');
  private readonly table: HTMLTableElement;
  private readonly scroller: HTMLElement;
  private readonly noMatches: HTMLElement;
  private readonly shownCount = el('span', { className: 'shown', attrs: { 'aria-live': 'polite' } });
  private rowHeight = DEFAULT_ROW_HEIGHT;
  private drawn = { start: -1, end: -1 };

  constructor(
    private readonly group: Group,
    private readonly context: TableContext,
    private readonly memory: TableMemory,
  ) {
    this.rows = new TableRows(group, memory, context.locale);
    this.windowed = group.items.length > WINDOW_MIN_ROWS;
    this.max = chartMax(group);
    this.showDescription = showsDescription(group);
    this.columnCount = 1 + group.columns.length + (this.showDescription ? 1 : 0);

    // aria-rowcount is set by showRows: the rows shown, plus the header row.
    this.table = el('table', { className: this.windowed ? 'windowed' : '', attrs: { 'aria-labelledby': `${this.id}-title` } }, this.head(), this.tbody);
    this.table.style.setProperty('--columns', String(this.columnCount));
    this.showSort();
    this.scroller = el(
      'div',
      { className: this.windowed ? 'table-scroll windowed' : 'table-scroll', attrs: { tabindex: 0, role: 'region', 'aria-labelledby': `${this.id}-title` } },
      this.table,
    );
    // A refresh redraws the page: the region keeps focus through it.
    this.scroller.dataset.focusKey = `scroll:${group.id}`;
    this.noMatches = el('p', { className: 'no-matches' }, context.strings.noMatches);
    this.noMatches.hidden = true;
    this.section = this.build();
    if (group.items.length > 0) this.showRows();
    if (this.windowed) this.window();
  }

  private build(): HTMLElement {
    const { group, context, rows } = this;
    const total = rows.total.toLocaleString(context.locale);
    return el(
      'section',
      // Not a named region itself: its table's scrolling box is, under the same name, and two landmarks
      // with one name would read as duplicates.
      { className: `group group-${group.kind}` },
      el(
        'div',
        { className: 'group-header' },
        el('h2', { attrs: { id: `${this.id}-title` } }, group.label, ' ', el('span', { className: 'count' }, total)),
        group.total ? el('span', { className: 'group-total' }, `${group.total.label}: `, el('strong', {}, valueNode(group.total.value, group.total.kind, context))) : null,
        rows.total > FILTER_MIN_ROWS ? this.filterBox() : null,
        group.items.length > 0 ? this.exportButtons() : null,
      ),
      group.unreadable ? el('p', { className: 'unreadable', attrs: { role: 'note' } }, fill(context.strings.unreadableRows, group.unreadable.toLocaleString(context.locale))) : null,
      group.items.length === 0 ? el('p', { className: 'empty' }, context.strings.empty) : null,
      group.items.length === 0 ? null : this.scroller,
      this.noMatches,
    );
  }

  private head(): HTMLTableSectionElement {
    const { group, context } = this;
    return el(
      'thead',
      {},
      el(
        'tr',
        { attrs: { 'aria-rowindex': 1 } },
        this.header(LABEL_KEY, context.strings.labelColumn[group.kind], 'label-cell'),
        this.showDescription ? el('th', { attrs: { scope: 'col' } }) : null,
        ...group.columns.map((column) => this.header(column.key, column.label, cellClass(column, group))),
      ),
    );
  }

  /** A column header: with two rows or more, a button that sorts, its state in `aria-sort`. */
  private header(key: string, label: string, className: string): HTMLTableCellElement {
    const th = el('th', { attrs: { scope: 'col' }, className });
    if (this.group.items.length <= 1) {
      th.append(label);
      return th;
    }
    const button = el('button', { className: 'sort', attrs: { type: 'button', title: fill(this.context.strings.sortBy, label) } }, el('span', {}, label), icon('arrow-up', 'sort-mark'));
    button.dataset.focusKey = `sort:${this.group.id}:${key}`;
    button.addEventListener('click', () => {
      this.rows.sortBy(key);
      this.showSort();
      this.showRows();
      this.context.remember();
    });
    th.append(button);
    this.headers.set(key, th);
    return th;
  }

  private showSort(): void {
    const { sort } = this.memory;
    for (const [key, th] of this.headers) th.setAttribute('aria-sort', sort?.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none');
  }

  private filterBox(): HTMLElement {
    const { group, context } = this;
    const input = el('input', {
      className: 'filter',
      attrs: { type: 'search', placeholder: context.strings.filter, 'aria-label': fill(context.strings.filterLabel, group.label), spellcheck: 'false', autocomplete: 'off' },
    });
    input.maxLength = MAX_FILTER_CHARS;
    input.value = this.memory.filter;
    input.dataset.focusKey = `filter:${group.id}`;
    // Each keystroke filters at once: 5,000 rows filter and the window redraws well within a frame budget
    // (npm run bench), so waiting for a pause in typing would only add its delay.
    input.addEventListener('input', () => {
      this.rows.filter(input.value);
      this.scroller.scrollTop = 0;
      this.showRows();
      context.remember();
    });
    return el('div', { className: 'filter-box' }, icon('filter'), input, this.shownCount);
  }

  /** Copy as CSV, Copy as Markdown, Save as CSV…: of the rows shown, in their order. */
  private exportButtons(): HTMLElement {
    const { group, context, memory } = this;
    const { strings } = context;
    const action = (label: string, iconName: string, what: TableExport) => {
      const node = button(label, iconName, () => context.exportTable(group.id, what, memory), { className: 'table-action' });
      node.dataset.focusKey = `export:${group.id}:${what}`;
      return node;
    };
    return el(
      'div',
      { className: 'table-actions', attrs: { role: 'toolbar', 'aria-label': fill(strings.exportTable, group.label) } },
      action(strings.copyCsv, 'copy', 'copyCsv'),
      action(strings.copyMarkdown, 'markdown', 'copyMarkdown'),
      action(strings.saveCsv, 'save', 'saveCsv'),
    );
  }

  /** The rows the filter and sort give, counted ("12 of 3,000") and drawn. */
  private showRows(): void {
    const { shown, total } = this.rows;
    const { locale, strings } = this.context;
    this.shownCount.textContent = fill(strings.rowsShown, shown.length.toLocaleString(locale), total.toLocaleString(locale));
    this.table.setAttribute('aria-rowcount', String(shown.length + 1));
    this.noMatches.hidden = shown.length > 0;
    this.scroller.hidden = shown.length === 0;
    this.draw(true);
  }

  private draw(force = false): void {
    const { shown } = this.rows;
    if (!this.windowed) {
      replaceKeepingFocus(this.tbody, shown.map((index, position) => this.row(index, position)), this.scroller);
      return;
    }
    const head = this.table.tHead?.getBoundingClientRect().height ?? 0;
    const range = visibleRange(this.scroller.scrollTop - head, this.scroller.clientHeight, this.rowHeight, shown.length);
    if (!force && range.start === this.drawn.start && range.end === this.drawn.end) return;
    this.drawn = range;
    const inView = shown.slice(range.start, range.end).map((index, n) => this.row(index, range.start + n));
    // A focused row scrolled out of the window hands focus to the scroller, so the keys still scroll the table.
    replaceKeepingFocus(this.tbody, [this.spacer(range.start * this.rowHeight), ...inView, this.spacer((shown.length - range.end) * this.rowHeight)], this.scroller);
    // The CSS fixes the height; measure once so the spacers match it at any font size.
    const measured = this.tbody.rows[1]?.getBoundingClientRect().height;
    if (measured && Math.abs(measured - this.rowHeight) > 0.5 && range.end > range.start) {
      this.rowHeight = measured;
      this.draw(true);
    }
  }

  /** Row `index` of the items, drawn at `position` among the rows shown (after the header, row 1). */
  private row(index: number, position: number): HTMLTableRowElement {
    const item = this.group.items[index]!;
    const tr = el('tr', { attrs: { 'aria-rowindex': position + 2 } }, ...this.cells(item));
    // Keys for the row's links and buttons, so a redraw (scrolling a windowed table) keeps keyboard focus.
    tr.querySelectorAll<HTMLElement>('a, button').forEach((control, n) => (control.dataset.focusKey = `${this.group.id}:${item.id}:${n}`));
    return tr;
  }

  private cells(item: GroupItem): Node[] {
    const { group, context } = this;
    return [
      el('th', { attrs: { scope: 'row' }, className: 'label-cell' }, labelNode(item, context)),
      ...(this.showDescription ? [el('td', {}, item.description ?? '')] : []),
      ...group.columns.map((column) => {
        const td = el('td', { className: cellClass(column, group) }, cellNode(item, column, group, this.max, context));
        // Windowed rows cut long text with an ellipsis: the whole text stays on hover.
        if (this.windowed && column.kind !== 'boolean' && td.textContent) td.setAttribute('title', td.textContent);
        return td;
      }),
    ];
  }

  private spacer(height: number): HTMLTableRowElement {
    const tr = el('tr', { className: 'spacer', attrs: { 'aria-hidden': 'true' } }, el('td', { attrs: { colspan: this.columnCount } }));
    tr.style.height = `${height}px`;
    return tr;
  }

  /** A windowed table draws the rows in view as it scrolls and resizes, and remembers where it was. */
  private window(): void {
    const { scroller, memory, group } = this;
    let pending = false;
    scroller.addEventListener('scroll', () => {
      // A cached copy cut short caps the scroll: where the reader was is kept for the whole table.
      if (this.rows.total === group.items.length) {
        memory.scrollTop = scroller.scrollTop;
        this.context.remember();
      }
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        this.draw();
      });
    });
    const resized = new ResizeObserver(() => {
      // A refresh replaces the table: let the old one go.
      if (scroller.isConnected) this.draw();
      else if (this.drawn.end >= 0) resized.disconnect();
    });
    resized.observe(scroller);
    // After layout: the scroller must be in the document to have a height and to take the old position.
    requestAnimationFrame(() => {
      scroller.scrollTop = memory.scrollTop;
      this.draw(true);
    });
  }
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
