import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { onedata } from '../../../../src/core/vendors/onedata';
import type { VendorClient } from '../../../../src/core/vendors/vendor';
import { HOSTILE, hostile, LONG_UNICODE_NAME } from '../../../sandbox/hostile';
import { ONEDATA_SANDBOX } from '../../../sandbox/vendors/onedata';
import { eventually } from '../../../harness/wait.mjs';
import { rejectsWith } from '../http-support';
import { fact, useVendorSuite } from './vendor-support';

const S = ONEDATA_SANDBOX.spaces;
const API = '/api/v3/onezone';

describe('onedata vendor', () => {
  const suite = useVendorSuite(onedata, { settings: (sandbox) => ({ id: 'od', baseUrl: sandbox.url }), secrets: { token: ONEDATA_SANDBOX.token } });
  let client: VendorClient;
  const paths = () => suite.sandbox.received.map((r) => r.url);

  before(() => {
    client = suite.client();
  });

  describe('the seed and its variants', () => {
    it('parses the seed example field by field', async () => {
      const before = Date.now();
      const space = await client.getSpace(S.seed);
      assert.equal(space.vendor, 'onedata');
      assert.equal(space.accountId, 'od');
      assert.equal(space.id, '2c0160248ba9a66f45da751ca459535a');
      assert.equal(space.name, 'My Private space');
      assert.equal(space.created, '2019-12-12T12:13:13.000Z'); // 1576152793 is seconds, not ms
      assert.equal(space.updated, undefined);
      assert.equal(space.description, undefined);
      assert.deepEqual(space.status, { label: 'Supported', tone: 'ok', detail: '2 storage providers support this space.' });
      assert.equal(space.webUrl, `${suite.sandbox.url}/ozw/onezone/i#/onedata/spaces/2c0160248ba9a66f45da751ca459535a`);
      assert.deepEqual(space.groups, [
        {
          id: 'providers',
          label: 'Storage providers',
          kind: 'providers',
          columns: [{ key: 'size', label: 'Support size', kind: 'bytes' }],
          items: [
            { id: '296ebe3c20e9666dc489b647f8647f12', label: '296ebe3c20e9666dc489b647f8647f12', values: { size: 5368709120 } },
            { id: 'dcf12429647c204896eebe3b6f686967', label: 'dcf12429647c204896eebe3b6f686967', values: { size: 14400000 } },
          ],
          chart: { valueKey: 'size', unit: 'bytes' },
          total: { label: 'Total support', value: 5383109120, kind: 'bytes' },
        },
      ]);
      assert.deepEqual(space.facts, [
        { label: 'Space ID', value: '2c0160248ba9a66f45da751ca459535a', kind: 'text' },
        { label: 'Creator', value: 'user 7434b256e71e1052e0d5e3e9da657ebfc1a770c3', kind: 'text' },
        { label: 'Created', value: '2019-12-12T12:13:13.000Z', kind: 'date' },
        { label: 'Providers', value: 2, kind: 'count' },
        { label: 'Total support', value: 5383109120, kind: 'bytes' },
      ]);
      assert.deepEqual(space.raw, {
        spaceId: '2c0160248ba9a66f45da751ca459535a',
        name: 'My Private space',
        providers: { '296ebe3c20e9666dc489b647f8647f12': 5368709120, dcf12429647c204896eebe3b6f686967: 14400000 },
        creator: { type: 'user', id: '7434b256e71e1052e0d5e3e9da657ebfc1a770c3' },
        creationTime: 1576152793,
      });
      assert.ok(space.fetchedAt >= before && space.fetchedAt <= Date.now());
      // User-scoped details first (see onedata.ts), with the token in x-auth-token.
      assert.equal(suite.sandbox.received.at(-1)!.url, `${API}/user/effective_spaces/${S.seed}`);
    });

    it('parses the seed schema example (32-hex creator id) served under another id', async () => {
      const space = await client.getSpace(S.seedSchemaExample);
      assert.equal(space.id, S.seedSchemaExample);
      assert.equal(fact(space.facts, 'Space ID')?.value, '2c0160248ba9a66f45da751ca459535a');
      assert.equal(fact(space.facts, 'Creator')?.value, 'user 7434b256e71e1052e0d5e3e9da657ebf');
      assert.equal(space.webUrl, `${suite.sandbox.url}/ozw/onezone/i#/onedata/spaces/2c0160248ba9a66f45da751ca459535a`);
    });

    it("reads a newer release's Markdown description, organization, tags and marketplace fields, ignoring unknown ones", async () => {
      const space = await client.getSpace(S.newer);
      assert.equal(space.name, 'Climate data');
      assert.deepEqual(space.description, { text: '# Climate data\n\nDaily **reanalysis** files. See [the docs](https://onedata.org/#/home/documentation).', markdown: true });
      assert.equal(space.created, '2023-11-14T22:13:20.000Z');
      assert.deepEqual(fact(space.facts, 'Organization'), { label: 'Organization', value: 'Example Research Institute', kind: 'text' });
      assert.deepEqual(fact(space.facts, 'Tags'), { label: 'Tags', value: 'climate, open-data', kind: 'text' });
      assert.deepEqual(fact(space.facts, 'In marketplace'), { label: 'In marketplace', value: true, kind: 'boolean' });
      assert.deepEqual(fact(space.facts, 'Marketplace contact'), { label: 'Marketplace contact', value: 'data@example.org', kind: 'email' });
      assert.deepEqual((space.raw as { futureField: number[] }).futureField, [1, 2, 3]);
    });

    it('takes a space with only an id and a name', async () => {
      const space = await client.getSpace(S.minimal);
      assert.equal(space.name, 'Minimal space');
      assert.deepEqual(space.groups, []);
      assert.equal(space.status, undefined);
      assert.equal(space.created, undefined);
      assert.deepEqual(space.facts, [{ label: 'Space ID', value: S.minimal, kind: 'text' }]);
    });

    it('shows a space created by nobody and without support', async () => {
      const space = await client.getSpace(S.unsupported);
      assert.equal(fact(space.facts, 'Creator')?.value, 'nobody');
      assert.deepEqual(space.status, { label: 'Not supported', tone: 'warn', detail: 'No storage provider supports this space, so it cannot hold data.' });
      assert.deepEqual(space.groups, []);
      assert.equal(fact(space.facts, 'Providers')?.value, 0);
      assert.equal(space.created, '2019-07-22T18:15:29.000Z');
    });

    it('keeps a very long unicode name as it is', async () => {
      assert.equal((await client.getSpace(S.longName)).name, LONG_UNICODE_NAME);
    });

    it('keeps hostile strings verbatim as data, in every field', async () => {
      const space = await client.getSpace(S.hostile);
      assert.equal(space.name, HOSTILE.html);
      assert.deepEqual(space.description, { text: HOSTILE.markdown, markdown: true });
      assert.deepEqual(space.groups[0]!.items.map((i) => [i.id, i.label, i.values.size]), [
        [HOSTILE.script, HOSTILE.script, 1024],
        [HOSTILE.attribute, HOSTILE.attribute, 2048],
      ]);
      assert.equal(fact(space.facts, 'Creator')?.value, `user ${HOSTILE.template}`);
      assert.equal(fact(space.facts, 'Organization')?.value, HOSTILE.bidi);
      assert.equal(fact(space.facts, 'Tags')?.value, `${HOSTILE.link}, ${hostile(1)}`);
      assert.deepEqual(fact(space.facts, 'Marketplace contact'), { label: 'Marketplace contact', value: HOSTILE.attribute, kind: 'text' });
    });

    it('keeps provider ids that name an object property (__proto__, constructor) as rows, in the total too', async () => {
      const space = await client.getSpace(S.protoKeys);
      const providers = space.groups.find((g) => g.kind === 'providers');
      assert.deepEqual(providers?.items.map((i) => [i.label, i.values.size]), [
        ['__proto__', 4096],
        ['constructor', 1024],
        ['ordinary', 512],
      ]);
      assert.equal(providers?.total?.value, 4096 + 1024 + 512);
    });

    it('encodes ids as one opaque path segment', async () => {
      await rejectsWith(client.getSpace('a/b c?d#e'), 'notFound');
      assert.ok(paths().includes(`${API}/user/effective_spaces/a%2Fb%20c%3Fd%23e`));
      assert.ok(paths().includes(`${API}/spaces/a%2Fb%20c%3Fd%23e`));
    });
  });

  describe('errors in Onezone\'s shape', () => {
    const withToken = (token: string) => suite.client({ secrets: { token } });

    it('reports a token error (HTTP 400) as auth, in Onezone\'s words, without the token', async () => {
      const err = await rejectsWith(withToken('not-a-real-token-1234').getSpace(S.seed, { refresh: true }), 'auth', /^Onedata did not accept the access token: Provided token could not be understood by the server\.$/);
      assert.equal(err.details.status, 400);
      assert.doesNotMatch(err.message, /not-a-real-token-1234/);
    });

    it('reports a revoked token as auth', async () => {
      await rejectsWith(withToken(ONEDATA_SANDBOX.revokedToken).getSpace(S.seed), 'auth', /revoked/);
    });

    it('reports 401 unauthorized as auth, with the nested authError when there is one', async () => {
      await rejectsWith(client.getSpace(ONEDATA_SANDBOX.statusId(401)), 'auth', /You must authenticate yourself/);
      const basic = suite.client({ settings: { authMode: 'basic' }, secrets: { username: 'admin', password: 'wrong-password-42' } });
      const err = await rejectsWith(basic.getSpace(S.seed), 'auth', /^Onedata did not accept the user name or password: Invalid username or password\.$/);
      assert.equal(err.details.status, 401);
      assert.doesNotMatch(err.message, /wrong-password-42/);
    });

    it('reports 403 as forbidden after trying both detail paths', async () => {
      const id = ONEDATA_SANDBOX.statusId(403);
      await rejectsWith(client.getSpace(id), 'forbidden', /^Onedata refused access to space "status-403": You are not authorized to perform this operation \(insufficient privileges\?\)\.$/);
      assert.deepEqual(paths().slice(-2), [`${API}/user/effective_spaces/${id}`, `${API}/spaces/${id}`]);
    });

    it('reports 404 as notFound', async () => {
      await rejectsWith(client.getSpace(ONEDATA_SANDBOX.statusId(404)), 'notFound', /^Onedata has no space "status-404" visible to this account: The resource could not be found\.$/);
      await rejectsWith(client.getSpace('no-such-space'), 'notFound');
    });

    it('reports 503 serviceUnavailable and 500 as server', async () => {
      await rejectsWith(client.getSpace(ONEDATA_SANDBOX.statusId(503)), 'server', /HTTP 503.*Service Unavailable/);
      await rejectsWith(client.getSpace(ONEDATA_SANDBOX.statusId(500)), 'server', /HTTP 500.*encountered an error/);
    });

    it('reads a creator without a type (the Subject schema requires none of its fields)', async () => {
      suite.sandbox.addFault({ path: '/api/v3/onezone/user/effective_spaces/odd', kind: 'status', status: 200, body: { name: 'Odd', creator: { id: 'abc' } }, times: 1 });
      const space = await client.getSpace('odd');
      assert.equal(space.facts.find((f) => f.label === 'Creator')?.value, 'abc');
    });

    it('leaves a provider whose size is no number out of the group, counted, and says why for the log', async () => {
      const space = await client.getSpace(S.badShape);
      const providers = space.groups.find((g) => g.kind === 'providers');
      assert.deepEqual([providers?.items.length, providers?.unreadable], [0, 1]);
      assert.deepEqual(space.problems, ['Storage providers: 1 of 1 rows could not be read (provider "296ebe3c20e9666dc489b647f8647f12": the size is not a number)']);
    });

    it('does not repeat the token or the basic credentials when the server echoes them', async () => {
      const byToken = await rejectsWith(client.getSpace(S.echo), 'forbidden');
      assert.doesNotMatch(byToken.message, new RegExp(ONEDATA_SANDBOX.token));
      const basic = suite.client({ settings: { authMode: 'basic' }, secrets: { username: 'admin', password: 'password' } });
      const byBasic = await rejectsWith(basic.getSpace(S.echo), 'forbidden');
      const encoded = Buffer.from('admin:password').toString('base64');
      assert.equal(suite.sandbox.received.at(-1)!.headers.authorization, `Basic ${encoded}`);
      assert.doesNotMatch(byBasic.message, new RegExp(encoded.replace(/[+/=]/g, '\\$&')));
      assert.match(byBasic.message, /Credentials "Basic \*\*\*" may not read this space\.$/);
    });

    it('reports a missing secret as config before sending anything', async () => {
      const count = suite.sandbox.received.length;
      await rejectsWith(suite.client({ secrets: {} }).getSpace(S.seed), 'config', /access token/);
      await rejectsWith(suite.client({ secrets: {} }).listSpaces!(), 'config');
      const basic = suite.client({ settings: { authMode: 'basic' }, secrets: { username: 'admin' } });
      await rejectsWith(basic.getSpace(S.seed), 'config', /password/);
      assert.equal(suite.sandbox.received.length, count);
    });
  });

  describe('authentication', () => {
    it('sends the token in x-auth-token and nothing in authorization', async () => {
      await client.getSpace(S.seed, { refresh: true });
      const { headers } = suite.sandbox.received.at(-1)!;
      assert.equal(headers['x-auth-token'], ONEDATA_SANDBOX.token);
      assert.equal(headers.authorization, undefined);
    });

    it('sends basic auth under authMode basic, and nothing in x-auth-token', async () => {
      const basic = suite.client({ settings: { authMode: 'basic' }, secrets: { username: 'admin', password: 'password' } });
      assert.equal((await basic.getSpace(S.seed)).name, 'My Private space');
      const { headers } = suite.sandbox.received.at(-1)!;
      assert.equal(headers.authorization, `Basic ${Buffer.from('admin:password').toString('base64')}`);
      assert.equal(headers['x-auth-token'], undefined);
    });

    it("falls back to /spaces/{id} for a space outside the user's own (admin view)", async () => {
      const basic = suite.client({ settings: { authMode: 'basic' }, secrets: { username: 'admin', password: 'password' } });
      const space = await basic.getSpace(S.adminOnly);
      assert.equal(space.name, 'Admin-only space');
      assert.equal(fact(space.facts, 'Creator')?.value, 'oneprovider dcf12429647c204896eebe3b6f686967');
      assert.deepEqual(paths().slice(-2), [`${API}/user/effective_spaces/${S.adminOnly}`, `${API}/spaces/${S.adminOnly}`]);
      await rejectsWith(client.getSpace(S.adminOnly), 'forbidden');
    });

    it('accepts the API URL as base URL too', async () => {
      const viaApi = suite.client({ settings: { baseUrl: `${suite.sandbox.url}/api/v3/onezone` } });
      const space = await viaApi.getSpace(S.minimal, { refresh: true });
      assert.equal(space.name, 'Minimal space');
      assert.equal(suite.sandbox.received.at(-1)!.url, `${API}/user/effective_spaces/${S.minimal}`);
    });
  });

  describe('listing', () => {
    it("lists the user's effective spaces in one request, ids only: the names come with each space's details", async () => {
      const before = suite.sandbox.received.length;
      const refs = await client.listSpaces!({ refresh: true });
      assert.deepEqual(
        suite.sandbox.received.slice(before).map((r) => r.url),
        [`${API}/user/effective_spaces`],
      );
      const ids = refs.map((r) => r.id);
      assert.ok(ids.includes(S.seed) && ids.includes(S.hostile) && ids.includes(S.badShape));
      assert.ok(!ids.includes(S.adminOnly));
      assert.ok(refs.every((r) => r.name === undefined));
      assert.equal(new Set(ids).size, ids.length, 'no id twice');
    });

    it('lists 500 spaces with one request, however many there are', async () => {
      const bulk = suite.client({ secrets: { token: ONEDATA_SANDBOX.bulkToken } });
      const before = suite.sandbox.received.length;
      const refs = await bulk.listSpaces!({ refresh: true });
      assert.equal(refs.length, 500);
      assert.deepEqual(refs[0], { id: 'bulk-0001' });
      assert.deepEqual(refs[499], { id: 'bulk-0500' });
      assert.equal(suite.sandbox.received.length - before, 1);
    });

    it('stops a listing when cancelled', async () => {
      const bulk = suite.client({ secrets: { token: ONEDATA_SANDBOX.bulkToken } });
      suite.sandbox.addFault({ path: `${API}/user/effective_spaces`, kind: 'hold', times: 1 });
      const controller = new AbortController();
      const listing = bulk.listSpaces!({ signal: controller.signal, refresh: true });
      await eventually(() => suite.sandbox.held, (held) => held > 0, 'the listing to be held');
      controller.abort();
      await rejectsWith(listing, 'cancelled');
      suite.sandbox.release();
    });
  });

  it('declares its wizard fields and secrets per auth mode', () => {
    assert.equal(onedata.id, 'onedata');
    assert.deepEqual(onedata.fields.find((f) => f.key === 'authMode')?.choices?.map((c) => c.value), ['token', 'basic']);
    assert.deepEqual(onedata.secretFields.map((s) => [s.key, s.authMode]), [
      ['token', 'token'],
      ['username', 'basic'],
      ['password', 'basic'],
    ]);
  });
});
