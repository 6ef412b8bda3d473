import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseAccounts } from '../../src/core/accounts';

describe('spaces.accounts settings contract', () => {
  it('applies defaults: label, vendor base URL, auth mode, Blueworks query options', () => {
    const { accounts, broken } = parseAccounts([
      { id: 'ol', vendor: 'openlayer', workspaceId: 'w1' },
      { id: 'sh', vendor: 'sharely', workspaceId: 'w2', label: 'Team' },
      { id: 'bw', vendor: 'blueworks', baseUrl: 'https://us001.blueworkslive.com/', clientId: 'c' },
    ]);
    assert.deepEqual(broken, []);
    assert.deepEqual(
      accounts.map((a) => [a.id, a.label, a.baseUrl, a.authMode]),
      [
        ['ol', 'ol', 'https://api.openlayer.com/v1', undefined],
        ['sh', 'Team', 'https://api.sharely.ai', 'apiKey'],
        ['bw', 'bw', 'https://us001.blueworkslive.com', undefined],
      ],
    );
    assert.equal(accounts[2]!.includeSubspaces, true);
    assert.equal(accounts[2]!.archivedState, 'active');
  });

  it('sets aside each broken entry with its problem and keeps every other account', () => {
    const { accounts, broken } = parseAccounts([
      'not an object',
      { id: 'Upper Case', vendor: 'alumio' },
      { id: 'a1', vendor: 'salesforce' },
      { id: 'a2', vendor: 'alumio' },
      { id: 'a3', vendor: 'onedata', baseUrl: 'ftp://zone' },
      { id: 'a4', vendor: 'onedata', baseUrl: 'https://zone', authMode: 'apiKey' },
      { id: 'ok', vendor: 'onedata', baseUrl: 'https://zone', authMode: 'basic' },
      { id: 'ok', vendor: 'alumio', baseUrl: 'https://x.alumio.com' },
      { id: 'a5', vendor: 'openlayer', workspaceId: 'w', spaces: 'not-a-list' },
      { id: 'a6', vendor: 'alumio', baseUrl: 'https://user:pw@x.alumio.com' },
    ]);
    assert.deepEqual(accounts.map((a) => a.id), ['ok']);
    assert.deepEqual(
      broken.map((b) => [b.index, b.id, b.problem.code]),
      [
        [0, undefined, 'notAnObject'],
        [1, undefined, 'badId'],
        [2, 'a1', 'unknownVendor'],
        [3, 'a2', 'missingField'],
        [4, 'a3', 'badUrl'],
        [5, 'a4', 'badAuthMode'],
        [7, 'ok', 'duplicateId'],
        [8, 'a5', 'badValue'],
        [9, 'a6', 'badUrl'],
      ],
    );
    assert.deepEqual(broken[3]!.problem, { code: 'missingField', field: 'baseUrl' });
    assert.deepEqual(broken[7]!.problem, { code: 'badValue', field: 'spaces' });
  });

  it('treats anything but an array as no accounts', () => {
    for (const raw of [undefined, null, {}, 'x', 42]) assert.deepEqual(parseAccounts(raw), { accounts: [], broken: [] });
  });
});
