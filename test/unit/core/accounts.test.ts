import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseAccounts, travelsSafely } from '../../../src/core/accounts';

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

  it('refuses plain http to another machine (credentials would travel unencrypted) unless the account opts in', () => {
    const { accounts, broken } = parseAccounts([
      { id: 'clear', vendor: 'alumio', baseUrl: 'http://acme.alumio.com' },
      { id: 'opted', vendor: 'alumio', baseUrl: 'http://acme.alumio.com', allowInsecureHttp: true },
      { id: 'loop', vendor: 'alumio', baseUrl: 'http://127.0.0.1:8080' },
      { id: 'shared', vendor: 'openlayer', workspaceId: 'w', baseUrl: 'http://10.0.0.5/v1', allowInsecureHttp: 'yes' },
    ]);
    assert.deepEqual(
      broken.map((b) => [b.id, b.problem]),
      [
        ['clear', { code: 'insecureHttp', value: 'http://acme.alumio.com' }],
        ['shared', { code: 'badValue', field: 'allowInsecureHttp' }],
      ],
    );
    assert.deepEqual(accounts.map((a) => [a.id, a.allowInsecureHttp]), [
      ['opted', true],
      ['loop', false],
    ]);
  });

  it('counts https and loopback as safe, and nothing else', () => {
    for (const url of ['https://x.example', 'http://localhost:3000', 'http://LOCALHOST', 'http://127.0.0.1', 'http://127.8.9.10:1/v1', 'http://[::1]:8080', 'http://2130706433/']) {
      assert.ok(travelsSafely(url), url);
    }
    for (const url of ['http://x.example', 'http://127.0.0.1.evil.example', 'http://localhost.evil.example', 'http://10.0.0.1', 'http://[::2]', 'http://0.0.0.0', 'ftp://localhost', 'nonsense']) {
      assert.ok(!travelsSafely(url), url);
    }
  });

  it('does not count *.localhost as loopback: a resolver is asked for it, so it needs allowInsecureHttp', () => {
    for (const url of ['http://api.localhost', 'http://alumio.localhost:8080', 'http://a.b.localhost']) assert.ok(!travelsSafely(url), url);
    const { accounts, broken } = parseAccounts([
      { id: 'named', vendor: 'alumio', baseUrl: 'http://alumio.localhost:8080' },
      { id: 'opted', vendor: 'alumio', baseUrl: 'http://alumio.localhost:8080', allowInsecureHttp: true },
    ]);
    assert.deepEqual(broken.map((b) => [b.id, b.problem.code]), [['named', 'insecureHttp']]);
    assert.deepEqual(accounts.map((a) => a.id), ['opted']);
  });

  it('treats anything but an array as no accounts', () => {
    for (const raw of [undefined, null, {}, 'x', 42]) assert.deepEqual(parseAccounts(raw), { accounts: [], broken: [] });
  });
});
