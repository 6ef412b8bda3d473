import { filterWords, holdsEvery } from '../core/wordMatch';

/** What the filter reads of a space's row: what is known of it so far. */
export interface Filterable {
  readonly spaceId: string;
  /** The name and status as known (fetched, listed or remembered); undefined while unknown. */
  readonly known: { readonly name?: string; readonly status?: string };
}

/** A row matches; or does not; or might, once its name is known (only its id was there to match). */
export type Match = 'match' | 'none' | 'unnamed';

/** The view's filter: spaces whose name, id or status holds every word of the query. */
export class TreeFilter {
  private readonly words: string[];

  constructor(readonly query: string) {
    this.words = filterWords(query);
  }

  match(row: Filterable): Match {
    const { name, status } = row.known;
    if (holdsEvery([name ?? '', row.spaceId, status ?? ''].join('\u0000').toLowerCase(), this.words)) return 'match';
    return name === undefined ? 'unnamed' : 'none';
  }
}
