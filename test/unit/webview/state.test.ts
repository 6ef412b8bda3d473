import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { PanelSpace } from '../../../src/panel/protocol';
import { isPanelSpace, readState } from '../../../src/panel/savedState';
import { copyForState, savedTables, tableMemories } from '../../../src/webview/state';
import type { TableMemory } from '../../../src/webview/tableRows';

const space: PanelSpace = {
  vendor: 'onedata',
  accountId: 'od',
  id: 's1',
  name: 'Space',
  description: { text: '# Hi', markdown: true },
  status: { label: 'Active', tone: 'ok', detail: 'All good' },
  created: '2024-01-01T00:00:00.000Z',
  webUrl: 'https://example.com/s1',
  facts: [{ label: 'Size', value: 1024, kind: 'bytes' }],
  groups: [
    {
      id: 'providers',
      label: 'Providers',
      kind: 'providers',
      columns: [{ key: 'size', label: 'Size', kind: 'bytes' }],
      items: [
        { id: 'p1', label: 'P1', values: { size: 5, online: true, note: null } },
        { id: 'p2', label: 'P2', description: 'second', spaceId: 'x', values: {} },
      ],
      chart: { valueKey: 'size', unit: 'bytes' },
      total: { label: 'Total', value: 5, kind: 'bytes' },
    },
  ],
  fetchedAt: 1_700_000_000_000,
};
const identity = { vendor: 'onedata', accountId: 'od', spaceId: 's1' } as const;
/** A JSON round trip: what VS Code hands back from `getState()`. */
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('the space panel page, its saved state', () => {
  it('keeps a cached space of the expected shape', () => {
    assert.equal(isPanelSpace(stored(space)), true);
    assert.deepEqual(readState(stored({ ...identity, space })), { ...identity, space, view: undefined });
    // With the note on an answer that did not match its documentation, too.
    const noted: PanelSpace = { ...space, fieldProblemsNote: 'This answer did not match what Onedata documents: `creationTime` could not be read. Show Raw JSON shows what came.' };
    assert.deepEqual(readState(stored({ ...identity, space: noted }))?.space, noted);
  });

  it('drops just the cached space when its shape is not the one rendered', () => {
    const broken: unknown[] = [
      null,
      'Space',
      [],
      { ...space, name: 7 },
      { ...space, facts: undefined },
      { ...space, facts: [{ label: 'x', value: {}, kind: 'text' }] },
      { ...space, groups: {} },
      { ...space, groups: [{ ...space.groups[0], items: undefined }] },
      { ...space, groups: [{ ...space.groups[0], items: [{ id: 'a', label: 'a' }] }] },
      { ...space, groups: [{ ...space.groups[0], items: [{ id: 'a', label: 'a', values: { x: [1] } }] }] },
      { ...space, groups: [{ ...space.groups[0], columns: [{ key: 'k', label: 'K' }] }] },
      { ...space, groups: [{ ...space.groups[0], kind: 'unheard-of' }] },
      { ...space, groups: [{ ...space.groups[0], chart: { valueKey: 'size', unit: 'furlongs' } }] },
      { ...space, vendor: 'salesforce' },
      { ...space, status: { label: 'x', tone: 'purple' } },
      { ...space, description: { text: 'x' } },
      { ...space, fieldProblemsNote: 7 },
      { ...space, fieldProblemsNote: null },
      { ...space, fieldProblemsNote: ['`creationTime` could not be read'] },
      { ...space, fetchedAt: '2024-01-01' },
      { ...space, fetchedAt: null },
      { ...space, fetchedAt: undefined },
    ];
    for (const cached of broken) {
      const view = { scrollY: 40, tables: [] };
      assert.deepEqual(readState({ ...identity, space: cached, view }), { ...identity, space: undefined, view }, JSON.stringify(cached));
    }
    // NaN is not finite (JSON would have made it null; a structured clone would keep it).
    assert.equal(readState({ ...identity, space: { ...space, fetchedAt: Number.NaN } })?.space, undefined);
    assert.equal(readState({ ...identity, space: { ...space, fetchedAt: Infinity } })?.space, undefined);
  });

  it('keeps a large space cut short (first rows, with the full count), small enough to save, still of the shape rendered', () => {
    assert.equal(copyForState(space, 100_000), space, 'a small space is kept whole');
    assert.equal(copyForState(undefined, 100_000), undefined);
    const many = Array.from({ length: 5000 }, (_, i) => ({ id: `a${i}`, label: `artifact ${i} ${'x'.repeat(200)}`, values: { size: i } }));
    const large: PanelSpace = { ...space, groups: [{ ...space.groups[0]!, id: 'artifacts', items: many }, space.groups[0]!] };
    assert.ok(JSON.stringify(large).length > 500_000);
    const copy = copyForState(large, 500_000)!;
    assert.ok(JSON.stringify(copy).length <= 500_000);
    assert.equal(copy.groups[0]!.items.length, 200);
    assert.deepEqual(copy.groups[0]!.items[0], many[0]);
    assert.equal(copy.groups[0]!.itemCount, 5000);
    assert.equal(copy.groups[1], large.groups[1], 'a short group stays as it is');
    assert.equal(copy.name, large.name);
    assert.ok(isPanelSpace(stored(copy)), 'the cut copy reads back as a space');
    // Tighter still: fewer rows; and nothing at all when even the facts do not fit.
    assert.equal(copyForState(large, 10_000)!.groups[0]!.items.length, 10);
    assert.equal(copyForState(large, 100), undefined);
  });

  it('is not ours without a known vendor, an account and a space id', () => {
    for (const state of [undefined, null, 'x', [], {}, { ...identity, vendor: 'salesforce' }, { ...identity, accountId: '' }, { ...identity, spaceId: 3 }, { vendor: 'onedata', accountId: 'od' }]) {
      assert.equal(readState(state), undefined, JSON.stringify(state));
    }
  });

  it('keeps the sound parts of the reading position', () => {
    const view = {
      scrollY: 300,
      tables: [
        { group: 'a', filter: 'blue', scrollTop: 260, sort: { key: 'size', descending: true } },
        { group: 'b', filter: '', scrollTop: -4, sort: { key: 7 } },
        { group: 'c', filter: 3, scrollTop: 1 },
        'not a table',
        { filter: 'x', scrollTop: 0 },
      ],
    };
    assert.deepEqual(readState({ ...identity, view })?.view, {
      scrollY: 300,
      tables: [
        { group: 'a', filter: 'blue', scrollTop: 260, sort: { key: 'size', descending: true } },
        { group: 'b', filter: '', scrollTop: 0 },
      ],
    });
    assert.deepEqual(readState({ ...identity, view: { scrollY: Number.NaN, tables: 'x' } })?.view, { scrollY: 0, tables: [] });
    assert.equal(readState({ ...identity, view: 5 })?.view, undefined);
    assert.equal(readState({ ...identity, view: { scrollY: 0, tables: [{ group: 'a', filter: 'x'.repeat(5000), scrollTop: 0 }] } })?.view?.tables[0]?.filter.length, 1000);
  });

  it('saves only the tables that are filtered, sorted or scrolled, and restores them', () => {
    const memories = new Map<string, TableMemory>([
      ['plain', { filter: '', scrollTop: 0 }],
      ['filtered', { filter: 'edith', scrollTop: 0 }],
      ['scrolled', { filter: '', scrollTop: 519.6 }],
      ['sorted', { filter: '', scrollTop: 0, sort: { key: '', descending: false } }],
    ]);
    const tables = savedTables(memories);
    assert.deepEqual(tables, [
      { group: 'filtered', filter: 'edith', scrollTop: 0 },
      { group: 'scrolled', filter: '', scrollTop: 520 },
      { group: 'sorted', filter: '', scrollTop: 0, sort: { key: '', descending: false } },
    ]);
    const back = readState(stored({ ...identity, view: { scrollY: 10, tables } }));
    const restored = tableMemories(back?.view?.tables ?? []);
    assert.deepEqual([...restored.keys()], ['filtered', 'scrolled', 'sorted']);
    assert.deepEqual(restored.get('sorted'), { filter: '', scrollTop: 0, sort: { key: '', descending: false } });
    // Live memories are the page's to change: not shared with what was read.
    restored.get('filtered')!.filter = 'changed';
    assert.equal(back?.view?.tables[0]?.filter, 'edith');
  });
});
