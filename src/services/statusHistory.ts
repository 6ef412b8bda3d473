/**
 * The status changes refreshes have found (`StatusWatch.onDidFind`), the last 200, kept across window
 * reloads in the extension's global state: what spaces_recentChanges and Show Status Changes list. What is
 * read back was written by an earlier version or anyone with access to the profile, so it is read as
 * untrusted: entries of the wrong shape are dropped, text is clipped, and an entry is only ever shown (opening
 * its space goes through the commands' own rules). No `vscode` import (the store is Memento-shaped).
 */
import { ACCOUNT_ID } from '../core/accounts';
import { isRecord } from '../core/json';
import { TOOL_LIMITS, type SeenChange } from '../core/tools/results';
import { ChangeListeners, type StateStore } from './stateStore';
import type { FoundChange } from './statusWatch';

export const STATUS_HISTORY_KEY = 'spaces.statusHistory';
/** How many changes are kept: the oldest go first. */
export const MAX_CHANGES = TOOL_LIMITS.changes;
/** Characters kept of a name or a status, and of a space id. */
const MAX_TEXT = 200;
const MAX_ID = 256;

export class StatusHistory {
  /** Oldest first. */
  private changes: SeenChange[];
  private readonly listeners = new ChangeListeners();

  constructor(
    private readonly store: StateStore,
    private readonly now: () => number = Date.now,
  ) {
    const saved = store.get<unknown>(STATUS_HISTORY_KEY);
    this.changes = (Array.isArray(saved) ? saved : []).flatMap(readChange).slice(-MAX_CHANGES);
  }

  /** Keeps a change just found. */
  async record(change: FoundChange): Promise<void> {
    const kept: SeenChange = {
      at: this.now(),
      accountId: change.accountId,
      spaceId: clip(change.spaceId, MAX_ID),
      name: clip(change.name, MAX_TEXT),
      from: clip(change.from, MAX_TEXT),
      to: clip(change.to, MAX_TEXT),
    };
    await this.save([...this.changes, kept].slice(-MAX_CHANGES));
  }

  /** The changes kept, newest first; only those of `accountIds` when given. */
  list(accountIds?: readonly string[]): SeenChange[] {
    const wanted = accountIds && new Set(accountIds);
    return this.changes.filter((change) => !wanted || wanted.has(change.accountId)).reverse();
  }

  /** Drops the changes of accounts no longer configured. */
  async keepOnly(accountIds: readonly string[]): Promise<void> {
    const kept = this.changes.filter((change) => accountIds.includes(change.accountId));
    if (kept.length !== this.changes.length) await this.save(kept);
  }

  /** Records every change `watch` finds from now on. */
  follow(watch: { onDidFind(listener: (change: FoundChange) => void): { dispose(): void } }): { dispose(): void } {
    return watch.onDidFind((change) => void this.record(change));
  }

  /** Called after every change of what is kept. */
  onDidChange(listener: () => void): { dispose(): void } {
    return this.listeners.add(listener);
  }

  private async save(changes: SeenChange[]): Promise<void> {
    this.changes = changes;
    this.listeners.fire();
    await this.store.update(STATUS_HISTORY_KEY, changes);
  }
}

/** A stored entry as a change, or nothing when it is not one: every field checked, text clipped. */
function readChange(entry: unknown): SeenChange[] {
  if (!isRecord(entry)) return [];
  const { at, accountId, spaceId, name, from, to } = entry;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0 || at > MAX_TIME) return [];
  if (typeof accountId !== 'string' || accountId.length > 100 || !ACCOUNT_ID.test(accountId)) return [];
  if (![spaceId, name, from, to].every((value) => typeof value === 'string') || spaceId === '') return [];
  return [{ at, accountId, spaceId: clip(spaceId as string, MAX_ID), name: clip(name as string, MAX_TEXT), from: clip(from as string, MAX_TEXT), to: clip(to as string, MAX_TEXT) }];
}

/** The largest time a `Date` holds: a stored `at` beyond it cannot be shown as a date. */
const MAX_TIME = 8.64e15;

/** At most `max` code points (a surrogate pair is never cut in two). */
function clip(text: string, max: number): string {
  return text.length <= max ? text : Array.from(text).slice(0, max).join('');
}
