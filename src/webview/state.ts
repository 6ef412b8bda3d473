// The page's side of its saved state: which tables to remember, and a copy of the space small enough to
// keep. What the state is and how it is read back is `panel/savedState.ts`, shared with the extension.
// Pure: no DOM, no `vscode`.
import type { PanelSpace } from '../panel/protocol';
import { MAX_FILTER_CHARS } from '../core/tableOrder';
import { MAX_TABLES, type SavedTable } from '../panel/savedState';
import type { TableMemory } from './tableRows';

/** The tables worth saving: those filtered, sorted or scrolled. */
export function savedTables(memories: ReadonlyMap<string, TableMemory>): SavedTable[] {
  const tables: SavedTable[] = [];
  for (const [group, { filter, scrollTop, sort }] of memories) {
    if (!filter && !(scrollTop > 0) && !sort) continue;
    const table: SavedTable = { group, filter: filter.slice(0, MAX_FILTER_CHARS), scrollTop: Math.max(0, Math.round(scrollTop)) };
    tables.push(sort ? { ...table, sort: { key: sort.key, descending: sort.descending } } : table);
    if (tables.length >= MAX_TABLES) break;
  }
  return tables;
}

/** The live memories (mutable, one per group) from saved tables. */
export function tableMemories(tables: readonly SavedTable[]): Map<string, TableMemory> {
  return new Map(tables.map(({ group, filter, scrollTop, sort }) => [group, { filter, scrollTop, ...(sort ? { sort: { ...sort } } : {}) }]));
}

/** How many rows each group keeps, tried in turn, when a space is too large to keep whole. */
const KEPT_ROWS = [200, 50, 10, 0];

/**
 * The copy of `space` to keep in state: whole when its JSON fits in `maxChars`, else with each group cut
 * to its first rows (saying how many there are), so even a space of thousands of artifacts comes back
 * at once after a reload, marked cached, until fresh data replaces it. Undefined when nothing fits.
 */
export function copyForState(space: PanelSpace | undefined, maxChars: number): PanelSpace | undefined {
  if (!space) return undefined;
  if (JSON.stringify(space).length <= maxChars) return space;
  for (const rows of KEPT_ROWS) {
    const groups = space.groups.map((group) =>
      group.items.length <= rows ? group : { ...group, items: group.items.slice(0, rows), itemCount: group.itemCount ?? group.items.length },
    );
    const copy = { ...space, groups };
    if (JSON.stringify(copy).length <= maxChars) return copy;
  }
  return undefined;
}
