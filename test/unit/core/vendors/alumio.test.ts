import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { HttpClient, HttpRequest } from '../../../../src/core/http';
import { alumio } from '../../../../src/core/vendors/alumio';
import { HOSTILE, LONG_UNICODE_NAME } from '../../../sandbox/hostile';
import { ALUMIO_SANDBOX } from '../../../sandbox/vendors/alumio';
import { rejectsWith } from '../http-support';
import { useVendorSuite, type Secrets } from './vendor-support';

const { spaces } = ALUMIO_SANDBOX;

describe('Alumio client', () => {
  const suite = useVendorSuite(alumio, { settings: (sandbox) => ({ id: 'alumio-test', baseUrl: sandbox.url }), secrets: { token: ALUMIO_SANDBOX.token } });
  const client = (secrets?: Secrets, via?: HttpClient) => suite.client({ secrets, http: via });

  it('declares its catalog entry, settings and secret fields', () => {
    assert.equal(alumio.id, 'alumio');
    assert.equal(alumio.catalog.name, 'Alumio');
    assert.deepEqual(alumio.fields.map((f) => [f.key, f.required]), [['baseUrl', true]]);
    assert.deepEqual(alumio.secretFields.map((f) => f.key), ['token']);
  });

  it('reads the seed-shaped space field by field', async () => {
    const before = Date.now();
    const space = await client().getSpace(spaces.seed);
    assert.equal(space.vendor, 'alumio');
    assert.equal(space.accountId, 'alumio-test');
    assert.equal(space.id, 'acme-production');
    assert.equal(space.name, 'ACME Production');
    assert.deepEqual(space.description, {
      text: 'Live integrations for **ACME**.\n\n- Orders from [the shop](https://shop.example.com) to the ERP\n- Stock levels back to the shop',
      markdown: true,
    });
    assert.deepEqual(space.status, { label: 'Active', tone: 'ok', detail: 'This space is up and running!' });
    assert.equal(space.created, '2024-03-01T09:15:00.000Z');
    assert.equal(space.updated, '2024-06-12T16:40:05.000Z');
    assert.deepEqual(space.facts, [
      { label: 'Type', value: 'Production', kind: 'text' },
      { label: 'Data Engines', value: 2, kind: 'count' },
      { label: 'Locked', value: false, kind: 'boolean' },
      { label: 'Terms agreed', value: true, kind: 'boolean' },
      { label: 'Created by', value: 'owner@acme.example', kind: 'email' },
      { label: 'Expire date', value: '2025-03-01T00:00:00.000Z', kind: 'date' },
    ]);
    assert.deepEqual(space.groups, []);
    assert.equal(space.webUrl, undefined, 'the web UI URL is not documented');
    assert.equal((space.raw as { object: { identifier: string } }).object.identifier, 'acme-production');
    assert.ok(space.fetchedAt >= before && space.fetchedAt <= Date.now());
    assert.equal(JSON.stringify(JSON.parse(JSON.stringify(space))), JSON.stringify(space), 'plain JSON all the way down');
  });

  it('sends the API key as a Bearer token to /api/v1/spaces/{identifier}', async () => {
    await client().getSpace(spaces.seed, { refresh: true });
    const request = suite.sandbox.received.at(-1)!;
    assert.equal(request.method, 'GET');
    assert.equal(request.url, '/api/v1/spaces/acme-production');
    assert.equal(request.headers.authorization, 'Bearer sandbox-alumio-token');
  });

  it('asks the HTTP layer for a fresh copy on Refresh and a cached one otherwise', async () => {
    const seen: HttpRequest[] = [];
    const spy: HttpClient = { json: (request) => (seen.push(request), suite.http.json(request)) };
    await client(undefined, spy).getSpace(spaces.seed);
    await client(undefined, spy).getSpace(spaces.seed, { refresh: true });
    assert.deepEqual(seen.map((r) => r.cache), ['use', 'refresh']);
  });

  it('accepts a space with only the fields the seed requires', async () => {
    const space = await client().getSpace(spaces.minimal);
    assert.equal(space.name, 'Minimal space');
    assert.equal(space.description, undefined);
    assert.equal(space.status, undefined);
    assert.equal(space.created, undefined);
    assert.deepEqual(space.facts, [{ label: 'Type', value: 'Development', kind: 'text' }]);
  });

  it('ignores unknown fields, accepts booleans for the 0/1 flags and shows who canceled', async () => {
    const space = await client().getSpace(spaces.extra);
    assert.equal(space.name, 'Space with extras');
    assert.equal(space.status?.label, 'Canceled');
    const facts = Object.fromEntries(space.facts.map((f) => [f.label, f.value]));
    assert.equal(facts.Type, 'UAT');
    assert.equal(facts.Locked, true);
    assert.equal(facts['Terms agreed'], false);
    assert.equal(facts['Canceled by'], 'finance@acme.example');
    assert.equal(facts['Cancel date'], '2024-07-01T08:00:00.000Z');
    assert.equal(facts.region, undefined);
  });

  it('sends an opaque id as one encoded path segment and keeps a long unicode name', async () => {
    const space = await client().getSpace(spaces.unicode, { refresh: true });
    assert.equal(suite.sandbox.received.at(-1)!.url, `/api/v1/spaces/${encodeURIComponent(spaces.unicode)}`);
    assert.equal(space.id, spaces.unicode);
    assert.equal(space.name, LONG_UNICODE_NAME);
    assert.equal(space.description?.text, 'Überblick: 数据 → データ ✓ 🚀');
    assert.deepEqual(space.status, { label: 'Pending', tone: 'neutral', detail: 'This space will be created shortly.' });
  });

  it('refuses an id that would climb the path (".", "..", empty) before sending anything', async () => {
    const before = suite.sandbox.received.length;
    for (const id of ['..', '.', '']) {
      await rejectsWith(client().getSpace(id), 'config', /not a valid id/);
    }
    assert.equal(suite.sandbox.received.length, before);
    // Dots inside an id are just characters.
    await rejectsWith(client().getSpace('..hidden'), 'notFound');
  });

  it('keeps hostile strings verbatim, as data', async () => {
    const space = await client().getSpace(spaces.hostile);
    assert.equal(space.name, HOSTILE.html);
    assert.deepEqual(space.description, { text: `${HOSTILE.markdown}\n\n[open](${HOSTILE.link})\n\n${HOSTILE.script}`, markdown: true });
    assert.deepEqual(space.status, { label: HOSTILE.template, tone: 'neutral' });
    const facts = Object.fromEntries(space.facts.map((f) => [f.label, f.value]));
    assert.equal(facts.Type, HOSTILE.attribute);
    assert.equal(facts['Created by'], HOSTILE.bidi);
    assert.equal(facts['Canceled by'], HOSTILE.link);
  });

  it('shows every status with the seed title, a tone and the seed sentence', async () => {
    const c = client();
    const seen = await Promise.all(ALUMIO_SANDBOX.statuses.map(async (status) => [status, (await c.getSpace(`${ALUMIO_SANDBOX.statePrefix}${status}`)).status]));
    assert.deepEqual(Object.fromEntries(seen), {
      new: { label: 'Pending', tone: 'neutral', detail: 'This space will be created shortly.' },
      creating: { label: 'Creating', tone: 'neutral', detail: 'This space is currently being set up, this might take a few minutes.' },
      ready: { label: 'Active', tone: 'ok', detail: 'This space is up and running!' },
      error: { label: 'Error', tone: 'error', detail: 'Something went wrong while setting up your space, please contact support.' },
      deleting: { label: 'Deleting', tone: 'warn', detail: 'This space is currently being deleted, this might take a few minutes.' },
      deleted: { label: 'Deleted', tone: 'error', detail: 'This space has been deleted and can no longer be used.' },
      canceled: { label: 'Canceled', tone: 'warn', detail: 'This space has been canceled, it will be deleted on the expiration date.' },
    });
  });

  describe('errors, from the seed Error shape', () => {
    it('a wrong token is auth', async () => {
      await rejectsWith(client({ token: 'wrong' }).getSpace(spaces.seed, { refresh: true }), 'auth', /^Alumio did not accept the API key: Invalid API key\.$/);
    });

    it('403 is forbidden', async () => {
      await rejectsWith(client().getSpace('status-403'), 'forbidden', /^Alumio refused access to this space: You do not have access to this space\.$/);
    });

    it('an unknown id is notFound', async () => {
      await rejectsWith(client().getSpace('no-such-space'), 'notFound', /^Alumio has no space with this id: Not Found\.$/);
    });

    it('429 is rateLimited', async () => {
      await rejectsWith(client().getSpace('status-429'), 'rateLimited', /^Alumio is limiting requests \(HTTP 429\): Too many requests, slow down\.$/);
    });

    it('500 is server', async () => {
      await rejectsWith(client().getSpace('status-500'), 'server', /^Alumio could not answer \(HTTP 500\): Internal server error\.$/);
    });

    it('violations are named with their property path', async () => {
      await rejectsWith(
        client().getSpace(spaces.invalid),
        'badResponse',
        /^Alumio did not accept the request for this space \(HTTP 422\): The space could not be read: identifier: This value is not valid\.$/,
      );
    });

    it('a vendor that echoes the credentials does not put them in the message', async () => {
      const err = await rejectsWith(client().getSpace(spaces.echo), 'forbidden', /\*\*\*/);
      assert.doesNotMatch(err.message, /sandbox-alumio-token/);
    });

    it('a name that is not a string falls back to the id; an answer without its space object is badResponse', async () => {
      const space = await client().getSpace(spaces.badShape);
      assert.equal(space.name, spaces.badShape);
      assert.deepEqual(space.facts.map((f) => f.value), ['Development'], 'the other fields are read');
      suite.sandbox.addFault({ path: `/api/v1/spaces/${spaces.seed}`, kind: 'status', status: 200, body: { object: [1, 2] }, times: 1 });
      await rejectsWith(client().getSpace(spaces.seed, { refresh: true }), 'badResponse', /^Alumio answered the space in an unexpected shape at "object"/);
    });

    it('a missing token is config, and nothing is sent', async () => {
      const count = suite.sandbox.stats().requests;
      await rejectsWith(client({}).getSpace(spaces.seed), 'config', /No API key is set for this Alumio account/);
      await rejectsWith(client({ token: '' }).getSpace(spaces.seed), 'config', /API key/);
      assert.equal(suite.sandbox.stats().requests, count);
    });
  });
});
