/**
 * Changes to the raw `spaces.accounts` array, as it stands in user settings. Pure (no `vscode`), so it
 * is tested in Node. Every function returns a new array; entries it does not touch are kept as they
 * were (the same objects), broken ones included, so a write never rewrites what the user did not change.
 */
import { isRecord } from '../core/json';

export type RawEntry = Record<string, unknown>;

/** Where the account with `id` is: the first entry with that id (a later one is a duplicate and broken). */
function entryIndex(entries: readonly unknown[], id: string): number {
  return entries.findIndex((e) => isRecord(e) && e.id === id);
}

export function findEntry(entries: readonly unknown[], id: string): RawEntry | undefined {
  const index = entryIndex(entries, id);
  return index < 0 ? undefined : (entries[index] as RawEntry);
}

/** Every id in use, broken entries' included, so a new account never takes one. */
export function takenIds(entries: readonly unknown[]): Set<string> {
  return new Set(entries.filter(isRecord).map((e) => e.id).filter((id): id is string => typeof id === 'string'));
}

export function withEntryAdded(entries: readonly unknown[], entry: RawEntry): unknown[] {
  return [...entries, entry];
}

/** Replaces the account's entry in place (same position); appends it when it is gone. */
export function withEntryReplaced(entries: readonly unknown[], id: string, entry: RawEntry): unknown[] {
  const index = entryIndex(entries, id);
  if (index < 0) return [...entries, entry];
  return entries.map((e, i) => (i === index ? entry : e));
}

export function withoutEntry(entries: readonly unknown[], id: string): unknown[] {
  const index = entryIndex(entries, id);
  return index < 0 ? [...entries] : entries.filter((_, i) => i !== index);
}

/** Adds space ids to the account's `spaces` (after those already there, without repeats). */
export function withSpacesAdded(entries: readonly unknown[], id: string, spaceIds: readonly string[]): unknown[] {
  return changeSpaces(entries, id, (spaces) => [...new Set([...spaces, ...spaceIds])]);
}

export function withSpaceRemoved(entries: readonly unknown[], id: string, spaceId: string): unknown[] {
  return changeSpaces(entries, id, (spaces) => spaces.filter((s) => s !== spaceId));
}

function changeSpaces(entries: readonly unknown[], id: string, change: (spaces: readonly string[]) => string[]): unknown[] {
  const index = entryIndex(entries, id);
  if (index < 0) return [...entries];
  const entry = entries[index] as RawEntry;
  const current = Array.isArray(entry.spaces) ? entry.spaces.filter((s): s is string => typeof s === 'string') : [];
  const spaces = change(current);
  const next: RawEntry = { ...entry, spaces };
  if (spaces.length === 0) delete next.spaces;
  return entries.map((e, i) => (i === index ? next : e));
}
