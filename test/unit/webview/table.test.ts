import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Group, GroupItem } from '../../../src/core/model';
import { barPercent, chartMax } from '../../../src/webview/chart';
import { factsWithDates, relativeTime } from '../../../src/webview/render';
import { LABEL_KEY, matchingRows, nextSort, searchText, sortRows } from '../../../src/core/tableOrder';
import { TableRows, visibleRange, type TableMemory } from '../../../src/webview/tableRows';

describe('the space panel page, its pure parts', () => {
  it('windowing: only the rows in view plus a buffer, clamped to the table', () => {
    assert.deepEqual(visibleRange(0, 520, 26, 5000, 10), { start: 0, end: 31 });
    assert.deepEqual(visibleRange(26 * 1000, 520, 26, 5000, 10), { start: 990, end: 1031 });
    assert.deepEqual(visibleRange(26 * 4990, 520, 26, 5000, 10), { start: 4980, end: 5000 });
    assert.deepEqual(visibleRange(-50, 520, 26, 5, 10), { start: 0, end: 5 });
    assert.deepEqual(visibleRange(0, 520, 26, 0), { start: 0, end: 0 });
    // However tall the table, the rows drawn stay bounded by the viewport.
    const { start, end } = visibleRange(123_456, 600, 26, 1_000_000);
    assert.ok(end - start < 70);
  });

  it('a table\'s rows: the filter and the sort work together and are kept in its memory', () => {
    const group: Group = {
      id: 'artifacts',
      label: 'Artifacts',
      kind: 'artifacts',
      columns: [{ key: 'size', label: 'Size', kind: 'bytes' }],
      items: [
        { id: 'a', label: 'blueprint 10', values: { size: 30 } },
        { id: 'b', label: 'decision', values: { size: 10 } },
        { id: 'c', label: 'blueprint 2', values: { size: 20 } },
      ],
      itemCount: 3000,
    };
    const memory: TableMemory = { filter: '', scrollTop: 120 };
    const rows = new TableRows(group, memory, 'en');
    assert.deepEqual(rows.shown, [0, 1, 2]);
    assert.equal(rows.total, 3000, 'a copy cut short counts all the items');
    rows.sortBy('size');
    assert.deepEqual(rows.shown, [1, 2, 0]);
    rows.filter('blueprint');
    assert.deepEqual(rows.shown, [2, 0], 'sorted still');
    assert.deepEqual(memory, { filter: 'blueprint', scrollTop: 0, sort: { key: 'size', descending: false } });
    rows.sortBy('size');
    rows.sortBy('size');
    assert.deepEqual(rows.shown, [0, 2], 'the third click: the vendor order again');
    // A memory saved earlier comes back as it was left.
    assert.deepEqual(new TableRows(group, { filter: 'blueprint', scrollTop: 0, sort: { key: LABEL_KEY, descending: true } }).shown, [0, 2]);
  });

  it('filtering: every word, case-insensitive, over label, description and values', () => {
    const items: GroupItem[] = [
      { id: '1', label: 'blueprint 1', values: { type: 'blueprint', archivedState: 'active', modified: '2020-01-01T00:01:00.000Z' } },
      { id: '2', label: 'Decision 2', description: 'Edith Editor', values: { type: 'decision', archivedState: 'archived', modified: null } },
      { id: '3', label: 'blueprint 30', values: { type: 'blueprint', archivedState: 'archived', count: 7 } },
    ];
    const texts = items.map(searchText);
    assert.deepEqual(matchingRows(texts, ''), [0, 1, 2]);
    assert.deepEqual(matchingRows(texts, 'BLUEPRINT'), [0, 2]);
    assert.deepEqual(matchingRows(texts, 'blueprint archived'), [2]);
    assert.deepEqual(matchingRows(texts, 'edith'), [1]);
    assert.deepEqual(matchingRows(texts, '2020-01'), [0]);
    assert.deepEqual(matchingRows(texts, 'nothing like it'), []);
  });

  it('sorting: numbers by value, dates by time, text as read, empty values last either way, ties in vendor order', () => {
    const items: GroupItem[] = [
      { id: '1', label: 'blueprint 10', values: { size: 2048, modified: '2021-03-01T00:00:00.000Z', published: true } },
      { id: '2', label: 'Blueprint 2', values: { size: null, modified: '2020-12-31T23:00:00-05:00', published: false } },
      { id: '3', label: 'blueprint 1', values: { size: 512, modified: null, published: true } },
      { id: '4', label: 'Ärger', values: { size: 512, modified: '2019-01-01T00:00:00.000Z', published: null } },
    ];
    const all = [0, 1, 2, 3];
    const labels = (rows: number[]) => rows.map((i) => items[i]!.label);
    assert.deepEqual(labels(sortRows(items, all, { key: LABEL_KEY, descending: false }, 'text', 'en')), ['Ärger', 'blueprint 1', 'Blueprint 2', 'blueprint 10']);
    assert.deepEqual(labels(sortRows(items, all, { key: LABEL_KEY, descending: true }, 'text', 'en')), ['blueprint 10', 'Blueprint 2', 'blueprint 1', 'Ärger']);
    // 512 twice: the vendor's order (3 before 4) in both directions; the empty size last in both.
    assert.deepEqual(labels(sortRows(items, all, { key: 'size', descending: false }, 'bytes')), ['blueprint 1', 'Ärger', 'blueprint 10', 'Blueprint 2']);
    assert.deepEqual(labels(sortRows(items, all, { key: 'size', descending: true }, 'bytes')), ['blueprint 10', 'blueprint 1', 'Ärger', 'Blueprint 2']);
    // 2020-12-31T23:00-05:00 is 2021-01-01T04:00Z: by time, not by the text.
    assert.deepEqual(labels(sortRows(items, all, { key: 'modified', descending: false }, 'date')), ['Ärger', 'Blueprint 2', 'blueprint 10', 'blueprint 1']);
    assert.deepEqual(labels(sortRows(items, all, { key: 'published', descending: false }, 'boolean')), ['Blueprint 2', 'blueprint 10', 'blueprint 1', 'Ärger']);
    // Only the rows given (the filter's) come back.
    assert.deepEqual(sortRows(items, [3, 0], { key: 'size', descending: false }, 'bytes'), [3, 0]);
  });

  it('a header click cycles ascending, descending, then the vendor order', () => {
    const first = nextSort(undefined, 'size');
    assert.deepEqual(first, { key: 'size', descending: false });
    const second = nextSort(first, 'size');
    assert.deepEqual(second, { key: 'size', descending: true });
    assert.equal(nextSort(second, 'size'), undefined);
    assert.deepEqual(nextSort(second, LABEL_KEY), { key: LABEL_KEY, descending: false });
  });

  it('bars: scaled to the largest value, never negative, a sliver for tiny values', () => {
    const group: Group = {
      id: 'providers',
      label: 'Storage providers',
      kind: 'providers',
      columns: [{ key: 'size', label: 'Support size', kind: 'bytes' }],
      items: [
        { id: 'a', label: 'a', values: { size: 5368709120 } },
        { id: 'b', label: 'b', values: { size: 14400000 } },
        { id: 'c', label: 'c', values: { size: null } },
      ],
      chart: { valueKey: 'size', unit: 'bytes' },
    };
    const max = chartMax(group);
    assert.equal(max, 5368709120);
    assert.equal(barPercent(5368709120, max), 100);
    assert.equal(barPercent(14400000, max), 1);
    assert.equal(barPercent(null, max), 0);
    assert.equal(barPercent(-5, max), 0);
    assert.equal(barPercent(5, 0), 0);
  });

  it('adds the created and modified dates unless a fact already shows them', () => {
    const facts = [{ label: 'Created', value: '2024-01-01T00:00:00.000Z', kind: 'date' as const }];
    const result = factsWithDates({ facts, created: '2024-01-01T00:00:00.000Z', updated: '2024-06-01T00:00:00.000Z' }, 'Created', 'Last modified');
    assert.deepEqual(result.map((f) => f.label), ['Created', 'Last modified']);
  });

  it('says how long ago, in the given language', () => {
    const now = Date.UTC(2025, 0, 1, 12);
    assert.equal(relativeTime(now - 5_000, now, 'en'), 'now');
    assert.equal(relativeTime(now - 3 * 60_000, now, 'en'), '3 minutes ago');
    assert.equal(relativeTime(now - 2 * 3600_000, now, 'en'), '2 hours ago');
    assert.equal(relativeTime(now - 3 * 86_400_000, now, 'en'), '3 days ago');
    assert.equal(relativeTime(now - 3 * 60_000, now, 'de'), 'vor 3 Minuten');
    assert.equal(relativeTime(now - 3 * 60_000, now, 'not a locale!'), '3 minutes ago');
    // A time that is not a number (a damaged cached copy) reads as a dash rather than throwing.
    for (const then of [Number.NaN, Infinity, -Infinity, undefined as unknown as number]) assert.equal(relativeTime(then, now, 'en'), '—');
    assert.equal(relativeTime(now, Number.NaN, 'en'), '—');
  });
});
