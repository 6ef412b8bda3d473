/**
 * What the view's filter remembers: the filter in effect, kept per window (workspace state) so it survives a
 * window reload, and the last `MAX_RECENT` filters used, kept per profile (global state, not synced) for the
 * filter's input to offer. Read as untrusted stored data: strings only, each cut to `MAX_QUERY` characters.
 * A filter only narrows what the tree shows; no query is ever sent anywhere. No `vscode` import.
 */
import type { StateStore } from './stateStore';

export const FILTER_KEY = 'spaces.filter';
export const RECENT_FILTERS_KEY = 'spaces.recentFilters';
export const MAX_RECENT = 10;
export const MAX_QUERY = 200;

const clean = (value: unknown): string => (typeof value === 'string' ? value.trim().slice(0, MAX_QUERY) : '');

export class FilterMemory {
  private recentQueries: string[];

  constructor(
    /** Global state: the profile's recent filters. */
    private readonly profile: StateStore,
    /** Workspace state: this window's filter. */
    private readonly window: StateStore,
  ) {
    const saved = profile.get<unknown>(RECENT_FILTERS_KEY);
    this.recentQueries = [...new Set((Array.isArray(saved) ? saved : []).map(clean).filter(Boolean))].slice(0, MAX_RECENT);
  }

  /** The filter in effect when this window was last open ('' for none). */
  get saved(): string {
    return clean(this.window.get<unknown>(FILTER_KEY));
  }

  /** The recent filters, the latest first. */
  get recent(): readonly string[] {
    return this.recentQueries;
  }

  /** A filter set ('' cleared): kept for the next window, and first among the recent ones. */
  async use(query: string): Promise<void> {
    const kept = clean(query);
    await this.window.update(FILTER_KEY, kept || undefined);
    if (!kept) return;
    this.recentQueries = [kept, ...this.recentQueries.filter((q) => q !== kept)].slice(0, MAX_RECENT);
    await this.profile.update(RECENT_FILTERS_KEY, this.recentQueries);
  }

  async clearRecent(): Promise<void> {
    this.recentQueries = [];
    await this.profile.update(RECENT_FILTERS_KEY, undefined);
  }
}
