import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Tone } from '../../../src/core/model';
import { groupByOf, sortByOf } from '../../../src/core/treeView';
import { RowOrder, sorted, type Sortable } from '../../../src/tree/order';

interface Row extends Sortable {
  readonly id: string;
  known: { name?: string; tone?: Tone; updated?: string };
}
const row = (id: string, known: Row['known'] = {}): Row => ({ id, known });
const ids = (rows: readonly Row[]) => rows.map((r) => r.id).join(' ');

describe("the Spaces view's sort", () => {
  it('sorts by name as people read (numbers by value, case aside), the rows not yet named last in their order', () => {
    const rows = [row('u1'), row('b', { name: 'space 10' }), row('u2'), row('a', { name: 'Space 9' }), row('c', { name: 'alpha' })];
    assert.equal(ids(sorted(rows, 'name', 'en')), 'c a b u1 u2');
  });

  it('sorts by status worst first (error, warning, neutral, fine), those without a status last, ties in their order', () => {
    const rows = [row('ok', { tone: 'ok' }), row('none'), row('err1', { tone: 'error' }), row('warn', { tone: 'warn' }), row('err2', { tone: 'error' }), row('neutral', { tone: 'neutral' })];
    assert.equal(ids(sorted(rows, 'status')), 'err1 err2 warn neutral ok none');
  });

  it('sorts by the date of change, newest first; no date (or one that is no date) last', () => {
    const rows = [row('old', { updated: '2023-01-01T00:00:00Z' }), row('none'), row('new', { updated: '2025-06-01T00:00:00Z' }), row('bad', { updated: 'soon' })];
    assert.equal(ids(sorted(rows, 'changed')), 'new old none bad');
  });

  it('keeps the configured order as given', () => {
    const rows = [row('b', { name: 'B' }), row('a', { name: 'A' })];
    assert.equal(ids(sorted(rows, 'configured')), 'b a');
    assert.equal(ids(new RowOrder<Row>().arrange(rows, 'configured')), 'b a');
  });

  it('keeps rows in place while names arrive one by one, and settles them into the sort when told (a page arrived)', () => {
    const order = new RowOrder<Row>();
    const [x, y, z] = [row('x'), row('y'), row('z')];
    // Nothing named yet: the listing's order.
    assert.equal(ids(order.arrange([x, y, z], 'name')), 'x y z');
    z.known.name = 'Alpha';
    y.known.name = 'Beta';
    assert.equal(ids(order.arrange([x, y, z], 'name')), 'x y z', 'a name arriving moves nothing');
    // A row new since the order settled comes after the others.
    const w = row('w', { name: 'Aardvark' });
    assert.equal(ids(order.arrange([w, x, y, z], 'name')), 'x y z w');
    assert.equal(order.settle([w, x, y, z], 'name'), true);
    assert.equal(ids(order.arrange([w, x, y, z], 'name')), 'w z y x');
    assert.equal(order.settle([w, x, y, z], 'name'), false, 'settled again with nothing new: nothing moved');
  });

  it('sorts anew for another sort, and after a reset (a new listing)', () => {
    const order = new RowOrder<Row>();
    const a = row('a', { name: 'B', tone: 'ok' });
    const b = row('b', { name: 'A', tone: 'error' });
    assert.equal(ids(order.arrange([a, b], 'name')), 'b a');
    a.known.name = 'A0';
    b.known.name = 'Z';
    assert.equal(ids(order.arrange([a, b], 'name')), 'b a');
    order.reset();
    assert.equal(ids(order.arrange([a, b], 'name')), 'a b');
    assert.equal(ids(order.arrange([a, b], 'status')), 'b a');
  });

  it('reads spaces.groupBy and spaces.sortBy: any value the manifest does not list is the default', () => {
    assert.deepEqual(['vendor', 'status', 'account', 'nonsense', 3, undefined].map(groupByOf), ['vendor', 'status', 'account', 'account', 'account', 'account']);
    assert.deepEqual(['name', 'status', 'changed', 'configured', {}, undefined].map(sortByOf), ['name', 'status', 'changed', 'configured', 'configured', 'configured']);
  });
});
