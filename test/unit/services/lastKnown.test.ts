import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAccounts, type Account } from '../../../src/core/accounts';
import { LastKnownTree, MAX_BYTES } from '../../../src/services/lastKnown';

const account = (id: string, baseUrl = 'https://zone.example.org'): Account => {
  const parsed = parseAccounts([{ id, vendor: 'onedata', baseUrl }]);
  assert.equal(parsed.broken.length, 0);
  return parsed.accounts[0]!;
};
const scratch = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'last-known-')), 'tree.json');

describe('the last known tree', () => {
  it('keeps the listing with the names and statuses fetched since, and reads it back in a new window', async () => {
    const file = scratch();
    const first = new LastKnownTree(file, 0);
    await first.ready;
    const zone = account('zone');
    first.listed(zone, [{ id: 'a' }, { id: 'b', name: 'Bee' }]);
    first.fetched(zone, 'a', { name: 'Ay', status: { label: 'Active', tone: 'ok', detail: 'not kept' }, updated: '2025-03-01T10:00:00.000Z' });
    first.fetched(zone, 'elsewhere', { name: 'Not listed' });
    first.setExpanded('account:zone', true);
    await first.flush();

    const next = new LastKnownTree(file, 0);
    await next.ready;
    assert.deepEqual(next.spaces(zone), [
      { id: 'a', name: 'Ay', status: { label: 'Active', tone: 'ok' }, updated: '2025-03-01T10:00:00.000Z' },
      { id: 'b', name: 'Bee' },
    ]);
    assert.equal(next.isExpanded('account:zone'), true);
    // A fresh listing keeps what is known of the spaces still listed, in the new order.
    next.listed(zone, [{ id: 'c' }, { id: 'a' }]);
    assert.deepEqual(next.spaces(zone), [{ id: 'c' }, { id: 'a', name: 'Ay', status: { label: 'Active', tone: 'ok' }, updated: '2025-03-01T10:00:00.000Z' }]);
  });

  it('is no copy for the same id on another server, and a removed account takes its copy and expanded rows', async () => {
    const tree = new LastKnownTree(undefined);
    tree.listed(account('zone'), [{ id: 'a', name: 'Ay' }]);
    assert.equal(tree.spaces(account('zone', 'https://other.example.org')), undefined);
    tree.setExpanded('account:zone', true);
    tree.setExpanded('account:zone/space:a', true);
    tree.setExpanded('account:kept', true);
    // Its rows wherever they were drawn: pinned, under a vendor or a status group.
    tree.setExpanded('pinned/account:zone/space:a', true);
    tree.setExpanded('status:active/account:zone/space:a', true);
    tree.setExpanded('status:active/account:kept/space:a', true);
    tree.keepOnly(['kept']);
    assert.equal(tree.spaces(account('zone')), undefined);
    assert.equal(tree.isExpanded('account:zone/space:a'), false);
    assert.equal(tree.isExpanded('pinned/account:zone/space:a'), false);
    assert.equal(tree.isExpanded('status:active/account:zone/space:a'), false);
    assert.equal(tree.isExpanded('status:active/account:kept/space:a'), true);
    assert.equal(tree.isExpanded('account:kept'), true);
  });

  it('holds no more than its bound however much is listed, keeping the first spaces of each account', () => {
    const tree = new LastKnownTree(undefined);
    const long = 'x'.repeat(10_000);
    const accounts = 4;
    const listed = 3000;
    // The clipped names alone (500 characters each) come to more than the bound.
    assert.ok(accounts * listed * 500 > MAX_BYTES);
    for (let n = 0; n < accounts; n++) tree.listed(account(`big-${n}`), Array.from({ length: listed }, (_, i) => ({ id: `s${i}`, name: long })));
    const text = tree.serialize();
    assert.ok(Buffer.byteLength(text) <= MAX_BYTES, `${Buffer.byteLength(text)} bytes`);
    const saved = JSON.parse(text) as { accounts: Record<string, { spaces: { id: string; name: string }[] }> };
    assert.equal(Object.keys(saved.accounts).length, accounts, 'every account keeps a copy');
    const kept = Object.values(saved.accounts).map(({ spaces }) => spaces.length);
    assert.ok(kept.some((n) => n < listed), `some account's list was cut: kept ${kept.join(', ')}`);
    for (const { spaces } of Object.values(saved.accounts)) {
      assert.ok(spaces.length > 0);
      assert.deepEqual(spaces.map((s) => s.id), Array.from({ length: spaces.length }, (_, i) => `s${i}`), 'the first spaces, in order');
      assert.ok(spaces.every((s) => s.name.length <= 500), 'names are clipped');
    }
  });

  it('counts its bound in bytes as written (UTF-8), not in characters: names in other scripts are cut too', () => {
    const tree = new LastKnownTree(undefined);
    // Three bytes a character in UTF-8: the clipped names are under the bound in characters, over it in bytes.
    const name = '空'.repeat(500);
    const listed = 6000;
    assert.ok(listed * 500 < MAX_BYTES && listed * 500 * 3 > MAX_BYTES);
    tree.listed(account('cjk'), Array.from({ length: listed }, (_, i) => ({ id: `s${i}`, name })));
    const text = tree.serialize();
    assert.ok(Buffer.byteLength(text) <= MAX_BYTES, `${Buffer.byteLength(text)} bytes`);
    const saved = JSON.parse(text) as { accounts: Record<string, { spaces: unknown[] }> };
    assert.ok(saved.accounts.cjk!.spaces.length < listed, 'the list was cut');
  });

  it('takes the sound parts of a damaged or foreign copy and drops the rest', async () => {
    const file = scratch();
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        accounts: {
          zone: { server: 'onedata https://zone.example.org', spaces: [{ id: 'a', status: { label: 'x', tone: 'purple' }, updated: 'not a date' }, { name: 'no id' }, 7, { id: 'b', name: 5, updated: 12 }] },
          odd: 'not an account',
        },
        expanded: ['account:zone', 42],
      }),
    );
    const tree = new LastKnownTree(file, 0);
    await tree.ready;
    assert.deepEqual(tree.spaces(account('zone')), [{ id: 'a' }, { id: 'b' }]);
    assert.equal(tree.isExpanded('account:zone'), true);
    writeFileSync(file, '{ not json');
    const broken = new LastKnownTree(file, 0);
    await broken.ready;
    assert.equal(broken.spaces(account('zone')), undefined);
    assert.equal(readFileSync(file, 'utf8'), '{ not json', 'nothing written until something changes');
  });
});
