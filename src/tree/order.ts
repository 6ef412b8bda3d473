/**
 * The view's sort of a list of space rows, and the rule that keeps rows still while they are looked at: a
 * list is sorted anew only at chosen moments (a page's details arrived, a listing came, Refresh, another sort),
 * not at every name that arrives. No `vscode` import, so it is tested in plain Node.
 */
import type { Tone } from '../core/model';
import type { SortBy } from '../core/treeView';

/** What a sort reads of a row: what is known of its space so far. */
export interface Sortable {
  readonly known: { readonly name?: string; readonly tone?: Tone; readonly updated?: string };
}

/** "Worst first": an error before a warning before a neutral status before a good one. */
export const WORST_FIRST: Readonly<Record<Tone, number>> = { error: 0, warn: 1, neutral: 2, ok: 3 };

type Compare<T> = (a: T, b: T) => number;

/**
 * How `sort` orders two rows; undefined for the configured order (the rows as given). Rows whose key is not
 * known yet (not yet named, no status or date yet) go after those whose key is, in the order given.
 */
export function comparator(sort: SortBy, locale?: string): Compare<Sortable> | undefined {
  switch (sort) {
    case 'name': {
      const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
      return knownFirst((row) => row.known.name, (a, b) => collator.compare(a, b));
    }
    case 'status':
      return knownFirst((row) => (row.known.tone === undefined ? undefined : WORST_FIRST[row.known.tone]), (a, b) => a - b);
    case 'changed':
      return knownFirst((row) => dateOf(row.known.updated), (a, b) => b - a);
    default:
      return undefined;
  }
}

function knownFirst<K>(key: (row: Sortable) => K | undefined, compare: Compare<K>): Compare<Sortable> {
  return (a, b) => {
    const [ka, kb] = [key(a), key(b)];
    if (ka === undefined || kb === undefined) return (ka === undefined ? 1 : 0) - (kb === undefined ? 1 : 0);
    return compare(ka, kb);
  };
}

function dateOf(iso: string | undefined): number | undefined {
  const ms = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `rows` sorted by `sort` (a stable sort: equal rows keep the order given). */
export function sorted<T extends Sortable>(rows: readonly T[], sort: SortBy, locale?: string): T[] {
  const compare = comparator(sort, locale);
  return compare ? [...rows].sort(compare) : [...rows];
}

/**
 * A list's rows in the view's sort, settled at chosen moments. Between them each row keeps its place, and
 * rows new since (a listing's, a page's) come after the settled ones in the order given.
 */
export class RowOrder<T extends Sortable> {
  private ranks?: Map<T, number>;
  private sortedBy?: SortBy;

  /** The rows in the settled order (settled now when there is none yet, or the sort changed). */
  arrange(rows: readonly T[], sort: SortBy, locale?: string): readonly T[] {
    // Nothing to place yet (no listing): no order is settled on nothing.
    if (sort === 'configured' || rows.length === 0) return rows;
    if (!this.ranks || this.sortedBy !== sort) this.settle(rows, sort, locale);
    return this.placed(rows, this.ranks!);
  }

  /** Sorts anew by what is known now (a page's details arrived); true when a row moved. */
  settle(rows: readonly T[], sort: SortBy, locale?: string): boolean {
    if (sort === 'configured') {
      this.reset();
      return false;
    }
    const before = this.ranks && this.sortedBy === sort ? this.placed(rows, this.ranks) : undefined;
    const after = sorted(rows, sort, locale);
    this.ranks = new Map(after.map((row, index) => [row, index]));
    this.sortedBy = sort;
    return before === undefined || before.some((row, index) => row !== after[index]);
  }

  /** Forgets the settled order (a new listing came): the next `arrange` sorts anew. */
  reset(): void {
    this.ranks = undefined;
  }

  private placed(rows: readonly T[], ranks: ReadonlyMap<T, number>): T[] {
    const settled = rows.filter((row) => ranks.has(row)).sort((a, b) => ranks.get(a)! - ranks.get(b)!);
    return [...settled, ...rows.filter((row) => !ranks.has(row))];
  }
}
